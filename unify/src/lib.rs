//! No code: see `Cargo.toml`. The crate exists for the features its dependencies are asked for.
