//! The invariants the fuzz targets check, written once for two runners: the libFuzzer targets in
//! `fuzz_targets/` (`make fuzz`, nightly) and the corpus replay in `core/tests/fuzz_corpora.rs`
//! (`make test`, stable), which includes this file by path.
//!
//! Each module owns one target: it decodes the fuzzer's bytes from a small text format (so the
//! seeds in `corpus/<target>/` are real responses, IDs and config files a person can read and
//! edit), calls the core, and panics with a message naming the invariant it saw broken.
//!
//! Adding a target (for a new operation's response parser, say): a module here with a
//! `check(&[u8])`, a line in [`TARGETS`], a three-line `fuzz_targets/<name>.rs`, a `[[bin]]` in
//! `Cargo.toml` and seeds in `corpus/<name>/`.

#![warn(missing_docs)]

pub mod certificate_input;
pub mod endpoint;
pub mod operation_response;
pub mod partitions;
pub mod reconcile;
pub mod response;
pub mod settle;
pub mod state_response;
mod text;

/// A check: decodes one fuzz input and panics if the code under test breaks an invariant.
pub type Check = fn(&[u8]);

/// Every fuzz target by name (the name of its `fuzz_targets/*.rs` and `corpus/*` folder).
pub const TARGETS: &[(&str, Check)] = &[
    ("certificate_input", certificate_input::check),
    ("endpoint", endpoint::check),
    ("operation_response", operation_response::check),
    ("reconcile", reconcile::check),
    ("response", response::check),
    ("settle", settle::check),
    ("state_response", state_response::check),
];
