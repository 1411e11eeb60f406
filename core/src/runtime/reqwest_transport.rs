//! The HTTP transport on every target: reqwest, over hyper and rustls natively and over the
//! platform's `fetch` on wasm32 (browsers, web workers, Node).
//!
//! Redirects are never followed: natively reqwest is told not to, so a 3xx reaches the response
//! parser; on wasm32 `fetch` follows them before reqwest sees the answer, so a response from
//! another URL is refused here instead of being reported as the call's result. Dropping the
//! future of [`send`](HttpTransport::send) cancels the exchange: natively the connection is
//! closed, on wasm32 reqwest aborts the `fetch`.

use super::{BoxFuture, HttpResponse, HttpTransport, TransportError, TransportErrorKind};
use crate::protocol::MAX_RESPONSE_BODY;
use std::time::Duration;

/// An HTTP/1.1 transport over reqwest.
///
/// Cloning shares the connection pool, so one transport reuses its connections across calls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// Builds a transport whose connection attempts give up after `connect_timeout` (natively;
    /// `fetch` has no separate connect phase, so on wasm32 the attempt timeout bounds it all).
    /// Natively it trusts the platform's certificate authorities and goes through the proxy that
    /// `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` name, except for the hosts in `NO_PROXY`.
    pub fn new(connect_timeout: Duration) -> Result<Self, TransportError> {
        #[cfg(not(target_arch = "wasm32"))]
        return Self::with_settings(&TransportSettings { connect_timeout, ..TransportSettings::default() });
        #[cfg(target_arch = "wasm32")]
        {
            let _ = connect_timeout;
            reqwest::Client::builder().build().map(|client| Self { client }).map_err(cannot_build)
        }
    }

    /// Builds a transport with every native setting.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_settings(settings: &TransportSettings) -> Result<Self, TransportError> {
        native_client(settings, None, true).map(|client| Self { client })
    }
}

/// How the native HTTP client connects. `Default` has the SDKs' 3.1 s connect timeout and the
/// platform's certificate authorities.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportSettings {
    /// Establishing a connection (native only).
    pub connect_timeout: Duration,
    /// A PEM file whose certificate authorities replace the platform's (`AWS_CA_BUNDLE`).
    pub ca_bundle: Option<std::path::PathBuf>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for TransportSettings {
    fn default() -> Self {
        Self { connect_timeout: Duration::from_millis(3100), ca_bundle: None }
    }
}

/// The reqwest client of every native exchange (the IoT calls, and the credential providers'
/// calls to STS, SSO, IMDS and ECS): redirects not followed, the CA bundle if one is set, and
/// the proxies of the environment when `through_proxies` (else none). `read_timeout` bounds the
/// wait for each read.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn native_client(
    settings: &TransportSettings,
    read_timeout: Option<Duration>,
    through_proxies: bool,
) -> Result<reqwest::Client, TransportError> {
    // Installing fails harmlessly when the host already installed a provider of its own.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder()
        .connect_timeout(settings.connect_timeout)
        .redirect(reqwest::redirect::Policy::none());
    if !through_proxies {
        builder = builder.no_proxy();
    }
    if let Some(timeout) = read_timeout {
        builder = builder.read_timeout(timeout);
    }
    if let Some(path) = &settings.ca_bundle {
        builder = builder.tls_certs_only(super::ca_bundle::read(path)?);
    }
    builder.build().map_err(cannot_build)
}

fn cannot_build(error: reqwest::Error) -> TransportError {
    let message = format!("cannot build the HTTP client: {}", error_chain(&error));
    TransportError::new(TransportErrorKind::Request, message).with_source(error)
}

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(exchange(&self.client, request))
    }
}

/// Sends `request` on `client` and reads the whole response.
pub(crate) async fn exchange(
    client: &reqwest::Client,
    request: http::Request<Vec<u8>>,
) -> Result<HttpResponse, TransportError> {
    let request = reqwest::Request::try_from(request).map_err(|e| map_error(e, false))?;
    let sent_to = request.url().clone();
    let response = client.execute(request).await.map_err(|e| map_error(e, false))?;
    if *response.url() != sent_to {
        let message = format!(
            "the endpoint redirected the request to {}; redirects are not followed and that answer was \
             not used",
            response.url()
        );
        return Err(TransportError::new(TransportErrorKind::Redirect, message));
    }
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = read_body(response, status).await?;
    Ok(HttpResponse { status, headers, body })
}

/// Reads the whole body, refusing one over [`MAX_RESPONSE_BODY`] before holding more of it.
#[cfg(not(target_arch = "wasm32"))]
async fn read_body(mut response: reqwest::Response, status: u16) -> Result<Vec<u8>, TransportError> {
    check_declared_length(response.content_length(), status)?;
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| map_error(e, true))? {
        if body.len() + chunk.len() > MAX_RESPONSE_BODY {
            return Err(TransportError::body_too_large(status));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Reads the whole body, refusing one whose declared length is over [`MAX_RESPONSE_BODY`]
/// (reqwest's fetch backend reads a body in one piece).
#[cfg(target_arch = "wasm32")]
async fn read_body(response: reqwest::Response, status: u16) -> Result<Vec<u8>, TransportError> {
    check_declared_length(response.content_length(), status)?;
    let body = response.bytes().await.map_err(|e| map_error(e, true))?;
    if body.len() > MAX_RESPONSE_BODY {
        return Err(TransportError::body_too_large(status));
    }
    Ok(body.to_vec())
}

fn check_declared_length(length: Option<u64>, status: u16) -> Result<(), TransportError> {
    match length {
        Some(length) if length > MAX_RESPONSE_BODY as u64 => Err(TransportError::body_too_large(status)),
        _ => Ok(()),
    }
}

fn map_error(error: reqwest::Error, reading_body: bool) -> TransportError {
    let kind = if is_connect(&error) && error.is_timeout() {
        TransportErrorKind::ConnectTimeout
    } else if is_connect(&error) {
        TransportErrorKind::Connect
    } else if error.is_builder() {
        TransportErrorKind::Request
    } else {
        TransportErrorKind::Io
    };
    let what = match (kind, reading_body) {
        (TransportErrorKind::ConnectTimeout, _) => "connecting to the endpoint timed out",
        (TransportErrorKind::Connect, _) => "could not connect to the endpoint",
        (TransportErrorKind::Request, _) => "could not build the HTTP request",
        (_, true) => "the connection failed while reading the response body",
        (_, false) => "the connection failed before a response arrived",
    };
    TransportError::new(kind, format!("{what}: {}", error_chain(&error))).with_source(error)
}

/// Whether reqwest says no connection was made. `fetch` cannot tell a refused connection from a
/// reset one, so on wasm32 every failure before a response counts as possibly sent.
#[cfg(not(target_arch = "wasm32"))]
fn is_connect(error: &reqwest::Error) -> bool {
    error.is_connect()
}

#[cfg(target_arch = "wasm32")]
fn is_connect(_error: &reqwest::Error) -> bool {
    false
}

/// Joins an error and its sources into one line, so the root cause (such as "connection refused")
/// is visible in the message.
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
