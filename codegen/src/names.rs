//! Names and doc comments as the declarations give them, turned into the bindings' forms.

/// `snake_case` to `camelCase`: the core's own conversion.
pub fn camel(snake: &str) -> String {
    iot_transfer::operation::lower_camel(snake)
}

/// `snake_case` to `UpperCamelCase`.
pub fn upper_camel(snake: &str) -> String {
    let camel = camel(snake);
    let mut chars = camel.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `UpperCamelCase` to `lowerCamelCase`: a type or variant name as a function name or a Swift
/// enum case (`PendingTransfer` is `pendingTransfer`).
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A doc comment's lines, trimmed and joined into one paragraph (blank lines dropped).
pub fn doc(lines: &[&str]) -> String {
    lines.iter().map(|line| line.trim()).filter(|line| !line.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The doc comment among stringified attributes (`doc = r" ..."`, as `stringify!` prints a doc
/// comment), trimmed and joined; other attributes are skipped.
pub(crate) fn doc_of(attributes: &[&str]) -> String {
    let text = |attribute: &str| -> Option<String> {
        let value = attribute.strip_prefix("doc")?.trim_start().strip_prefix('=')?.trim();
        let raw = value.strip_prefix('r').map(|v| v.trim_matches('#'));
        let quoted = raw.unwrap_or(value).strip_prefix('"')?.strip_suffix('"')?;
        Some(if raw.is_some() { quoted.to_owned() } else { quoted.replace("\\\"", "\"") })
    };
    let lines: Vec<String> = attributes.iter().filter_map(|a| text(a)).collect();
    doc(&lines.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The last segment of a stringified type path (`$crate::TransferCertificateInput`).
pub(crate) fn last_segment(path: &'static str) -> &'static str {
    path.rsplit("::").next().unwrap_or(path).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(camel("list_certificates_paginator"), "listCertificatesPaginator");
        assert_eq!(upper_camel("list_certificates_paginator"), "ListCertificatesPaginator");
        assert_eq!(lower_first("PendingTransfer"), "pendingTransfer");
        assert_eq!(last_segment("$crate :: TransferCertificateInput"), "TransferCertificateInput");
    }

    #[test]
    fn doc_comments() {
        assert_eq!(
            doc_of(&["doc = r\" The ID.\"", "serde(default)", "doc = r\" Or its ARN.\""]),
            "The ID. Or its ARN."
        );
        assert_eq!(doc_of(&["doc = \" A \\\"quoted\\\" word.\""]), "A \"quoted\" word.");
        assert_eq!(doc_of(&["derive(Debug)"]), "");
    }
}
