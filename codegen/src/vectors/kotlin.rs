//! `VectorCalls.kt` for the Kotlin tests (`bindings-uniffi/tests/kotlin`, read with Gson: numbers
//! are `Double`s): `XInput.fromVector(map)`, `vectorOf(output)`, `signFromVector(...)`,
//! `callFromVector(...)` and the status names both ways.

use super::{Plan, Shape, Value, VectorRecord};
use crate::kotlin::members::ident;
use iot_transfer_codegen::{camel, Declarations, Status};
use std::fmt::Write as _;

/// The Kotlin expression reading member `name` of the map `input` as `shape`, or its default.
fn read(name: &str, shape: Shape, default: Option<&str>) -> String {
    let value = match shape.value {
        Value::Text => format!("input[\"{name}\"] as String?"),
        Value::Flag => format!("input[\"{name}\"] as Boolean?"),
        Value::Count => format!("(input[\"{name}\"] as Number?)?.toInt()"),
        Value::Status(status) => format!("(input[\"{name}\"] as String?)?.let(::{})", from_wire(status)),
        other => panic!("an input member of {other:?} has no reader in the Kotlin vector code"),
    };
    assert!(!shape.list, "an input list has no reader in the Kotlin vector code");
    if shape.optional {
        return value;
    }
    // A required member a vector leaves out is sent empty, for the core's validation to name.
    let empty = match (shape.value, default) {
        (_, Some(default)) => default.to_owned(),
        (Value::Text, None) => "\"\"".to_owned(),
        (Value::Flag, None) => "false".to_owned(),
        (Value::Count, None) => "0".to_owned(),
        (Value::Status(status), None) => format!("{}(\"\")", from_wire(status)),
        _ => unreachable!(),
    };
    format!("({value}) ?: {empty}")
}

/// The Kotlin expression writing `value` (of `shape`) as a vector holds it.
fn write(value: &str, shape: Shape) -> String {
    let one = |item: &str| match shape.value {
        Value::Text | Value::Flag => None,
        Value::Count => Some(format!("{item}.toDouble()")),
        Value::Time => Some(format!("{item}.epochSecond + {item}.nano / 1e9")),
        Value::Status(_) => Some(format!("wireName({item})")),
        Value::Record(_) => Some(format!("vectorOf({item})")),
        Value::Metadata => unreachable!("the metadata is left out"),
    };
    match (shape.list, shape.optional, one("it")) {
        (_, _, None) => value.to_owned(),
        (true, optional, Some(each)) => format!("{value}{}.map {{ {each} }}", if optional { "?" } else { "" }),
        (false, true, Some(each)) => format!("{value}?.let {{ {each} }}"),
        (false, false, Some(_)) => one(value).expect("a converted value"),
    }
}

/// The function naming a status from its wire name, such as `certificateStatusFromWire`.
fn from_wire(status: Status) -> String {
    let mut chars = status.name.chars();
    let first = chars.next().map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    format!("{first}{}FromWire", chars.as_str())
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
        let _ = writeln!(kt, "    {} = {},", ident(&member.name), read(&member.name, member.shape, member.default));
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
        let _ = writeln!(kt, "    \"{}\" to {},", member.name, write(&value, member.shape));
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
