//! The TypeScript type of the client settings: `ClientSettings`, each declared setting under its
//! JS SDK name (a nested one, `timeouts.connect`, in an interface of its group: `Timeouts`),
//! which the package's `IoTTransferClientConfig` extends with what only JavaScript has.

use iot_transfer::RetryMode;
use iot_transfer_codegen::{setting_doc, upper_camel, Declarations, Setting, SettingKind};
use std::fmt::Write as _;

/// The TypeScript type of a setting of `kind`.
fn ts_type(kind: SettingKind) -> String {
    match kind {
        SettingKind::Text => "string".into(),
        SettingKind::Flag => "boolean".into(),
        SettingKind::Attempts | SettingKind::Millis => "number".into(),
        SettingKind::Mode => RetryMode::ALL.map(|mode| format!("\"{}\"", mode.name())).join(" | "),
    }
}

/// A member's doc: the setting's, with its unit and rule in JavaScript's terms.
fn member_doc(setting: &Setting) -> String {
    let unit = if setting.kind == SettingKind::Millis { " In milliseconds." } else { "" };
    let rule = setting.kind.expected().map(|expected| format!(" Must be {expected}.")).unwrap_or_default();
    format!("{}{unit}{rule}", setting_doc(setting))
}

/// The `ClientSettings` interface and one interface per group of nested members.
pub fn render(declarations: &Declarations) -> String {
    let mut top = String::new();
    let mut groups: Vec<(&str, String)> = Vec::new();
    for setting in declarations.settings {
        let Some(path) = setting.js else { continue };
        let line = |name: &str| format!("  /** {} */\n  {name}?: {};\n", member_doc(setting), ts_type(setting.kind));
        match path.split_once('.') {
            None => top.push_str(&line(path)),
            Some((group, name)) => match groups.iter_mut().find(|(g, _)| *g == group) {
                Some((_, members)) => members.push_str(&line(name)),
                None => {
                    let _ =
                        write!(top, "  /** See `{}`. */\n  {group}?: {};\n", upper_camel(group), upper_camel(group));
                    groups.push((group, line(name)));
                }
            },
        }
    }
    let mut ts = String::new();
    for (group, members) in &groups {
        let _ =
            write!(ts, "\n/** The `{group}` settings. */\nexport interface {} {{\n{members}}}\n", upper_camel(group));
    }
    let _ = write!(
        ts,
        "\n/**\n * The client settings every iot-transfer binding offers, by the JS SDK's names. In Node, each \
         one left out comes\n * from its environment variable as in the JS SDK ({}).\n */\nexport interface ClientSettings {{\n{top}}}\n",
        environment(declarations)
    );
    ts
}

/// The settings' environment variables, for the doc.
fn environment(declarations: &Declarations) -> String {
    let variables: Vec<String> = declarations
        .settings
        .iter()
        .filter(|setting| setting.js.is_some())
        .flat_map(|setting| setting.env.iter().map(|variable| format!("`{variable}`")))
        .collect();
    variables.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_settings_get_their_group() {
        let ts = render(&Declarations::new());
        assert!(ts.contains("export interface Timeouts {\n"), "{ts}");
        assert!(ts.contains("  connect?: number;\n"));
        assert!(ts.contains("  timeouts?: Timeouts;\n"));
        assert!(ts.contains("  retryMode?: \"standard\" | \"adaptive\";\n"));
        assert!(ts.contains("  endpoint?: string;\n") && !ts.contains("profile?:"));
        assert!(ts.contains("`AWS_ENDPOINT_URL_IOT`, `AWS_ENDPOINT_URL`"));
    }
}
