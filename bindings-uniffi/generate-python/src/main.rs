//! Writes the parts of the Python package that follow the core's declarations, so that an
//! operation, a member or an error kind added to the core reaches Python's face with no Python
//! written for it: `_declarations.py` (the table the face's clients, paginators and exceptions
//! are made from at import time), and the type stubs of what is made from it, `client.pyi` and
//! `exceptions.pyi`.
//!
//! Usage: `iot-transfer-py-generate PACKAGE_DIR` (scripts/build-python-wheel.sh runs it into
//! bindings-uniffi/python/iot_transfer before maturin packs the wheel).

mod client_stub;
mod declarations;
mod exceptions_stub;
mod python;
mod table;

use declarations::Declarations;

fn main() {
    let out = std::env::args().nth(1).expect("usage: iot-transfer-py-generate PACKAGE_DIR");
    let out = std::path::Path::new(&out);
    let declarations = Declarations::new();
    let write = |name: &str, text: String| {
        std::fs::write(out.join(name), text).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    };
    write("_declarations.py", table::render(&declarations));
    write("client.pyi", client_stub::render(&declarations));
    write("exceptions.pyi", exceptions_stub::render(&declarations));
}
