//! Fuzzes the reconciliation of a transfer from its state checks' responses.
//! The input format and the invariants checked: `iot_transfer_fuzz::reconcile`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::reconcile::check(data));
