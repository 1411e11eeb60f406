//! Fuzzes `resolve_endpoint`, and the request built and signed for what it resolves.
//! The input format and the invariants checked: `iot_transfer_fuzz::endpoint`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::endpoint::check(data));
