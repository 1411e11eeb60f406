//! Credentials: an object (so no generated `repr`/`toString` shows the secret) and the
//! interface a host implements for refreshable credentials.

use iot_transfer::runtime::BoxFuture;
use iot_transfer::{Credentials, CredentialsError, ProvideCredentials};
use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

/// An access key, its secret and an optional session token and expiry. Printing it shows the
/// access key id only.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct AwsCredentials {
    pub(crate) inner: Credentials,
}

#[uniffi::export]
impl AwsCredentials {
    /// Credentials from their parts; `expires_at` is when temporary credentials stop working.
    #[uniffi::constructor(default(session_token = None, expires_at = None))]
    pub fn new(
        access_key_id: String,
        secret_access_key: String,
        session_token: Option<String>,
        expires_at: Option<SystemTime>,
    ) -> Arc<Self> {
        Arc::new(Self { inner: Credentials::new(access_key_id, secret_access_key, session_token, expires_at) })
    }

    /// The access key id.
    pub fn access_key_id(&self) -> String {
        self.inner.access_key_id().to_owned()
    }

    /// When the credentials expire, if known.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.inner.expires_at()
    }
}

impl fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}

impl fmt::Display for AwsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AwsCredentials(access_key_id={})", self.inner.access_key_id())
    }
}

/// Why a host's provider could not supply credentials.
#[derive(Debug, uniffi::Error)]
pub enum CredentialsProviderError {
    /// The provider failed; `reason` says why.
    Failed {
        /// Why, in words.
        reason: String,
    },
}

impl fmt::Display for CredentialsProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsProviderError::Failed { reason } => f.write_str(reason),
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for CredentialsProviderError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        CredentialsProviderError::Failed { reason: error.reason }
    }
}

/// Implemented by the host for refreshable credentials (STS, Cognito, an app session). The
/// client calls it when it has no credentials or they expire within five minutes, on a worker
/// thread of its own (never the caller's thread), so a blocking implementation is fine and
/// works with both the async and the blocking calls.
#[uniffi::export(with_foreign)]
pub trait CredentialsProvider: Send + Sync {
    /// Returns credentials to sign the next request with.
    fn provide_credentials(&self) -> Result<Arc<AwsCredentials>, CredentialsProviderError>;
}

/// Adapts a host provider to the core's trait.
pub(crate) struct HostProvider(pub(crate) Arc<dyn CredentialsProvider>);

impl fmt::Debug for HostProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HostProvider")
    }
}

impl ProvideCredentials for HostProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let provider = self.0.clone();
        Box::pin(async move {
            // The host's code may block (network, locks): keep it off the I/O threads.
            let provided = tokio::task::spawn_blocking(move || provider.provide_credentials())
                .await
                .map_err(|e| CredentialsError::ProviderFailed(format!("the credentials provider panicked: {e}")))?;
            match provided {
                Ok(credentials) => Ok(credentials.inner.clone()),
                Err(error) => Err(CredentialsError::ProviderFailed(error.to_string())),
            }
        })
    }
}
