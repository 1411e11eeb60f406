//! Fuzzes the settling of an accept, reject or cancel from its state check's response.
//! The input format and the invariants checked: `iot_transfer_fuzz::settle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::settle::check(data));
