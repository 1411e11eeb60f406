//! Fuzzes the DescribeCertificate and ListOutgoingCertificates parsers that reconciliation reads.
//! The input format and the invariants checked: `iot_transfer_fuzz::state_response`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iot_transfer_fuzz::state_response::check(data));
