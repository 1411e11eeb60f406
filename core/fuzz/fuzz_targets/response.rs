//! Fuzzes `parse_response`: any status, headers and body.
//! The input format and the invariants checked: `iot_transfer_fuzz::response`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::response::check(data));
