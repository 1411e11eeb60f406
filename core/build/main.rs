//! The crate's build script: generates the endpoint partition table (`$OUT_DIR/partitions.rs`,
//! included by `src/endpoint/partition.rs`) from the SDKs' data vendored in
//! `data/partitions.json`, so the library ships a plain table and neither a JSON parser nor a
//! regex engine for it. Fails the build, saying why, when the data has a shape the resolver
//! cannot follow (see `partitions.rs`, `region_regex.rs` and `pattern.rs`). Only the listed regions that change
//! what `aws.partition` answers are kept (`explicit_regions.rs`).

mod explicit_regions;
mod partitions;
mod pattern;
#[path = "../src/endpoint/region_pattern.rs"]
mod region_pattern;
mod region_regex;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let source = manifest.join("data/partitions.json");
    println!("cargo:rerun-if-changed=data/partitions.json");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/endpoint/region_pattern.rs");
    let json = std::fs::read_to_string(&source).unwrap_or_else(|e| fail(&format!("{}: {e}", source.display())));
    let code = partitions::generate(&json).unwrap_or_else(|why| fail(&format!("{}: {why}", source.display())));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("partitions.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
}

/// Stops the build with `message` (cargo shows a failed build script's stderr).
fn fail(message: &str) -> ! {
    eprintln!("error: cannot generate the endpoint partition table: {message}");
    std::process::exit(1)
}
