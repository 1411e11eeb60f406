//! `Settings.kt`: the client settings the core declares as the open class the DSL's config
//! builder extends (`IotTransferClient { region = "us-east-1"; callTimeout = 5.seconds }`), with
//! the record uniffi carries them in and the core's check of their rules.

use super::kdoc;
use iot_transfer_codegen::{camel, setting_doc, Declarations, Setting, SettingKind, SettingNaming};
use std::fmt::Write as _;

/// The property's Kotlin type, and how the record's field is made from it.
fn property(setting: &Setting) -> (&'static str, &'static str) {
    match setting.kind {
        SettingKind::Text => ("String", ""),
        SettingKind::Flag => ("Boolean", ""),
        SettingKind::Attempts => ("Int", "?.toLong()"),
        SettingKind::Millis => ("Duration", "?.inWholeMilliseconds"),
        SettingKind::Mode => ("RetryMode", ""),
    }
}

/// The text of `Settings.kt`, after the header.
pub(crate) fn render(declarations: &Declarations) -> String {
    let mut properties = String::new();
    let mut fields = String::new();
    for setting in declarations.settings {
        let name = setting.name_in(SettingNaming::Kotlin).unwrap_or_else(|| camel(setting.name));
        let (kotlin_type, conversion) = property(setting);
        let rule = setting.kind.expected().map(|expected| format!(" Must be {expected}.")).unwrap_or_default();
        properties.push_str(&kdoc("    ", &[&format!("{}{rule}", setting_doc(setting))]));
        let _ = writeln!(properties, "    var {name}: {kotlin_type}? = null\n");
        let _ = writeln!(fields, "            {} = {name}{conversion},", camel(setting.name));
    }
    let mut text = "\n".to_owned()
        + &kdoc(
            "",
            &["The client settings, as the AWS SDK for Kotlin's `Config.Builder` holds them: each one left \
               `null` comes from the environment and the shared AWS files as the SDKs read them (`AWS_REGION`, \
               the profile's `region`, ...), else from the SDKs' defaults."],
        );
    let _ = write!(
        text,
        "open class IotTransferClientSettings {{\n{properties}{}    fun settings(): ClientConfig {{\n        \
         val config = ClientConfig(\n{fields}        )\n        checkClientConfig(config, SettingNaming.KOTLIN)\n        \
         return config\n    }}\n}}\n",
        kdoc(
            "    ",
            &["The settings as uniffi's [ClientConfig] carries them. A setting out of its range throws \
               [IotTransferException.Configuration] naming it (`callTimeout must be a duration from 0 to 24 days`)."]
        ),
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_durations_and_counts_ints() {
        let text = render(&Declarations::new());
        assert!(text.contains("    var callTimeout: Duration? = null\n"), "{text}");
        assert!(text.contains("            callTimeoutMs = callTimeout?.inWholeMilliseconds,\n"));
        assert!(text.contains("    var maxAttempts: Int? = null\n"));
        assert!(text.contains("            maxAttempts = maxAttempts?.toLong(),\n"));
        assert!(text.contains("    var useDualStack: Boolean? = null\n"));
    }
}
