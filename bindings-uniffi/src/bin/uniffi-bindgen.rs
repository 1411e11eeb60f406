//! `uniffi-bindgen generate path/to/libiot_transfer_uniffi.so --language kotlin|swift|python --out-dir DIR`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
