//! `values.py`: the Python face's values, one class per record, status and enum the core returns,
//! and `_conversions.py`: each made from the generated uniffi value. A status is a `str` enum
//! (`status == "ACTIVE"`), a record a frozen dataclass with a `repr` of its fields and
//! `to_dict()` (the model's member names, as boto3 returns them), an enum's variant a dataclass
//! with `type` its name. The hand-written bases are in `_value.py`.

use super::syntax::{docstring, string, variant_name};
use iot_transfer_codegen::{camel, Declarations, Group, Item, Member};
use std::fmt::Write as _;

/// What a member holds, as the face converts it.
enum Held<'a> {
    /// A value the generated one already is (`str`, `int`, `bool`, `datetime`, `timedelta`).
    Plain(&'static str),
    /// A status enum.
    Status(&'a str),
    /// A record or an enum: converted by its function.
    Value(&'a str),
    /// `Option<_>`.
    Optional(Box<Held<'a>>),
    /// `Vec<_>`.
    List(Box<Held<'a>>),
}

fn held<'a>(rust: &'a str, declarations: &Declarations) -> Held<'a> {
    if let Some(inner) = rust.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
        return Held::Optional(Box::new(held(inner, declarations)));
    }
    if let Some(inner) = rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        return Held::List(Box::new(held(inner, declarations)));
    }
    match rust {
        "String" => Held::Plain("str"),
        "bool" => Held::Plain("bool"),
        "i32" | "u16" | "u32" | "u64" => Held::Plain("int"),
        "f64" => Held::Plain("float"),
        "Duration" => Held::Plain("datetime.timedelta"),
        "SystemTime" => Held::Plain("datetime.datetime"),
        status if declarations.status(status).is_some() => Held::Status(status),
        value => Held::Value(value),
    }
}

impl Held<'_> {
    /// Its annotation in `values.py`: a status is its enum or, unknown to this version, its text.
    fn annotation(&self) -> String {
        match self {
            Held::Plain(python) => (*python).to_owned(),
            Held::Status(status) => format!("Union[{status}, str]"),
            Held::Value(name) => (*name).to_owned(),
            Held::Optional(inner) => format!("Optional[{}]", inner.annotation()),
            Held::List(inner) => format!("List[{}]", inner.annotation()),
        }
    }

    /// The expression converting the generated value `value` in `_conversions.py`.
    fn convert(&self, value: &str, depth: usize) -> String {
        match self {
            Held::Plain(_) => value.to_owned(),
            Held::Status(name) | Held::Value(name) => format!("{}({value})", function(name)),
            Held::Optional(inner) => match inner.as_ref() {
                Held::Plain(_) => value.to_owned(),
                inner => format!("None if {value} is None else {}", inner.convert(value, depth)),
            },
            Held::List(inner) => match inner.as_ref() {
                Held::Plain(_) => format!("list({value})"),
                inner => {
                    let item = format!("item{depth}");
                    format!("[{} for {item} in {value}]", inner.convert(&item, depth + 1))
                }
            },
        }
    }
}

/// The converting function of a type in `_conversions.py`: `_certificate_description`.
fn function(name: &str) -> String {
    format!("_{}", variant_name(name).to_lowercase())
}

/// A variant's class in `values.py`: `TransferBlockerPoliciesAttached`.
fn variant_class(item: &str, variant: &str) -> String {
    format!("{item}{variant}")
}

/// The name a member has in `to_dict()`: the model's (camel case); the metadata record's member
/// is boto3's `ResponseMetadata`.
fn wire_name(member: &Member, declarations: &Declarations) -> String {
    let metadata = declarations
        .items
        .iter()
        .any(|item| matches!(item, Item::Record { name, group: Group::Metadata, .. } if *name == member.rust_type));
    if metadata {
        member.rust_type.clone()
    } else {
        camel(member.name)
    }
}

/// The fields of a dataclass, each with its docstring, and its `_WIRE` table.
fn fields(members: &[Member], declarations: &Declarations) -> String {
    let mut py = String::new();
    for member in members {
        let annotation = held(&member.rust_type, declarations).annotation();
        let _ = write!(py, "\n    {}: {annotation}\n{}", member.name, docstring(&member.doc, "    "));
    }
    let wire: Vec<String> = members
        .iter()
        .map(|member| format!("{}: {}", string(member.name), string(&wire_name(member, declarations))))
        .collect();
    let _ = writeln!(py, "\n    _WIRE: ClassVar[Dict[str, str]] = {{{}}}", wire.join(", "));
    py
}

/// The public classes of `values.py`, in declaration order.
fn exported(declarations: &Declarations) -> Vec<String> {
    let mut names = Vec::new();
    for item in &declarations.items {
        match item {
            Item::Record { group: Group::Input, .. } => {}
            Item::Enum { name, variants, .. } => {
                names.push((*name).to_owned());
                names.extend(variants.iter().map(|(variant, _, _)| variant_class(name, variant)));
            }
            item => names.push(item.name().to_owned()),
        }
    }
    names
}

/// The text of `values.py`.
pub fn render(declarations: &Declarations) -> String {
    let mut py = String::from(
        "# Generated by codegen (iot-transfer-generate python) from the core's declarations when the wheel is built: do not edit.\n\
         \"\"\"The values the face's clients return, one class per record, status and enum the core\n\
         declares: a status is a ``str`` enum (``description.status == \"ACTIVE\"`` and\n\
         ``description.status is CertificateStatus.ACTIVE``; a status this version does not know comes as\n\
         its text), a record a frozen dataclass compared by value, printed with its fields, and\n\
         ``to_dict()`` gives it with the model's member names, as boto3 returns it; an enum's variant is\n\
         a record whose ``type`` is the variant's name (``blocker.type == \"PoliciesAttached\"``).\n\"\"\"\n\n\
         from __future__ import annotations\n\nimport datetime\nfrom dataclasses import dataclass\nfrom typing import ClassVar, Dict, List, Optional, Type, Union\n\n\
         from ._value import MetadataValue, Value, VariantValue, WireEnum\n",
    );
    let all: Vec<String> = exported(declarations).iter().map(|name| string(name)).collect();
    let _ = writeln!(py, "\n__all__ = [{}]", all.join(", "));
    for status in declarations.statuses() {
        let doc = declarations.items.iter().find(|item| item.name() == status.name);
        let doc = match doc {
            Some(Item::Status { doc, .. }) => doc.as_str(),
            _ => "",
        };
        let _ = write!(py, "\n\nclass {}(WireEnum):\n{}", status.name, docstring(doc, "    "));
        for value in status.values {
            let _ = write!(py, "\n    {wire} = {}\n", string(value.wire), wire = value.wire);
        }
    }
    for item in &declarations.items {
        match item {
            Item::Record { name, group, doc, members } if *group != Group::Input => {
                let base = if *group == Group::Metadata { "MetadataValue" } else { "Value" };
                let _ = write!(
                    py,
                    "\n\n@dataclass(frozen=True)\nclass {name}({base}):\n{}{}",
                    docstring(doc, "    "),
                    fields(members, declarations)
                );
            }
            Item::Enum { name, doc, variants } => {
                let _ = write!(py, "\n\nclass {name}(VariantValue):\n{}", docstring(doc, "    "));
                for (variant, _, _) in variants {
                    let _ = writeln!(
                        py,
                        "\n    {variant}: ClassVar[Type[\"{class}\"]]",
                        class = variant_class(name, variant)
                    );
                }
                for (variant, variant_doc, members) in variants {
                    let class = variant_class(name, variant);
                    let _ = write!(
                        py,
                        "\n\n@dataclass(frozen=True)\nclass {class}({name}):\n{}\n    type: ClassVar[str] = {}\n{}",
                        docstring(variant_doc, "    "),
                        string(variant),
                        fields(members, declarations)
                    );
                    let _ = writeln!(py, "\n\n{name}.{variant} = {class}\n{class}.__qualname__ = \"{name}.{variant}\"");
                }
            }
            _ => {}
        }
    }
    py
}

/// The arguments making a face value from the generated `value`: each member converted, in order.
fn arguments(members: &[Member], declarations: &Declarations) -> String {
    let converted: Vec<String> = members
        .iter()
        .map(|member| held(&member.rust_type, declarations).convert(&format!("value.{}", member.name), 0))
        .collect();
    converted.join(", ")
}

/// The text of `_conversions.py`.
pub fn render_conversions(declarations: &Declarations) -> String {
    let mut py = String::from(
        "# Generated by codegen (iot-transfer-generate python) from the core's declarations when the wheel is built: do not edit.\n\
         \"\"\"The face's value (``values``) of each generated uniffi value, by the type's name in\n\
         ``CONVERT``: what the clients return is converted once, here.\"\"\"\n\n\
         from typing import Any, Callable, Dict, Union\n\n\
         from . import iot_transfer as _generated\n\
         from . import values\n",
    );
    for status in declarations.statuses() {
        let name = status.name;
        let _ = write!(py, "\n_{upper}: Dict[Any, values.{name}] = {{\n", upper = variant_name(name));
        for value in status.values {
            let _ =
                writeln!(py, "    _generated.{name}.{}: values.{name}.{},", variant_name(value.variant), value.wire);
        }
        py.push_str("}\n");
        let unknown = match status.unknown {
            Some(_) => "value[0]",
            None => "str(value)",
        };
        let _ = write!(
            py,
            "\n\ndef {function}(value: Any) -> Union[values.{name}, str]:\n    \
             \"\"\"The status, or the text of one this version does not know.\"\"\"\n    \
             known = _{upper}.get(type(value))\n    return {unknown} if known is None else known\n",
            function = function(name),
            upper = variant_name(name),
        );
    }
    for item in &declarations.items {
        match item {
            Item::Record { name, group, members, .. } if *group != Group::Input => {
                let _ = write!(
                    py,
                    "\n\ndef {}(value: Any) -> values.{name}:\n    return values.{name}({})\n",
                    function(name),
                    arguments(members, declarations)
                );
            }
            Item::Enum { name, variants, .. } => {
                let _ = write!(py, "\n\n_{}: Dict[Any, Callable[[Any], values.{name}]] = {{\n", variant_name(name));
                for (variant, _, members) in variants {
                    let _ = writeln!(
                        py,
                        "    _generated.{name}.{}: lambda value: values.{}({}),",
                        variant_name(variant),
                        variant_class(name, variant),
                        arguments(members, declarations)
                    );
                }
                let _ = write!(
                    py,
                    "}}\n\n\ndef {}(value: Any) -> values.{name}:\n    return _{}[type(value)](value)\n",
                    function(name),
                    variant_name(name)
                );
            }
            _ => {}
        }
    }
    py.push_str("\n\nCONVERT: Dict[str, Callable[[Any], Any]] = {\n");
    for item in &declarations.items {
        if !matches!(item, Item::Record { group: Group::Input, .. }) {
            let _ = writeln!(py, "    {}: {},", string(item.name()), function(item.name()));
        }
    }
    py.push_str("}\n\"\"\"Each type's converting function, by the type's name.\"\"\"\n");
    py
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_statuses_and_variants_become_face_values() {
        let declarations = Declarations::new();
        let py = render(&declarations);
        assert!(py.contains("class CertificateStatus(WireEnum):"));
        assert!(py.contains("\n    PENDING_TRANSFER = \"PENDING_TRANSFER\"\n"));
        assert!(py.contains("class TransferCertificateOutput(Value):"));
        assert!(py.contains("\n    status: Optional[Union[CertificateStatus, str]]\n"));
        assert!(py.contains("\"metadata\": \"ResponseMetadata\""));
        assert!(py.contains("\"transferred_certificate_arn\": \"transferredCertificateArn\""));
        assert!(py.contains("class TransferBlockerPoliciesAttached(TransferBlocker):"));
        assert!(py.contains("TransferBlocker.PoliciesAttached = TransferBlockerPoliciesAttached\n"));
        assert!(!py.contains("class TransferCertificateInput"));
        let conversions = render_conversions(&declarations);
        assert!(conversions.contains(
            "    return values.ListCertificatesOutput([_certificate(item0) for item0 in value.certificates], \
             value.next_marker, _response_metadata(value.metadata))\n"
        ));
        assert!(conversions.contains(
            "    _generated.CertificateStatus.PENDING_TRANSFER: values.CertificateStatus.PENDING_TRANSFER,\n"
        ));
        assert!(conversions.contains("None if value.status is None else _certificate_status(value.status)"));
    }
}
