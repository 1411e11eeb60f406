//! The Python face's client settings: the `SETTINGS` table its constructor reads (boto3's keyword
//! argument, the uniffi record's field, the kind), and the constructor's typed signature in
//! `client.pyi`. Durations are seconds here, as botocore's timeouts are.

use super::syntax::{docstring, string};
use iot_transfer_codegen::{setting_doc, Declarations, Setting, SettingKind};
use std::fmt::Write as _;

/// The kind's name in the table.
fn kind_name(kind: SettingKind) -> &'static str {
    match kind {
        SettingKind::Text => "text",
        SettingKind::Flag => "flag",
        SettingKind::Attempts => "attempts",
        SettingKind::Millis => "seconds",
        SettingKind::Mode => "mode",
    }
}

/// The keyword argument's annotation.
fn annotation(kind: SettingKind) -> &'static str {
    match kind {
        SettingKind::Text => "Optional[str]",
        SettingKind::Flag => "Optional[bool]",
        SettingKind::Attempts => "Optional[int]",
        SettingKind::Millis => "Optional[float]",
        SettingKind::Mode => "Union[str, RetryMode, None]",
    }
}

/// The `SETTINGS` entry of `_declarations.py`.
pub fn table(declarations: &Declarations) -> String {
    let mut py = String::from(
        "\n#: Every client setting: (keyword argument, `ClientConfig` field, kind: text, flag, attempts,\n\
         #: seconds or mode).\nSETTINGS = (\n",
    );
    for setting in declarations.settings {
        let _ = writeln!(
            py,
            "    ({}, {}, {}),",
            string(setting.python),
            string(setting.name),
            string(kind_name(setting.kind))
        );
    }
    py.push_str(")\n");
    py
}

/// A setting's doc as the constructor's docstring gives it.
fn argument_doc(setting: &Setting) -> String {
    let unit = if setting.kind == SettingKind::Millis { " In seconds." } else { "" };
    let rule = setting.kind.expected().map(|expected| format!(" Must be {expected}.")).unwrap_or_default();
    format!("`{}`: {}{unit}{rule}", setting.python, setting_doc(setting))
}

/// The clients' `__init__` in `client.pyi`: every setting, then the credentials.
pub fn constructor(declarations: &Declarations) -> String {
    let mut parameters = String::from("        self,\n        *,\n");
    for setting in declarations.settings {
        let _ = writeln!(parameters, "        {}: {} = None,", setting.python, annotation(setting.kind));
    }
    for (argument, annotation) in [
        ("aws_access_key_id", "Optional[str]"),
        ("aws_secret_access_key", "Optional[str]"),
        ("aws_session_token", "Optional[str]"),
        ("credentials_provider", "Optional[CredentialsProvider]"),
    ] {
        let _ = writeln!(parameters, "        {argument}: {annotation} = None,");
    }
    let mut doc = String::from(
        "A client made with boto3's keyword arguments; every one is optional, and what is left out comes \
         from where the AWS SDKs find it (the environment, the shared config and credentials files, SSO, \
         a web identity token, the container or instance metadata). A setting out of its range is a \
         `ConfigurationError` naming it.",
    );
    for setting in declarations.settings {
        let _ = write!(doc, "\n\n{}", argument_doc(setting));
    }
    doc.push_str(
        "\n\n`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`: static credentials (both \
         keys, or neither).\n\n`credentials_provider`: a `CredentialsProvider` for refreshable credentials, \
         instead of static keys.",
    );
    format!("    def __init__(\n{parameters}    ) -> None:\n{}", docstring(&doc, "        "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_an_argument_and_a_row() {
        let declarations = Declarations::new();
        let (table, constructor) = (table(&declarations), constructor(&declarations));
        assert!(table.contains("    (\"connect_timeout\", \"connect_timeout_ms\", \"seconds\"),\n"), "{table}");
        assert!(constructor.contains("\n        connect_timeout: Optional[float] = None,\n"));
        assert!(constructor.contains("\n        retry_mode: Union[str, RetryMode, None] = None,\n"));
        for setting in declarations.settings {
            assert!(constructor.contains(&format!(" {}: ", setting.python)), "{}", setting.python);
        }
    }
}
