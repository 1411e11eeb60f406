//! The attempt loop: send, map the response, and retry by the standard mode, correcting clock
//! skew, within the per-attempt and whole-call timeouts.

use super::Client;
use crate::endpoint::Endpoint;
use crate::error::{ErrorKind, TimeoutKind, TransferCertificateError};
use crate::operation::transfer_certificate::{
    parse_response, ResponseMetadata, TransferCertificateOutput, ValidatedInput,
};
use crate::protocol::MAX_RESPONSE_BODY;
use crate::retry::{backoff, RetryClass};
use crate::runtime::{HttpResponse, HttpTransport, TransportError, TransportErrorKind};
use futures_util::future::{select, Either};
use std::pin::pin;
use std::sync::Mutex;
use std::time::Duration;

/// What the call has done so far; read when the call timeout cuts it short.
#[derive(Debug, Default)]
struct Progress {
    attempts: u32,
    total_retry_delay: Duration,
    possibly_applied: bool,
}

/// Runs the call, bounded by the call timeout when one is set.
pub(super) async fn run(
    client: &Client,
    input: &ValidatedInput,
    endpoint: &Endpoint,
    transport: &dyn HttpTransport,
) -> Result<TransferCertificateOutput, TransferCertificateError> {
    let progress = Mutex::new(Progress::default());
    let work = attempt_loop(client, input, endpoint, transport, &progress);
    let result = match client.inner.config.timeouts.call {
        None => work.await,
        Some(limit) => match select(pin!(work), client.inner.config.sleep.sleep(limit)).await {
            Either::Left((result, _)) => result,
            Either::Right(((), _)) => Err(TransferCertificateError::new(
                ErrorKind::Timeout(TimeoutKind::Call),
                "TimeoutError",
                format!("the call did not complete within its {} ms call timeout", limit.as_millis() as u64),
            )),
        },
    };
    let progress = progress.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    result.map_err(|mut error| {
        error.set_progress(progress.attempts, progress.total_retry_delay, progress.possibly_applied);
        error
    })
}

async fn attempt_loop(
    client: &Client,
    input: &ValidatedInput,
    endpoint: &Endpoint,
    transport: &dyn HttpTransport,
    progress: &Mutex<Progress>,
) -> Result<TransferCertificateOutput, TransferCertificateError> {
    let config = &client.inner.config;
    let update = |change: &dyn Fn(&mut Progress)| change(&mut progress.lock().unwrap_or_else(|p| p.into_inner()));
    let mut quota_spent = 0;
    let mut skew_corrected = false;
    let mut attempt = 0;
    loop {
        let credentials = client.credentials().await?;
        let request = client.signed_request(input, endpoint, &credentials)?;
        attempt += 1;
        update(&|p| p.attempts = attempt);
        let error = match send_once(client, transport, request).await {
            Ok(response) => match parse_response(response.status, &response.headers, &response.body) {
                Ok(arn) => {
                    if config.retry.use_retry_quota {
                        client.inner.quota.refund(quota_spent);
                    }
                    let progress = progress.lock().unwrap_or_else(|p| p.into_inner());
                    let metadata = ResponseMetadata {
                        http_status: Some(response.status),
                        request_id: crate::protocol::rest_json::request_id(&response.headers),
                        attempts: progress.attempts,
                        total_retry_delay: progress.total_retry_delay,
                    };
                    return Ok(TransferCertificateOutput { transferred_certificate_arn: arn, metadata });
                }
                Err(error) => {
                    if !skew_corrected
                        && attempt < config.retry.max_attempts
                        && corrects_skew(client, &response, &error)
                    {
                        // The request was refused for its time, so it was not applied: resend now.
                        skew_corrected = true;
                        continue;
                    }
                    error
                }
            },
            Err(error) => {
                if error.possibly_applied {
                    update(&|p| p.possibly_applied = true);
                }
                error.error
            }
        };
        let Some(class) = error.retry_class() else {
            return Err(error);
        };
        if attempt >= config.retry.max_attempts {
            return Err(error);
        }
        if config.retry.use_retry_quota {
            match client.inner.quota.acquire(class) {
                Some(cost) => quota_spent += cost,
                None => return Err(error),
            }
        }
        let delay = backoff(&config.retry, attempt, crate::runtime::random_unit());
        update(&|p| p.total_retry_delay += delay);
        config.sleep.sleep(delay).await;
    }
}

/// An attempt that failed before a response arrived.
struct SendFailure {
    error: TransferCertificateError,
    possibly_applied: bool,
}

async fn send_once(
    client: &Client,
    transport: &dyn HttpTransport,
    request: http::Request<Vec<u8>>,
) -> Result<HttpResponse, SendFailure> {
    let exchange = transport.send(request);
    let outcome = match client.inner.config.timeouts.attempt {
        None => exchange.await,
        Some(limit) => match select(exchange, client.inner.config.sleep.sleep(limit)).await {
            Either::Left((outcome, _)) => outcome,
            Either::Right(((), _)) => {
                let error = TransferCertificateError::new(
                    ErrorKind::Timeout(TimeoutKind::Attempt),
                    "TimeoutError",
                    format!("no response within the {} ms attempt timeout", limit.as_millis() as u64),
                )
                .with_retry_class(Some(RetryClass::Timeout));
                return Err(SendFailure { error, possibly_applied: true });
            }
        },
    };
    match outcome {
        // Host transports may not bound what they read; every response is held to the limit.
        Ok(response) if response.body.len() > MAX_RESPONSE_BODY => {
            Err(transport_failure(TransportError::body_too_large(response.status)))
        }
        other => other.map_err(transport_failure),
    }
}

fn transport_failure(error: TransportError) -> SendFailure {
    let (kind, message, source) = error.into_parts();
    let (retry_class, possibly_applied) = match kind {
        TransportErrorKind::Connect | TransportErrorKind::ConnectTimeout => (Some(RetryClass::Transient), false),
        TransportErrorKind::Io => (Some(RetryClass::Transient), true),
        TransportErrorKind::BodyTooLarge => (None, true),
        _ => (None, false),
    };
    let code = if kind == TransportErrorKind::ConnectTimeout { "TimeoutError" } else { "TransportError" };
    let error = TransferCertificateError::new(ErrorKind::Transport(kind), code, message)
        .with_retry_class(retry_class)
        .with_source(source);
    SendFailure { error, possibly_applied }
}

/// On an authentication refusal whose `Date` shows the local clock minutes off, keeps the offset
/// and says so.
fn corrects_skew(client: &Client, response: &HttpResponse, error: &TransferCertificateError) -> bool {
    if *error.kind() != ErrorKind::Auth {
        return false;
    }
    let Some(date) = response.headers.get(http::header::DATE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    client.inner.clock_offset.correct(date, client.inner.config.clock.now())
}
