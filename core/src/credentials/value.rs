//! The credentials value and the error a provider returns.

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

/// An access key, its secret and an optional session token, with an optional expiry.
///
/// `Debug` shows the access key id (which AWS treats as an identifier, not a secret) and redacts
/// the secret key and session token; there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    inner: Arc<Inner>,
}

#[derive(PartialEq, Eq)]
struct Inner {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expires_at: Option<SystemTime>,
}

impl Credentials {
    /// Long-term or temporary credentials; `expires_at` is when temporary ones stop working.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
        expires_at: Option<SystemTime>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                access_key_id: access_key_id.into(),
                secret_access_key: secret_access_key.into(),
                session_token,
                expires_at,
            }),
        }
    }

    /// The access key id (`AKIA...` or `ASIA...`).
    pub fn access_key_id(&self) -> &str {
        &self.inner.access_key_id
    }

    /// The secret access key. Never log it.
    pub fn secret_access_key(&self) -> &str {
        &self.inner.secret_access_key
    }

    /// The session token of temporary credentials. Never log it.
    pub fn session_token(&self) -> Option<&str> {
        self.inner.session_token.as_deref()
    }

    /// When temporary credentials expire, if known.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.inner.expires_at
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.inner.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("session_token", &self.inner.session_token.as_ref().map(|_| "** redacted **"))
            .field("expires_at", &self.inner.expires_at)
            .finish()
    }
}

/// Why no credentials could be provided.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsError {
    /// No source had credentials; the text lists where they were looked for.
    NotFound(String),
    /// A source had credentials in a form this library cannot use.
    Invalid(String),
    /// A host-implemented provider failed; the text is its message.
    ProviderFailed(String),
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsError::NotFound(text) => write!(f, "no credentials found: {text}"),
            CredentialsError::Invalid(text) => write!(f, "invalid credentials: {text}"),
            CredentialsError::ProviderFailed(text) => write!(f, "the credentials provider failed: {text}"),
        }
    }
}

impl std::error::Error for CredentialsError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let credentials = Credentials::new("AKIDEXAMPLE", "s3cr3t/KEY", Some("T0KEN".into()), None);
        let printed = format!("{credentials:?} {credentials:#?}");
        assert!(printed.contains("AKIDEXAMPLE"));
        assert!(!printed.contains("s3cr3t"));
        assert!(!printed.contains("T0KEN"));
    }
}
