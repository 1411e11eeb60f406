//! A signed request handed to the host instead of being sent.

use std::fmt;

/// A signed request, ready to send as is: method, URL, headers and body.
///
/// `Debug` redacts the session token; the request itself must carry it to be valid.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// `PATCH`.
    pub method: String,
    /// The full URL, query included.
    pub url: String,
    /// Lower-case header names and their values, in the order they are sent.
    pub headers: Vec<(String, String)>,
    /// The JSON body.
    pub body: String,
}

impl SignedRequest {
    pub(crate) fn from_http(request: &http::Request<Vec<u8>>) -> Self {
        Self {
            method: request.method().as_str().to_owned(),
            url: request.uri().to_string(),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
                .collect(),
            body: String::from_utf8_lossy(request.body()).into_owned(),
        }
    }

    /// The value of header `name` (lower-case), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                (name.as_str(), if name == "x-amz-security-token" { "** redacted **" } else { value.as_str() })
            })
            .collect();
        f.debug_struct("SignedRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}
