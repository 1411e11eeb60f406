//! The package's generated TypeScript declarations: every input and output type from the core's
//! shapes, the client's operation methods, the commands, the paginate functions and the service
//! error classes.

use crate::camel;
use iot_transfer::{ErrorOrigin, ERROR_KINDS};
use std::fmt::Write as _;

/// An operation, as the declarations name it.
pub struct Operation {
    pub name: &'static str,
    pub method: &'static str,
    pub input: &'static str,
    pub output: &'static str,
    pub doc: String,
}

/// A member of a record or an enum variant.
struct Member {
    name: &'static str,
    rust_type: &'static str,
    has_default: bool,
    doc: String,
}

enum Item {
    Record {
        name: &'static str,
        doc: String,
        members: Vec<Member>,
    },
    /// The model's status: its wire names.
    Status {
        name: &'static str,
        doc: String,
        values: Vec<&'static str>,
    },
    Enum {
        name: &'static str,
        doc: String,
        variants: Vec<(&'static str, String, Vec<Member>)>,
    },
}

/// Every shape, collected from the core's declaration.
pub struct Declarations {
    items: Vec<Item>,
}

macro_rules! collect_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $($inputs:tt)* }
        records { $($records:tt)* }
        status { $($status:tt)* }
        enums { $($enums:tt)* }
    ) => {{
        let mut items = Vec::new();
        collect_shapes!(@records items, $($inputs)*);
        collect_shapes!(@records items, $($records)*);
        collect_shapes!(@status items, $($status)*);
        collect_shapes!(@enums items, $($enums)*);
        items
    }};
    (@records $items:ident, $(
        $(#[$sattr:meta])*
        struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)? }
    )*) => {$(
        $items.push(Item::Record {
            name: stringify!($record),
            doc: doc_of(&[$(stringify!($sattr)),*]),
            members: vec![$(Member {
                name: stringify!($field),
                rust_type: stringify!($fty),
                has_default: false $(|| { let _ = stringify!($default); true })?,
                doc: doc_of(&[$(stringify!($fattr)),*]),
            }),*],
        });
    )*};
    (@status $items:ident, $(
        $(#[$eattr:meta])*
        enum $enum:ident { $( $(#[$vattr:meta])* $variant:ident $( ( $($tty:ty),* ) )? ),* $(,)? }
    )*) => {$(
        $items.push(Item::Status {
            name: stringify!($enum),
            doc: doc_of(&[$(stringify!($eattr)),*]),
            values: [$(collect_shapes!(@wire $enum $variant $( ( $($tty),* ) )?)),*].into_iter().flatten().collect(),
        });
    )*};
    (@wire $enum:ident $variant:ident) => { Some(iot_transfer::$enum::$variant.as_str()) };
    (@wire $enum:ident $variant:ident ( $($tty:ty),* )) => { None::<&'static str> };
    (@enums $items:ident, $(
        $(#[$eattr:meta])*
        enum $enum:ident { $(
            $(#[$vattr:meta])*
            $variant:ident $( { $( $(#[$vfattr:meta])* $vfield:ident: $vfty:ty ),* $(,)? } )?
        ),* $(,)? }
    )*) => {$(
        $items.push(Item::Enum {
            name: stringify!($enum),
            doc: doc_of(&[$(stringify!($eattr)),*]),
            variants: vec![$((
                stringify!($variant),
                doc_of(&[$(stringify!($vattr)),*]),
                vec![$($(Member { name: stringify!($vfield), rust_type: stringify!($vfty), has_default: false, doc: doc_of(&[$(stringify!($vfattr)),*]) }),*)?],
            )),*],
        });
    )*};
}

/// The doc comment among stringified attributes (`doc = r" ..."`, as `stringify!` prints a doc
/// comment), trimmed and joined.
fn doc_of(attributes: &[&str]) -> String {
    let text = |attribute: &str| -> Option<String> {
        let value = attribute.strip_prefix("doc")?.trim_start().strip_prefix('=')?.trim();
        let raw = value.strip_prefix('r').map(|v| v.trim_matches('#'));
        let quoted = raw.unwrap_or(value).strip_prefix('"')?.strip_suffix('"')?;
        Some(if raw.is_some() { quoted.to_owned() } else { quoted.replace("\\\"", "\"") })
    };
    let lines: Vec<String> = attributes.iter().filter_map(|a| text(a)).map(|line| line.trim().to_owned()).collect();
    lines.join(" ")
}

/// The TypeScript type of a Rust field type; `Option<T>` is `T` (the member is then optional).
fn ts_type(rust: &str) -> String {
    let rust: String = rust.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(inner) = rust.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
        return ts_type(inner);
    }
    if let Some(inner) = rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        return format!("{}[]", ts_type(inner));
    }
    match rust.as_str() {
        "String" => "string".into(),
        "bool" => "boolean".into(),
        "u16" | "u32" => "number".into(),
        "Duration" => "number".into(),
        "SystemTime" => "Date".into(),
        other => other.into(),
    }
}

fn is_optional(member: &Member) -> bool {
    member.has_default || member.rust_type.replace(' ', "").starts_with("Option<")
}

fn member_line(member: &Member) -> String {
    let (name, ty) = if member.name == "metadata" {
        ("$metadata".to_owned(), "ResponseMetadata".to_owned())
    } else {
        (camel(member.name), ts_type(member.rust_type))
    };
    let optional = if is_optional(member) { "?" } else { "" };
    format!("  /** {} */\n  {name}{optional}: {ty};\n", member.doc)
}

impl Declarations {
    /// Every shape of the core.
    pub fn new() -> Self {
        Self { items: iot_transfer::for_each_shape!(collect_shapes) }
    }

    /// The declarations file.
    pub fn render(&self, operations: &[Operation], paginators: &[(&str, &str, String)]) -> String {
        let mut ts = String::from(
            "\n// ---- Generated by bindings-wasm/generate from the core's declarations: do not edit below.\n",
        );
        for item in &self.items {
            match item {
                Item::Record { name, doc, members, .. } => {
                    let _ = write!(ts, "\n/** {doc} */\nexport interface {name} {{\n");
                    members.iter().for_each(|member| ts.push_str(&member_line(member)));
                    ts.push_str("}\n");
                }
                Item::Status { name, doc, values } => {
                    let union: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
                    let _ =
                        write!(ts, "\n/** {doc} */\nexport type {name} = {} | (string & {{}});\n", union.join(" | "));
                }
                Item::Enum { name, doc, variants } => {
                    let _ = write!(ts, "\n/** {doc} */\nexport type {name} =\n");
                    for (variant, vdoc, members) in variants {
                        let fields: String =
                            members.iter().map(|m| format!(" {}: {};", camel(m.name), ts_type(m.rust_type))).collect();
                        let _ = writeln!(ts, "  /** {vdoc} */\n  | {{ type: \"{variant}\";{fields} }}");
                    }
                    ts.push_str(";\n");
                }
            }
        }
        ts.push_str("\nexport interface IoTTransferClient {\n");
        for operation in operations {
            let _ = write!(
                ts,
                "  /** {} */\n  {}(input: {}, options?: CallOptions): Promise<{}>;\n",
                operation.doc,
                camel(operation.method),
                operation.input,
                operation.output
            );
        }
        for operation in operations {
            let _ = writeln!(
                ts,
                "  send(command: {}Command, options?: CallOptions): Promise<{}>;",
                operation.name, operation.output
            );
        }
        ts.push_str("}\n");
        for operation in operations {
            let _ = write!(
                ts,
                "\n/** {doc} */\nexport declare class {name}Command {{\n  static readonly operation: \"{name}\";\n  \
                 constructor(input: {input});\n  readonly input: {input};\n}}\n",
                doc = operation.doc,
                name = operation.name,
                input = operation.input,
            );
        }
        for (name, _, doc) in paginators {
            let _ = write!(
                ts,
                "\n/** {doc} */\nexport declare function paginate{name}(\n  config: {{ client: IoTTransferClient }},\n  \
                 input?: {name}Input,\n): AsyncIterable<{name}Output>;\n",
            );
        }
        let fields: Vec<String> =
            iot_transfer::InputField::ALL.iter().map(|f| format!("\"{}\"", f.model_name())).collect();
        let _ = write!(ts, "\n/** What a `ValidationError` is about: an input member, or the `signingDate` sign option. */\nexport type InputField = {};\n", fields.join(" | "));
        let kinds: Vec<String> = ERROR_KINDS.iter().map(|kind| format!("\"{}\"", kind.name)).collect();
        let _ = write!(ts, "\n/** What went wrong, for callers to branch on: the core's error kinds. */\nexport type ErrorKind = {};\n", kinds.join(" | "));
        for kind in ERROR_KINDS {
            if let ErrorOrigin::Modelled { code, .. } = kind.origin {
                let _ = write!(
                    ts,
                    "\n/** {} */\nexport declare class {code} extends IoTServiceException {{}}\n",
                    kind.doc.trim()
                );
            }
        }
        ts
    }
}
