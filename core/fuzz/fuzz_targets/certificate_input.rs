//! Fuzzes `TransferCertificateInput::validate` and the request built from what it accepts.
//! The input format and the invariants checked: `iot_transfer_fuzz::certificate_input`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::certificate_input::check(data));
