//! The test suites' side of the shared vectors (`tests/vectors/*.json`), for the languages whose
//! tests call uniffi's records directly (Kotlin, Swift): an operation's input read from a vector's
//! model-named members, its output written in the vectors' form (model member names, absent
//! members left out, timestamps as epoch seconds, statuses as the service spells them, no call
//! metadata), and every operation found by its model name, signed or called. No test then writes
//! a row per operation, and an operation added to the core runs its vectors in every language.

pub(crate) mod kotlin;
pub(crate) mod swift;

use iot_transfer_codegen::{camel, Declarations, Item, Member, Operation, Status};

/// What a member holds, as the vectors write it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    /// A string.
    Text,
    /// A boolean.
    Flag,
    /// A whole number (`i32`).
    Count,
    /// A timestamp: epoch seconds in a vector.
    Time,
    /// A status enum: its name on the wire in a vector.
    Status(Status<'a>),
    /// A record: an object in a vector.
    Record(&'static str),
    /// The call's metadata, which the vectors leave out.
    Metadata,
}

/// A member's type: its value, and whether it is optional or a list of them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape<'a> {
    /// What one value is.
    pub value: Value<'a>,
    /// `Option<...>`.
    pub optional: bool,
    /// `Vec<...>`.
    pub list: bool,
}

/// A member of a record, as the vector code reads or writes it.
#[derive(Debug, Clone)]
pub(crate) struct VectorMember<'a> {
    /// Its name in the bindings' records and in the vectors (`certificateId`).
    pub name: String,
    /// Its type.
    pub shape: Shape<'a>,
    /// Its default (`= default` in the declaration) as Rust source, such as `false`.
    pub default: Option<&'static str>,
}

/// A record the vector code builds (an operation's input) or writes (an output, or a record one
/// holds).
#[derive(Debug, Clone)]
pub(crate) struct VectorRecord<'a> {
    /// Its name, the same in every binding.
    pub name: &'static str,
    /// Its members, in declaration order.
    pub members: Vec<VectorMember<'a>>,
}

/// What the vector code of one language is made from.
#[derive(Debug, Clone)]
pub(crate) struct Plan<'a> {
    /// The operations of the AWS model (not the workflow calls), in declaration order.
    pub operations: Vec<&'a Operation>,
    /// Their inputs.
    pub inputs: Vec<VectorRecord<'a>>,
    /// Their outputs, and every record an output holds, each once.
    pub outputs: Vec<VectorRecord<'a>>,
}

/// The shape of the Rust type `rust` (whitespace removed). Panics for a type the vectors do not
/// carry yet: extend [`Value`] and each language's renderer.
fn shape<'a>(declarations: &'a Declarations, rust: &str) -> Shape<'a> {
    let (optional, rust) = match rust.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
        Some(inner) => (true, inner),
        None => (false, rust),
    };
    let (list, rust) = match rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        Some(inner) => (true, inner),
        None => (false, rust),
    };
    let value = match rust {
        "String" => Value::Text,
        "bool" => Value::Flag,
        "i32" => Value::Count,
        "SystemTime" => Value::Time,
        "ResponseMetadata" => Value::Metadata,
        other => match declarations.status(other) {
            Some(status) => Value::Status(status),
            None => {
                let record = declarations.items.iter().find_map(|item| match item {
                    Item::Record { name, .. } if *name == other => Some(*name),
                    _ => None,
                });
                Value::Record(record.unwrap_or_else(|| panic!("the vector code has no way to carry {other}")))
            }
        },
    };
    Shape { value, optional, list }
}

fn vector_record<'a>(declarations: &'a Declarations, name: &'static str, members: &[Member]) -> VectorRecord<'a> {
    let members = members
        .iter()
        .map(|member| VectorMember {
            name: camel(member.name),
            shape: shape(declarations, &member.rust_type),
            default: member.default,
        })
        .collect();
    VectorRecord { name, members }
}

/// How one language spells the expressions of the vector code; [`read`] and [`write`] put them
/// together the same way for every language.
pub(crate) trait Spelling {
    /// The language's name, for the generator's messages.
    const LANGUAGE: &'static str;
    /// `a ?: b` in Kotlin: the operator giving `b` when `a` is absent.
    const OR_ELSE: &'static str;
    /// The parameter of a one-argument closure: `it`, `$0`.
    const ITEM: &'static str;
    /// The expression reading member `name` of the vector's `input` as an optional value of kind
    /// `value`, or `None` for a kind no input holds.
    fn read_one(value: Value, name: &str) -> Option<String>;
    /// The conversion of `item`, one value of kind `value`, to a vector's (epoch seconds, a wire
    /// status, an object), or `None` when it is already one.
    fn write_one(value: Value, item: &str) -> Option<String>;
    /// `each` applied to every value of `value`, a list or an optional (or both).
    fn map(value: &str, list: bool, optional: bool, each: &str) -> String;
    /// The `status` the service spells `wire` (an expression), through the face's generated
    /// `fromWireName` / `init(wireName:)`.
    fn status_named(status: Status, wire: &str) -> String;
}

/// The expression reading `member` from a vector's input, its default or empty value when absent.
pub(crate) fn read<S: Spelling>(member: &VectorMember) -> String {
    let (name, shape) = (&member.name, member.shape);
    assert!(!shape.list, "an input list has no reader in the {} vector code", S::LANGUAGE);
    let value = S::read_one(shape.value, name).unwrap_or_else(|| {
        panic!("an input member of {:?} has no reader in the {} vector code", shape.value, S::LANGUAGE)
    });
    if shape.optional {
        return value;
    }
    // A required member a vector leaves out is sent empty, for the core's validation to name.
    let empty = member.default.map(str::to_owned).unwrap_or_else(|| match shape.value {
        Value::Flag => "false".to_owned(),
        Value::Count => "0".to_owned(),
        Value::Status(status) => S::status_named(status, "\"\""),
        _ => "\"\"".to_owned(),
    });
    format!("({value}) {} {empty}", S::OR_ELSE)
}

/// The expression writing `value` (of `shape`) as a vector holds it.
pub(crate) fn write<S: Spelling>(value: &str, shape: Shape) -> String {
    assert!(!matches!(shape.value, Value::Metadata), "the metadata is left out of the vectors");
    match S::write_one(shape.value, S::ITEM) {
        None => value.to_owned(),
        Some(each) if shape.list || shape.optional => S::map(value, shape.list, shape.optional, &each),
        Some(_) => S::write_one(shape.value, value).expect("a converted value"),
    }
}

impl<'a> Plan<'a> {
    /// The plan for every operation the core declares.
    pub(crate) fn new(declarations: &'a Declarations) -> Self {
        let operations: Vec<&Operation> = declarations.operations.iter().filter(|o| !o.workflow).collect();
        let inputs: Vec<VectorRecord> = operations
            .iter()
            .map(|operation| {
                let input = declarations.input(operation.input);
                vector_record(declarations, input.name, input.members)
            })
            .collect();
        let mut outputs: Vec<VectorRecord> = Vec::new();
        let mut pending: Vec<&'static str> = operations.iter().map(|operation| operation.output).collect();
        while let Some(name) = pending.pop() {
            if outputs.iter().any(|record| record.name == name) {
                continue;
            }
            let record = vector_record(declarations, name, declarations.record(name));
            pending.extend(record.members.iter().filter_map(|member| match member.shape.value {
                Value::Record(held) => Some(held),
                _ => None,
            }));
            outputs.push(record);
        }
        outputs.sort_by_key(|record| declarations.items.iter().position(|item| item.name() == record.name));
        Self { operations, inputs, outputs }
    }

    /// The input record of `operation`.
    pub(crate) fn input_of(&self, operation: &Operation) -> &VectorRecord<'a> {
        self.inputs.iter().find(|input| input.name == operation.input).expect("every operation's input is planned")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_covers_every_operation_and_what_its_output_holds() {
        let declarations = Declarations::new();
        let plan = Plan::new(&declarations);
        assert!(plan.operations.iter().any(|o| o.name == "TransferCertificate"));
        assert!(plan.operations.iter().all(|o| !o.workflow));
        for name in ["DescribeCertificateOutput", "CertificateDescription", "TransferData", "Certificate", "Policy"] {
            assert!(plan.outputs.iter().any(|record| record.name == name), "{name}");
        }
        assert!(!plan.outputs.iter().any(|record| record.name == "ResponseMetadata"));
        let update = plan.inputs.iter().find(|input| input.name == "UpdateCertificateInput").unwrap();
        assert!(matches!(update.members[1].shape.value, Value::Status(_)));
    }
}
