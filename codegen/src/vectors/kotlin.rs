//! `VectorCalls.kt` for the Kotlin tests (`bindings-uniffi/tests/kotlin`, read with Gson: numbers
//! are `Double`s): `XInput.fromVector(map)`, `vectorOf(output)`, `signFromVector(...)`,
//! `callFromVector(...)` and the status names both ways.

use super::{from_wire, read, write, Plan, Spelling, Value, VectorRecord};
use crate::kotlin::members::ident;
use iot_transfer_codegen::{camel, Declarations};
use std::fmt::Write as _;

/// Kotlin's spelling of the vector code.
struct Kotlin;

impl Spelling for Kotlin {
    const LANGUAGE: &'static str = "Kotlin";
    const OR_ELSE: &'static str = "?:";
    const ITEM: &'static str = "it";

    fn read_one(value: Value, name: &str) -> Option<String> {
        Some(match value {
            Value::Text => format!("input[\"{name}\"] as String?"),
            Value::Flag => format!("input[\"{name}\"] as Boolean?"),
            Value::Count => format!("(input[\"{name}\"] as Number?)?.toInt()"),
            Value::Status(status) => format!("(input[\"{name}\"] as String?)?.let(::{})", from_wire(status)),
            _ => return None,
        })
    }

    fn write_one(value: Value, item: &str) -> Option<String> {
        match value {
            Value::Text | Value::Flag | Value::Metadata => None,
            Value::Count => Some(format!("{item}.toDouble()")),
            Value::Time => Some(format!("{item}.epochSecond + {item}.nano / 1e9")),
            Value::Status(_) => Some(format!("wireName({item})")),
            Value::Record(_) => Some(format!("vectorOf({item})")),
        }
    }

    fn map(value: &str, list: bool, optional: bool, each: &str) -> String {
        match (list, optional) {
            (true, optional) => format!("{value}{}.map {{ {each} }}", if optional { "?" } else { "" }),
            (false, _) => format!("{value}?.let {{ {each} }}"),
        }
    }
}

fn statuses(plan: &Plan) -> String {
    let mut kt = String::new();
    for status in &plan.statuses {
        let name = status.name;
        let unknown = status.unknown.unwrap_or_else(|| panic!("{name} keeps no unknown value"));
        let _ = writeln!(kt, "\n/** The [{name}] the service spells `wire`. */");
        let _ = writeln!(kt, "fun {}(wire: String): {name} = when (wire) {{", from_wire(*status));
        for value in status.values {
            let _ = writeln!(kt, "    \"{}\" -> {name}.{}", value.wire, value.variant);
        }
        let _ = writeln!(kt, "    else -> {name}.{unknown}(wire)\n}}");
        let _ = writeln!(kt, "\n/** A [{name}] as the service spells it: `PendingTransfer` is `PENDING_TRANSFER`. */");
        let _ = writeln!(kt, "fun wireName(status: {name}): String = when (status) {{");
        for value in status.values {
            let _ = writeln!(kt, "    {name}.{} -> \"{}\"", value.variant, value.wire);
        }
        let _ = writeln!(kt, "    is {name}.{unknown} -> status.v1\n}}");
    }
    kt
}

fn input(record: &VectorRecord) -> String {
    let name = record.name;
    let mut kt = format!(
        "\n/** [{name}] from a vector's model-named members. */\n\
         fun {name}.Companion.fromVector(input: Map<String, Any?>): {name} = {name}(\n"
    );
    for member in &record.members {
        let _ = writeln!(kt, "    {} = {},", ident(&member.name), read::<Kotlin>(member));
    }
    kt.push_str(")\n");
    kt
}

fn output(record: &VectorRecord) -> String {
    let name = record.name;
    let mut kt = format!(
        "\n/** [{name}] as a vector writes it. */\nfun vectorOf(value: {name}): Map<String, Any?> = present(\n"
    );
    for member in record.members.iter().filter(|m| !matches!(m.shape.value, Value::Metadata)) {
        let value = format!("value.{}", ident(&member.name));
        let _ = writeln!(kt, "    \"{}\" to {},", member.name, write::<Kotlin>(&value, member.shape));
    }
    kt.push_str(")\n");
    kt
}

fn dispatch(plan: &Plan) -> String {
    let names: Vec<String> = plan.operations.iter().map(|o| format!("\"{}\"", o.name)).collect();
    let mut kt = format!("\n/** Every operation's model name, in the order the core declares them. */\nval DECLARED_OPERATIONS = listOf({})\n", names.join(", "));
    kt.push_str(
        "\n/** The request of `operation` with a vector's input, signed for `time` by its generated `sign…Blocking` method. */\n\
         fun signFromVector(client: IotTransferClient, operation: String, input: Map<String, Any?>, time: Instant): SignedRequest =\n    when (operation) {\n",
    );
    for operation in &plan.operations {
        let (method, input) =
            (format!("{}Blocking", camel(&format!("sign_{}", operation.method))), plan.input_of(operation).name);
        let _ = writeln!(kt, "        \"{}\" -> client.{method}({input}.fromVector(input), time)", operation.name);
    }
    kt.push_str("        else -> error(\"the registry declares no operation $operation\")\n    }\n");
    kt.push_str(
        "\n/** `operation` called (blocking) with a vector's input; its output as a vector writes it. */\n\
         fun callFromVector(client: IotTransferClient, operation: String, input: Map<String, Any?>): Map<String, Any?> =\n    when (operation) {\n",
    );
    for operation in &plan.operations {
        let (method, input) = (format!("{}Blocking", camel(operation.method)), plan.input_of(operation).name);
        let _ = writeln!(kt, "        \"{}\" -> vectorOf(client.{method}({input}.fromVector(input)))", operation.name);
    }
    kt.push_str("        else -> error(\"the registry declares no operation $operation\")\n    }\n");
    kt
}

/// `VectorCalls.kt`.
pub(crate) fn files(declarations: &Declarations) -> Vec<(&'static str, String)> {
    let plan = Plan::new(declarations);
    let mut kt = String::from(
        "// Generated by codegen (iot-transfer-generate kotlin-tests) from the core's declarations: do not edit.\n\
         // The shared vectors' inputs and outputs for the Kotlin tests (codegen/src/vectors).\n\n\
         @file:Suppress(\"unused\", \"RemoveRedundantCallsOfConversionMethods\")\n\n\
         import dev.iottransfer.*\nimport java.time.Instant\n\n\
         /** A record in the vectors' form: absent members left out. */\n\
         fun present(vararg members: Pair<String, Any?>): Map<String, Any?> = mapOf(*members).filterValues { it != null }\n",
    );
    kt.push_str(&statuses(&plan));
    plan.inputs.iter().for_each(|record| kt.push_str(&input(record)));
    plan.outputs.iter().for_each(|record| kt.push_str(&output(record)));
    kt.push_str(&dispatch(&plan));
    vec![("VectorCalls.kt", kt)]
}
