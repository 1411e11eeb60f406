//! AWS credentials: the value type (whose secrets never print), the provider trait a host can
//! implement for refreshable credentials, an expiry-aware cache, and natively the environment and
//! shared-file providers.

mod cache;
#[cfg(not(target_arch = "wasm32"))]
mod chain;
#[cfg(not(target_arch = "wasm32"))]
mod environment;
#[cfg(not(target_arch = "wasm32"))]
mod profile;
mod value;

pub use cache::CachedProvider;
#[cfg(not(target_arch = "wasm32"))]
pub use chain::{default_provider_chain, region_from_environment, ProviderChain};
#[cfg(not(target_arch = "wasm32"))]
pub use environment::{Environment, EnvironmentProvider};
/// Not part of the API: the shared-file parser, public only so that the fuzz targets in
/// `core/fuzz` (and their replay in `core/tests/fuzz_corpora.rs`) can reach it.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub use profile::parse_profiles;
#[cfg(not(target_arch = "wasm32"))]
pub use profile::ProfileProvider;
pub use value::{Credentials, CredentialsError};

use crate::runtime::{BoxFuture, MaybeSend};

/// Supplies credentials when a call needs them. Implement it for refreshable credentials (STS,
/// Cognito, a host app's session); wrap it in a [`CachedProvider`] to call it only near expiry.
pub trait ProvideCredentials: MaybeSend {
    /// Returns credentials to sign the next request with.
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let credentials = self.clone();
        Box::pin(async move { Ok(credentials) })
    }
}
