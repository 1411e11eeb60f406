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

/// The SDK's error kinds as the core's; the text keeps the cause chain (the SDK's messages name
/// files, profiles and endpoints), except what a `credential_process` wrote to its standard
/// error, which could be anything, secrets included.
fn into_core_error(error: SdkCredentialsError) -> CredentialsError {
    let text = without_process_stderr(DisplayErrorContext(&error).to_string());
    match error {
        SdkCredentialsError::CredentialsNotLoaded(_) => CredentialsError::NotFound(text),
        SdkCredentialsError::InvalidConfiguration(_) => CredentialsError::Invalid(text),
        _ => CredentialsError::ProviderFailed(text),
    }
}

/// `text` cut before the `Stderr:` part `aws-config` appends when a `credential_process` fails.
fn without_process_stderr(text: String) -> String {
    match text.find("Stderr:") {
        Some(at) => format!("{}(the process's standard error is not shown)", &text[..at]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_process_error_does_not_carry_its_stderr() {
        let error = SdkCredentialsError::provider_error(
            "Error retrieving credentials: external process exited with code 1. Stderr: secret=hunter2",
        );
        let text = into_core_error(error).to_string();
        assert!(text.contains("exited with code 1") && !text.contains("hunter2"), "{text}");
    }
}
