//! Fuzzes every operation's response parser, through the core's registry. The input format and
//! the invariants checked: `iot_transfer_fuzz::operation_response`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::operation_response::check(data));
