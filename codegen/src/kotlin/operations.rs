//! The client's methods taking a builder lambda, as the AWS SDK for Kotlin's:
//! `client.transferCertificate { certificateId = "..."; targetAwsAccount = "..." }`, and the same
//! blocking. Each builds the input and calls uniffi's method of the same name.

use super::builders::Input;
use super::kdoc;
use iot_transfer_codegen::{camel, Operation};
use std::fmt::Write as _;

/// `Operations.kt`.
pub(crate) fn render(operations: &[Operation], inputs: &[Input]) -> String {
    let mut kt = String::new();
    for operation in operations {
        let input = inputs
            .iter()
            .find(|input| input.name == operation.input)
            .unwrap_or_else(|| panic!("{} is not an input record of the declarations", operation.input));
        let (method, builder, output) = (camel(operation.method), input.builder(), operation.output);
        let usage = format!(
            "The input is built by `block` ([{builder}]). A failed call throws an [IotTransferException] \
             of the error's kind; cancelling the coroutine cancels the call."
        );
        kt.push('\n');
        kt.push_str(&kdoc("", &[&operation.doc, &usage]));
        let _ = writeln!(
            kt,
            "suspend fun IotTransferClient.{method}(block: {builder}.() -> Unit): {output} =\n    {method}({}(block))\n",
            input.name
        );
        kt.push_str(&kdoc(
            "",
            &[&format!("The same as `{method} {{ ... }}`, blocking the calling thread until it completes.")],
        ));
        let _ = writeln!(
            kt,
            "fun IotTransferClient.{method}Blocking(block: {builder}.() -> Unit): {output} =\n    {method}Blocking({}(block))",
            input.name
        );
    }
    kt
}
