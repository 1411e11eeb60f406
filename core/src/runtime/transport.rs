//! The HTTP transport trait and the plain response and error types it deals in.

use super::{BoxFuture, MaybeSend};
use std::fmt;

/// A complete HTTP response: the status, the headers and the whole body.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers.
    pub headers: http::HeaderMap,
    /// The response body, read to the end.
    pub body: Vec<u8>,
}

/// A request extension marking an attempt the client may abandon before it completes: an attempt
/// or call timeout is set, or the call can be cancelled. The client then drops the transport's
/// future, and a transport whose requests cost more to make cancellable (an `AbortController`
/// per request in JavaScript) needs to make only these so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbandonableAttempt;

/// Sends one signed HTTP request and reads the whole response.
///
/// Implementations must not retry: the client owns retries, timeouts and error mapping.
pub trait HttpTransport: MaybeSend {
    /// Sends `request` and returns the response, or how the exchange failed.
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}

/// How an HTTP exchange failed below the HTTP layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (refused, unreachable, DNS, TLS handshake); nothing was sent.
    Connect,
    /// Connecting took longer than the connect timeout; nothing was sent.
    ConnectTimeout,
    /// The connection failed after the request may have been sent (reset, closed early,
    /// unreadable body): the server may have applied the request.
    Io,
    /// The request could not be built for this transport.
    Request,
    /// The endpoint answered with a redirect. Redirects are never followed (as botocore and the
    /// Rust SDK follow none): the request was not applied where it was sent.
    Redirect,
    /// The response body is larger than the client reads
    /// ([`MAX_RESPONSE_BODY`](crate::protocol::MAX_RESPONSE_BODY)); the request was received
    /// and answered, so it may have been applied.
    BodyTooLarge,
}

/// A transport failure: its kind and a human-readable description.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// Creates a transport error of `kind` described by `message`.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), source: None }
    }

    /// The response to a request was larger than the client reads
    /// ([`MAX_RESPONSE_BODY`](crate::protocol::MAX_RESPONSE_BODY)); `status` is its HTTP status.
    pub fn body_too_large(status: u16) -> Self {
        let limit = crate::protocol::MAX_RESPONSE_BODY;
        Self::new(
            TransportErrorKind::BodyTooLarge,
            format!("the HTTP {status} response body is larger than the {limit} byte limit"),
        )
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// What kind of failure this was.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// The description of the failure.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Splits the error into its parts.
    pub(crate) fn into_parts(self) -> (TransportErrorKind, String, Option<Box<dyn std::error::Error + Send + Sync>>) {
        (self.kind, self.message, self.source)
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}
