//! A signed request handed to the host instead of being sent: an object, so that printing it
//! never shows the session token.

use std::collections::HashMap;
use std::fmt;

/// A signed request, ready to send as is.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct SignedRequest {
    inner: iot_transfer::SignedRequest,
}

impl SignedRequest {
    pub(crate) fn new(inner: iot_transfer::SignedRequest) -> Self {
        Self { inner }
    }
}

#[uniffi::export]
impl SignedRequest {
    /// `PATCH`.
    pub fn method(&self) -> String {
        self.inner.method.clone()
    }

    /// The full URL, query included.
    pub fn url(&self) -> String {
        self.inner.url.clone()
    }

    /// The header names, lower case, in the order they are sent.
    pub fn header_names(&self) -> Vec<String> {
        self.inner.headers.iter().map(|(name, _)| name.clone()).collect()
    }

    /// The value of header `name` (lower case), if present.
    pub fn header(&self, name: String) -> Option<String> {
        self.inner.header(&name).map(str::to_owned)
    }

    /// All headers, to hand to an HTTP client. Contains the session token: do not log it.
    pub fn headers(&self) -> HashMap<String, String> {
        self.inner.headers.iter().cloned().collect()
    }

    /// The JSON body.
    pub fn body(&self) -> String {
        self.inner.body.clone()
    }
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}

impl fmt::Display for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignedRequest({} {})", self.inner.method, self.inner.url)
    }
}
