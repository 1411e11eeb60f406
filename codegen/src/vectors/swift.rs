//! `VectorCalls.swift` for the Swift tests (`bindings-uniffi/tests/swift`, read with
//! `JSONSerialization`: numbers and booleans are `NSNumber`s): `XInput(vector:)`,
//! `vectorOf(_:)`, `signFromVector(...)`, and `callFromVector(...)`.

use super::{read, write, Plan, Spelling, Value, VectorRecord};
use iot_transfer_codegen::{camel, Declarations, Status};
use std::fmt::Write as _;

/// Swift's spelling of the vector code.
struct Swift;

impl Spelling for Swift {
    const LANGUAGE: &'static str = "Swift";
    const OR_ELSE: &'static str = "??";
    const ITEM: &'static str = "$0";

    fn read_one(value: Value, name: &str) -> Option<String> {
        Some(match value {
            Value::Text => format!("input[\"{name}\"] as? String"),
            Value::Flag => format!("input[\"{name}\"] as? Bool"),
            Value::Count => format!("(input[\"{name}\"] as? NSNumber)?.int32Value"),
            Value::Status(status) => {
                format!("(input[\"{name}\"] as? String).map({{ {} }})", Self::status_named(status, "$0"))
            }
            _ => return None,
        })
    }

    fn write_one(value: Value, item: &str) -> Option<String> {
        match value {
            Value::Text | Value::Flag | Value::Metadata => None,
            Value::Count => Some(format!("Double({item})")),
            Value::Time => Some(format!("{item}.timeIntervalSince1970")),
            Value::Status(_) => Some(format!("{item}.wireName")),
            Value::Record(_) => Some(format!("vectorOf({item})")),
        }
    }

    fn map(value: &str, list: bool, optional: bool, each: &str) -> String {
        match (list, optional) {
            (true, true) => format!("{value}?.map {{ {each} }}"),
            _ => format!("{value}.map {{ {each} }}"),
        }
    }

    fn status_named(status: Status, wire: &str) -> String {
        format!("{}(wireName: {wire})", status.name)
    }
}

fn input(record: &VectorRecord) -> String {
    let name = record.name;
    let mut swift = format!(
        "\nextension {name} {{\n    /// The input from a vector's model-named members.\n    \
         init(vector input: [String: Any]) {{\n        self.init(\n"
    );
    let arguments: Vec<String> =
        record.members.iter().map(|member| format!("            {}: {}", member.name, read::<Swift>(member))).collect();
    swift.push_str(&arguments.join(",\n"));
    swift.push_str("\n        )\n    }\n}\n");
    swift
}

fn output(record: &VectorRecord) -> String {
    let name = record.name;
    let mut swift =
        format!("\n/// `{name}` as a vector writes it.\nfunc vectorOf(_ value: {name}) -> [String: Any] {{\n");
    let members: Vec<String> = record
        .members
        .iter()
        .filter(|m| !matches!(m.shape.value, Value::Metadata))
        .map(|member| {
            format!("        \"{}\": {},", member.name, write::<Swift>(&format!("value.{}", member.name), member.shape))
        })
        .collect();
    if members.is_empty() {
        swift.push_str("    [:]\n}\n");
    } else {
        let _ = write!(swift, "    let members: [String: Any?] = [\n{}\n    ]\n", members.join("\n"));
        swift.push_str("    return members.compactMapValues { $0 }\n}\n");
    }
    swift
}

fn dispatch(plan: &Plan) -> String {
    let names: Vec<String> = plan.operations.iter().map(|o| format!("\"{}\"", o.name)).collect();
    let mut swift = format!(
        "\n/// Every operation's model name, in the order the core declares them.\nlet declaredOperations = [{}]\n\n\
         /// A vector naming an operation the registry does not declare.\nstruct NoSuchOperation: Error {{\n    \
         let name: String\n}}\n",
        names.join(", ")
    );
    swift.push_str(
        "\n/// The request of `operation` with a vector's input, signed for `time` by its generated `sign…Blocking` method.\n\
         func signFromVector(_ client: IotTransferClient, _ operation: String, _ input: [String: Any], _ time: Date) throws -> SignedRequest {\n    \
         switch operation {\n",
    );
    for operation in &plan.operations {
        let (method, input) = (camel(&format!("sign_{}", operation.method)), plan.input_of(operation).name);
        let _ = writeln!(
            swift,
            "    case \"{}\": return try client.{method}Blocking(input: {input}(vector: input), signingTime: time)",
            operation.name
        );
    }
    swift.push_str("    default: throw NoSuchOperation(name: operation)\n    }\n}\n");
    swift.push_str(
        "\n/// `operation` called (blocking) with a vector's input; its output as a vector writes it.\n\
         func callFromVector(_ client: IotTransferClient, _ operation: String, _ input: [String: Any]) throws -> [String: Any] {\n    \
         switch operation {\n",
    );
    for operation in &plan.operations {
        let (method, input) = (camel(operation.method), plan.input_of(operation).name);
        let _ = writeln!(
            swift,
            "    case \"{}\": return vectorOf(try client.{method}Blocking(input: {input}(vector: input)))",
            operation.name
        );
    }
    swift.push_str("    default: throw NoSuchOperation(name: operation)\n    }\n}\n");
    swift
}

/// `VectorCalls.swift`.
pub(crate) fn files(declarations: &Declarations) -> Vec<(&'static str, String)> {
    let plan = Plan::new(declarations);
    let mut swift = String::from(
        "// Generated by codegen (iot-transfer-generate swift-tests) from the core's declarations: do not edit.\n\
         // The shared vectors' inputs and outputs for the Swift tests (codegen/src/vectors).\n\n\
         import Foundation\nimport IotTransfer\n",
    );
    plan.inputs.iter().for_each(|record| swift.push_str(&input(record)));
    plan.outputs.iter().for_each(|record| swift.push_str(&output(record)));
    swift.push_str(&dispatch(&plan));
    vec![("VectorCalls.swift", swift)]
}
