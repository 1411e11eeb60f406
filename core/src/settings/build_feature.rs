//! The cargo features of this crate a setting can need ([`Setting::needs`](super::Setting::needs)),
//! whether this build has them, and the error for asking a build for what it left out.

use crate::error::Error;

/// A cargo feature of this crate that some settings need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildFeature {
    /// The feature's name, as `Cargo.toml` spells it.
    pub name: &'static str,
    /// What it brings, as a message names it when it is missing.
    pub brings: &'static str,
    /// Whether this build has it (and the target can use it).
    pub enabled: bool,
}

/// The shared configuration (`aws-config`: profiles, the default credential chain, the region
/// from a profile or IMDS): natively, on by default; the mobile library and the WebAssembly
/// package leave it out.
pub const SHARED_CONFIG: BuildFeature = BuildFeature {
    name: "shared-config",
    brings: "shared configuration",
    enabled: cfg!(all(feature = "shared-config", not(target_arch = "wasm32"))),
};

impl BuildFeature {
    /// The `Configuration` error for asking a build without this feature for what only it has:
    /// `asked` is what was asked for, `instead` what to do instead.
    pub fn missing(&self, asked: &str, instead: &str) -> Error {
        Error::configuration(format!(
            "{asked}: this build has no {} (the cargo feature `{}`, left out of the mobile library); {instead}",
            self.brings, self.name
        ))
    }
}
