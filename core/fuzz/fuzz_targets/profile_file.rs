//! Fuzzes the shared `config` and `credentials` file parser.
//! The input format and the invariants checked: `iot_transfer_fuzz::profile_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::profile_file::check(data));
