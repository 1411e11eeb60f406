//! An input member as its builder holds it: the builder property's Kotlin type and initial value,
//! and the conversions to and from the member of uniffi's record.
//!
//! The builder uses the types Kotlin code writes: `Int` and `Long` for the core's unsigned counts
//! (uniffi's `UInt`, `ULong`), saturating at 0 and the unsigned maximum (the core's range check
//! then names the rule, as the npm package does with numbers). A required member left unset is
//! sent as its type's empty value (`""`, the status's unknown variant with an empty name, an empty
//! list), which the core's validation reports as required or invalid, naming the member.

use iot_transfer_codegen::{camel, Item, Member};

/// Kotlin's hard keywords: a member named like one is written in backticks.
const KEYWORDS: &[&str] = &[
    "as",
    "break",
    "class",
    "continue",
    "do",
    "else",
    "false",
    "for",
    "fun",
    "if",
    "in",
    "interface",
    "is",
    "null",
    "object",
    "package",
    "return",
    "super",
    "this",
    "throw",
    "true",
    "try",
    "typealias",
    "typeof",
    "val",
    "var",
    "when",
    "while",
];

/// `name` as a Kotlin identifier: in backticks if it is a keyword.
pub(crate) fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("`{name}`")
    } else {
        name.to_owned()
    }
}

/// A member as the builder holds it.
pub(crate) struct BuilderMember {
    /// The Kotlin name (`certificateId`), as an identifier.
    pub name: String,
    /// The member's doc comment.
    pub doc: String,
    /// The builder property's type (`String?`).
    pub builder_type: String,
    /// The builder property's initial value (`null`).
    pub initial: String,
    /// The record's value, from the builder property named `name`.
    pub to_record: String,
    /// The builder's value, from the record's member named `name` (for `copy { }`).
    pub from_record: String,
    /// Whether the caller must set it.
    pub required: bool,
}

/// A member's Rust type as Kotlin sees it.
struct Scalar {
    /// The builder's Kotlin type.
    builder: String,
    /// The function from the builder's type to the record's, if they differ.
    to_record: Option<&'static str>,
    /// The function from the record's type to the builder's, if they differ.
    from_record: Option<&'static str>,
    /// The value a required member left unset is sent as, if the type has one.
    empty: Option<String>,
}

fn scalar(rust: &str, items: &[Item]) -> Scalar {
    let plain = |builder: &str, empty: &str| Scalar {
        builder: builder.to_owned(),
        to_record: None,
        from_record: None,
        empty: Some(empty.to_owned()),
    };
    let unsigned = |builder: &str, to: &'static str, from: &'static str| Scalar {
        builder: builder.to_owned(),
        to_record: Some(to),
        from_record: Some(from),
        empty: Some("0".to_owned()),
    };
    if let Some(inner) = rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        let element = scalar(inner, items);
        assert!(element.to_record.is_none(), "a list of {inner} needs a conversion per element: not supported");
        return Scalar { builder: format!("List<{}>", element.builder), empty: Some("emptyList()".into()), ..element };
    }
    match rust {
        "String" => plain("String", "\"\""),
        "bool" => plain("Boolean", "false"),
        "i32" => plain("Int", "0"),
        "f64" => plain("Double", "0.0"),
        "u16" => unsigned("Int", "saturatingUShort", "saturatingIntOf"),
        "u32" => unsigned("Int", "saturatingUInt", "saturatingIntOf"),
        "u64" => unsigned("Long", "saturatingULong", "saturatingLongOf"),
        named => match items.iter().find(|item| item.name() == named) {
            Some(Item::Status { unknown: Some(unknown), .. }) => plain(named, &format!("{named}.{unknown}(\"\")")),
            Some(_) => Scalar { builder: named.to_owned(), to_record: None, from_record: None, empty: None },
            None => {
                panic!("the input member type {named} has no Kotlin mapping: add it to codegen/src/kotlin/members.rs")
            }
        },
    }
}

/// The value of a declared default (`= None`, `= false`, `= 4`, `= []`) in Kotlin, as the builder
/// holds it in a property of type `builder` (an unsigned count as an `Int`, a fraction as a `Double`).
fn kotlin_default(default: &str, member: &Member, builder: &str) -> String {
    match default.trim() {
        "None" => "null".to_owned(),
        literal @ ("true" | "false") => literal.to_owned(),
        number if builder == "Double" && number.parse::<f64>().is_ok() => {
            // Kotlin converts no integer literal to a Double: `4` is written `4.0`.
            format!("{:?}", number.parse::<f64>().unwrap_or_default())
        }
        number if number.parse::<i64>().is_ok() => number.to_owned(),
        "[]" if builder.starts_with("List<") => "emptyList()".to_owned(),
        other => {
            panic!(
                "the default `{other}` of {} has no Kotlin form: add it to codegen/src/kotlin/members.rs",
                member.name
            )
        }
    }
}

fn apply(function: Option<&str>, value: &str, nullable: bool) -> String {
    match (function, nullable) {
        (None, _) => value.to_owned(),
        (Some(f), true) => format!("{value}?.let(::{f})"),
        (Some(f), false) => format!("{f}({value})"),
    }
}

impl BuilderMember {
    /// `member` of an input record, with the declared `items` for the types it names.
    pub(crate) fn new(member: &Member, items: &[Item]) -> Self {
        let name = ident(&camel(member.name));
        let field = name.clone();
        let compact = &member.rust_type;
        let (optional, base) = match compact.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
            Some(inner) => (true, inner.to_owned()),
            None => (false, compact.clone()),
        };
        let scalar = scalar(&base, items);
        let default = member.default.map(|d| kotlin_default(d, member, &scalar.builder));
        let required = !optional && default.is_none();
        let (builder_type, initial, to_record) = if optional {
            assert!(
                default.as_deref().is_none_or(|d| d == "null"),
                "{}: an optional member defaults to None",
                member.name
            );
            (format!("{}?", scalar.builder), "null".to_owned(), apply(scalar.to_record, &field, true))
        } else if let Some(default) = default {
            (scalar.builder.clone(), default, apply(scalar.to_record, &field, false))
        } else {
            let empty = scalar.empty.clone().unwrap_or_else(|| {
                panic!(
                    "the required member {} of type {base} has no empty value: add one to codegen/src/kotlin/members.rs",
                    member.name
                )
            });
            (
                format!("{}?", scalar.builder),
                "null".to_owned(),
                apply(scalar.to_record, &format!("({field} ?: {empty})"), false),
            )
        };
        let from_record = apply(scalar.from_record, &format!("input.{field}"), optional);
        BuilderMember { name, doc: member.doc.clone(), builder_type, initial, to_record, from_record, required }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(rust_type: &'static str, default: Option<&'static str>) -> BuilderMember {
        let member = Member { name: "page_size", rust_type: rust_type.replace(" ", ""), default, doc: String::new() };
        BuilderMember::new(&member, &iot_transfer_codegen::shapes())
    }

    #[test]
    fn optional_counts_are_ints_saturated_into_the_record() {
        let page = member("Option<u32>", Some("None"));
        assert_eq!((page.builder_type.as_str(), page.initial.as_str()), ("Int?", "null"));
        assert_eq!(page.to_record, "pageSize?.let(::saturatingUInt)");
        assert_eq!(page.from_record, "input.pageSize?.let(::saturatingIntOf)");
        assert!(!page.required);
    }

    #[test]
    fn signed_counts_need_no_conversion() {
        let page = member("Option<i32>", Some("None"));
        assert_eq!((page.builder_type.as_str(), page.to_record.as_str()), ("Int?", "pageSize"));
    }

    #[test]
    fn required_members_are_sent_empty_when_unset() {
        let id = member("String", None);
        assert!(id.required);
        assert_eq!((id.builder_type.as_str(), id.to_record.as_str()), ("String?", "(pageSize ?: \"\")"));
        let status = member("CertificateStatus", None);
        assert_eq!(status.to_record, "(pageSize ?: CertificateStatus.Unknown(\"\"))");
    }

    #[test]
    fn keywords_are_quoted() {
        assert_eq!((ident("object"), ident("target")), ("`object`".to_owned(), "target".to_owned()));
    }

    #[test]
    fn defaults_become_initial_values() {
        let flag = member("bool", Some("false"));
        assert_eq!(
            (flag.builder_type.as_str(), flag.initial.as_str(), flag.to_record.as_str()),
            ("Boolean", "false", "pageSize")
        );
    }

    #[test]
    fn defaulted_counts_are_ints_saturated_into_the_record() {
        let count = member("u32", Some("4"));
        assert_eq!((count.builder_type.as_str(), count.initial.as_str()), ("Int", "4"));
        assert_eq!(count.to_record, "saturatingUInt(pageSize)");
        assert_eq!(count.from_record, "saturatingIntOf(input.pageSize)");
        assert!(!count.required);
    }

    #[test]
    fn lists_are_lists_empty_by_default_or_when_unset() {
        let defaulted = member("Vec<String>", Some("[]"));
        assert_eq!(
            (defaulted.builder_type.as_str(), defaulted.initial.as_str(), defaulted.to_record.as_str()),
            ("List<String>", "emptyList()", "pageSize")
        );
        let required = member("Vec<String>", None);
        assert!(required.required);
        assert_eq!(
            (required.builder_type.as_str(), required.to_record.as_str()),
            ("List<String>?", "(pageSize ?: emptyList())")
        );
    }

    #[test]
    fn fractions_are_doubles() {
        let rate = member("f64", Some("2.5"));
        assert_eq!(
            (rate.builder_type.as_str(), rate.initial.as_str(), rate.to_record.as_str()),
            ("Double", "2.5", "pageSize")
        );
        assert_eq!(member("f64", Some("1")).initial, "1.0");
        assert_eq!(member("f64", None).to_record, "(pageSize ?: 0.0)");
    }
}
