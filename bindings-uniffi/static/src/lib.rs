//! The uniffi bindings of iot-transfer as one static library (`libiot_transfer_uniffi_static.a`):
//! the same exported functions and metadata as the `iot-transfer-uniffi` cdylib, with the Rust
//! standard library and every dependency inside, so a Swift app links it with no library path
//! at run time.

// Brings the bindings' `#[no_mangle]` functions into the archive.
pub use iot_transfer_uniffi::*;
