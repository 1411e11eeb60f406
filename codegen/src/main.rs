//! `iot-transfer-generate LANGUAGE OUT_DIR`: writes the parts of a binding's source that follow
//! the core's declarations, so that an operation, a member or an error kind added to the core
//! reaches every language with no code written for it.
//!
//! - `js`: `operations.js` (the client's methods, a command class per operation, a paginate
//!   function per list operation), `service-errors.js` and `generated.d.ts`
//!   (scripts/build/wasm-package.sh);
//! - `python`: the face's table `_declarations.py` and its stubs `client.pyi` and
//!   `exceptions.pyi` (scripts/build/python-test-wheel.sh, scripts/build/wheels.sh);
//! - `kotlin`: `Builders.kt`, `Operations.kt`, `Paginators.kt` and `BatchFlows.kt` in the AWS SDK
//!   for Kotlin's shape, with `Errors.kt`, `Settings.kt` and `Statuses.kt` (scripts/build/kotlin-jar.sh);
//! - `swift`: `Paginated.swift`, `BatchSequences.swift`, `Cancellation.swift`, `Errors.swift` and
//!   `Statuses.swift` (scripts/build/swift-package.sh);
//! - `kotlin-tests` and `swift-tests`: `VectorCalls.kt` and `VectorCalls.swift`, the shared
//!   vectors' inputs and outputs for the tests (scripts/test/kotlin-binding.sh,
//!   scripts/test/swift-binding.sh).

mod js;
mod kotlin;
mod python;
mod swift;
mod vectors;

use iot_transfer_codegen::Declarations;

/// A language's renderer: its generated files, by name.
type Render = fn(&Declarations) -> Vec<(&'static str, String)>;

/// The languages, each with the function that renders its files.
const LANGUAGES: &[(&str, Render)] = &[
    ("js", js::files),
    ("python", python::files),
    ("kotlin", kotlin::files),
    ("swift", swift::files),
    ("kotlin-tests", vectors::kotlin::files),
    ("swift-tests", vectors::swift::files),
];

fn main() {
    let names: Vec<&str> = LANGUAGES.iter().map(|(name, _)| *name).collect();
    let usage = format!("usage: iot-transfer-generate {} OUT_DIR", names.join("|"));
    let mut args = std::env::args().skip(1);
    let (Some(language), Some(out)) = (args.next(), args.next()) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let Some((_, render)) = LANGUAGES.iter().find(|(name, _)| *name == language) else {
        eprintln!("iot-transfer-generate: no generator for {language}; {usage}");
        std::process::exit(2);
    };
    let out = std::path::Path::new(&out);
    std::fs::create_dir_all(out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));
    for (name, text) in render(&Declarations::new()) {
        std::fs::write(out.join(name), text).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    }
}
