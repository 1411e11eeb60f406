//! The credentials `aws-config` resolves, behind the core's [`ProvideCredentials`].

use crate::credentials::{Credentials, CredentialsError, ProvideCredentials};
use crate::runtime::BoxFuture;
use aws_credential_types::provider::error::CredentialsError as SdkCredentialsError;
use aws_credential_types::provider::{ProvideCredentials as _, SharedCredentialsProvider};
use aws_smithy_types::error::display::DisplayErrorContext;

/// A provider from `aws-config` (its default chain, or any provider of the SDK's crates), called
/// when the client's cache needs credentials.
#[derive(Debug, Clone)]
pub struct SdkCredentialsProvider {
    inner: SharedCredentialsProvider,
}

impl SdkCredentialsProvider {
    /// Wraps an SDK credentials provider.
    pub fn new(provider: impl aws_credential_types::provider::ProvideCredentials + 'static) -> Self {
        Self { inner: SharedCredentialsProvider::new(provider) }
    }
}

impl ProvideCredentials for SdkCredentialsProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let credentials = self.inner.provide_credentials().await.map_err(into_core_error)?;
            Ok(Credentials::new(
                credentials.access_key_id(),
                credentials.secret_access_key(),
                credentials.session_token().map(str::to_owned),
                credentials.expiry(),
            ))
        })
    }
}

/// The SDK's error kinds as the core's; the text keeps the whole cause chain (the SDK's
/// messages name files, profiles and endpoints, never a secret).
fn into_core_error(error: SdkCredentialsError) -> CredentialsError {
    let text = DisplayErrorContext(&error).to_string();
    match error {
        SdkCredentialsError::CredentialsNotLoaded(_) => CredentialsError::NotFound(text),
        SdkCredentialsError::InvalidConfiguration(_) => CredentialsError::Invalid(text),
        _ => CredentialsError::ProviderFailed(text),
    }
}
