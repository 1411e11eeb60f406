//! Native runtime: the system clock, tokio's timer and a pooled reqwest client over rustls.

use super::{BoxFuture, Clock, HttpResponse, HttpTransport, Sleep, TransportError, TransportErrorKind};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The operating system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// Sleeps on tokio's timer; needs to run inside a tokio runtime.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleep;

impl Sleep for TokioSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// A uniformly random number in `[0, 1)`, for backoff jitter.
pub fn random_unit() -> f64 {
    fastrand::f64()
}

/// The clock a client uses unless told otherwise.
pub fn default_clock() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}

/// The sleep a client uses unless told otherwise.
pub fn default_sleep() -> Arc<dyn Sleep> {
    Arc::new(TokioSleep)
}

/// An HTTP/1.1 transport over reqwest with rustls (ring) and the platform's root certificates.
///
/// Cloning shares the connection pool, so one transport reuses its connections across calls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// Builds a transport whose connection attempts give up after `connect_timeout`.
    pub fn new(connect_timeout: Duration) -> Result<Self, TransportError> {
        // Installing fails harmlessly when the host already installed a provider of its own.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder().connect_timeout(connect_timeout).no_proxy().build().map_err(|e| {
            let message = format!("cannot build the HTTP client: {}", error_chain(&e));
            TransportError::new(TransportErrorKind::Request, message).with_source(e)
        })?;
        Ok(Self { client })
    }
}

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(|e| map_error(e, false))?;
            let response = self.client.execute(request).await.map_err(|e| map_error(e, false))?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(|e| map_error(e, true))?;
            Ok(HttpResponse { status, headers, body: body.to_vec() })
        })
    }
}

fn map_error(error: reqwest::Error, reading_body: bool) -> TransportError {
    let kind = if error.is_connect() && error.is_timeout() {
        TransportErrorKind::ConnectTimeout
    } else if error.is_connect() {
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
