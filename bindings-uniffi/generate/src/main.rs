//! Writes the parts of the uniffi bindings' language faces that follow the core's declarations,
//! so that an operation or a member added to the core reaches them with no code written for it.
//! Kotlin: `Builders.kt` (a builder and `Input { ... }` per input record), `Operations.kt` (the
//! client's methods taking a builder lambda, suspend and blocking) and `Paginators.kt` (a `Flow`
//! per list operation, and one of its items), in the shape of the AWS SDK for Kotlin, over the
//! records and methods uniffi generates.
//!
//! Swift: `Paginated.swift` (a paginated method per list operation, an `AsyncSequence` of pages).
//!
//! Usage: `iot-transfer-uniffi-generate kotlin|swift OUT_DIR` (scripts/build-kotlin-jar.sh and
//! scripts/build-swift-package.sh run it).

mod kotlin;
mod swift;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(language), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: iot-transfer-uniffi-generate kotlin|swift OUT_DIR");
        std::process::exit(2);
    };
    let files = match language.as_str() {
        "kotlin" => kotlin::files(),
        "swift" => swift::files(),
        other => {
            eprintln!("iot-transfer-uniffi-generate: no generator for {other} (kotlin, swift)");
            std::process::exit(2);
        }
    };
    let out = std::path::Path::new(&out);
    std::fs::create_dir_all(out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));
    for (name, text) in files {
        std::fs::write(out.join(name), text).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    }
}
