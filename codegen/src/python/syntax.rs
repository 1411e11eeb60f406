//! How declarations are written in Python: literals, docstrings, type annotations and the names
//! uniffi's Python bindings give enum variants.

use iot_transfer_codegen::{Declarations, Member};

/// A Python string literal holding `text`.
pub fn string(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    format!("\"{escaped}\"")
}

/// `paragraph` wrapped at 100 columns with `indent`, one line each.
fn wrap(paragraph: &str, indent: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split_whitespace() {
        let line = lines.last_mut().expect("lines starts with one line");
        if !line.is_empty() && indent.len() + line.len() + word.len() + 1 > 97 {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// A docstring holding `text` (paragraphs separated by a blank line), wrapped at 100 columns,
/// its lines indented by `indent`.
pub fn docstring(text: &str, indent: &str) -> String {
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    let paragraphs: Vec<Vec<String>> = text.split("\n\n").map(|paragraph| wrap(paragraph, indent)).collect();
    if let [lines] = paragraphs.as_slice() {
        if let [line] = lines.as_slice() {
            return format!("{indent}\"\"\"{line}\"\"\"\n");
        }
    }
    let body: Vec<String> =
        paragraphs.iter().map(|lines| lines.iter().map(|line| format!("{indent}{line}\n")).collect()).collect();
    format!("{indent}\"\"\"\n{}{indent}\"\"\"\n", body.join("\n"))
}

/// A Python value for a default written in Rust (`None`, `false`, `true`, a number).
pub fn value(rust_default: &str) -> String {
    match rust_default.trim() {
        "false" => "False".to_owned(),
        "true" => "True".to_owned(),
        other => other.to_owned(),
    }
}

/// The name uniffi's Python bindings give an enum variant: `PendingTransfer` is `PENDING_TRANSFER`.
pub fn variant_name(variant: &str) -> String {
    let mut name = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_uppercase());
    }
    name
}

/// The stub's private alias for the names a status may be given by (`_CertificateStatusName`).
pub fn status_names_alias(status: &str) -> String {
    format!("_{status}Name")
}

/// The annotation of a value of Rust type `rust` given by a caller: a status also by its name.
pub fn annotation(rust: &str, declarations: &Declarations) -> String {
    if let Some(inner) = rust.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
        return format!("Optional[{}]", annotation(inner, declarations));
    }
    if let Some(inner) = rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        return format!("List[{}]", annotation(inner, declarations));
    }
    match rust {
        "String" => "str".to_owned(),
        "bool" => "bool".to_owned(),
        "i32" | "u16" | "u32" | "u64" => "int".to_owned(),
        "f64" => "float".to_owned(),
        "Duration" => "datetime.timedelta".to_owned(),
        "SystemTime" => "datetime.datetime".to_owned(),
        status if declarations.status(status).is_some() => {
            format!("Union[{status}, {}]", status_names_alias(status))
        }
        record => record.to_owned(),
    }
}

/// A keyword-only parameter for `member`: `certificate_id: str` or `transfer_message: Optional[str] = None`.
pub fn parameter(member: &Member, declarations: &Declarations) -> String {
    let annotation = annotation(&member.rust_type, declarations);
    match (member.required(), member.default) {
        (true, _) => format!("{}: {annotation}", member.name),
        (false, Some(default)) => format!("{}: {annotation} = {}", member.name, value(default)),
        (false, None) => format!("{}: {annotation} = None", member.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_names() {
        assert_eq!(string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(variant_name("PendingTransfer"), "PENDING_TRANSFER");
        assert_eq!(variant_name("Active"), "ACTIVE");
        assert_eq!(value("false"), "False");
        assert_eq!(value("None"), "None");
    }

    #[test]
    fn docstrings_wrap_and_escape() {
        assert_eq!(docstring("One line.", "    "), "    \"\"\"One line.\"\"\"\n");
        let long = docstring(&"word ".repeat(40), "");
        assert!(long.starts_with("\"\"\"\n") && long.lines().all(|line| line.len() <= 100));
        assert!(docstring("a \"\"\" b", "").contains("\\\"\\\"\\\""));
        assert_eq!(docstring("One.\n\nTwo.", ""), "\"\"\"\nOne.\n\nTwo.\n\"\"\"\n");
    }

    #[test]
    fn annotations_of_inputs() {
        let declarations = Declarations::new();
        assert_eq!(annotation("Option<String>", &declarations), "Optional[str]");
        assert_eq!(annotation("u32", &declarations), "int");
        assert_eq!(annotation("CertificateStatus", &declarations), "Union[CertificateStatus, _CertificateStatusName]");
    }
}
