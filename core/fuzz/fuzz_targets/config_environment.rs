//! Fuzzes `Config::from_environment`: region and credentials from variables and the shared files.
//! The input format and the invariants checked: `iot_transfer_fuzz::config_environment`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::config_environment::check(data));
