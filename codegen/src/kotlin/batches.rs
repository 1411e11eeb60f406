//! `BatchFlows.kt`: a cold `Flow` of events per batch, over uniffi's `Batch` object:
//! `client.handoverFlow { certificates = ids; targetAwsAccount = "..." }.collect { event -> ... }`.
//! Each collection starts a new batch (`batchEvents` in the hand-written Batches.kt), and a
//! collection that ends early stops it and lets the certificates in flight finish.

use super::builders::Input;
use super::kdoc;
use iot_transfer_codegen::{camel, Batch};
use std::fmt::Write as _;

/// The name of a batch's flow function: `handoverFlow`.
pub(crate) fn flow_name(batch: &Batch) -> String {
    format!("{}Flow", camel(batch.method))
}

/// `BatchFlows.kt`.
pub(crate) fn render(batches: &[Batch], inputs: &[Input]) -> String {
    let mut kt = String::new();
    for batch in batches {
        let input = inputs
            .iter()
            .find(|input| input.name == batch.input)
            .unwrap_or_else(|| panic!("the batch {} takes {}, which is no input record", batch.method, batch.input));
        let (flow, method, builder, event) = (flow_name(batch), camel(batch.method), input.builder(), batch.event);
        let default = if input.all_optional() { format!(" = {} {{ }}", input.name) } else { String::new() };
        let cold = format!(
            "A cold [Flow] of one [{event}] per certificate, as each finishes: each collection starts a new \
             batch, and nothing is sent before it. A problem that stops the whole batch (its input, its \
             journal) is thrown to the collector and ends the flow."
        );
        let early = "A collection that ends early (cancelled, `take(n)`, `first()`, an exception in the collector) \
                     stops the batch: no new certificate is started, the calls already sent finish (in a \
                     non-cancellable context, so the collection ends only when they have) and their outcomes reach \
                     the journal; their events are not emitted.";
        kt.push('\n');
        kt.push_str(&kdoc("", &[&batch.doc, &cold, early]));
        let _ = writeln!(
            kt,
            "fun IotTransferClient.{flow}(input: {}{default}): Flow<{event}> =\n    batchEvents {{ {method}(input) }}\n",
            input.name
        );
        kt.push_str(&kdoc(
            "",
            &[&format!("The same as `{flow}(input)`, with the input built by `block` ([{builder}]).")],
        ));
        let _ = writeln!(
            kt,
            "fun IotTransferClient.{flow}(block: {builder}.() -> Unit): Flow<{event}> =\n    {flow}({}(block))",
            input.name
        );
    }
    kt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kotlin::builders::inputs;
    use iot_transfer_codegen::Declarations;

    #[test]
    fn every_batch_has_a_flow_and_a_builder_overload() {
        let declarations = Declarations::new();
        let kt = render(&declarations.batches, &inputs(&declarations.items));
        assert!(!declarations.batches.is_empty());
        for batch in &declarations.batches {
            let flow = flow_name(batch);
            assert!(kt.contains(&format!("fun IotTransferClient.{flow}(input: {}", batch.input)), "{flow}");
            assert!(kt.contains(&format!("fun IotTransferClient.{flow}(block: {}Builder.() -> Unit)", batch.input)));
        }
        assert!(kt.contains("fun IotTransferClient.handoverFlow(input: HandoverInput): Flow<BatchEvent> =\n    batchEvents { handover(input) }\n"));
        // Every member of the incoming transfers' input has a default: the input may be left out.
        assert!(kt.contains("acceptTransfersFlow(input: IncomingTransfersInput = IncomingTransfersInput { })"));
    }
}
