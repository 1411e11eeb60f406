//! AWS credentials: the value type (whose secrets never print), the provider trait a host can
//! implement for refreshable credentials, and the cache every client keeps in front of its
//! provider. Natively, with the cargo feature `shared-config`, the SDKs' default chain comes
//! from `aws-config` (`crate::shared_config`).

mod cache;
mod value;

pub use cache::{CachedProvider, DEFAULT_LOAD_TIMEOUT};
pub use value::{Credentials, CredentialsError};

use crate::runtime::{BoxFuture, MaybeSend};

/// Supplies credentials when a call needs them. Implement it for refreshable credentials (STS,
/// Cognito, a host app's session); the client caches what it returns until shortly before expiry.
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
