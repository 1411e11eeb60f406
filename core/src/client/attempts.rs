//! The attempt loop of one operation: send, map the response, and retry by the standard or
//! adaptive mode, learning the clock offset from every response and resending a request refused
//! for its time, within the per-attempt timeout; and the call timeout around it all.

use super::cancellation::Cancellation;
use super::Client;
use crate::clock_skew::refused_for_time;
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind, TimeoutKind};
use crate::operation::{Operation, ResponseMetadata};
use crate::protocol::MAX_RESPONSE_BODY;
use crate::retry::{retry_after, retry_delay, RetryClass};
use crate::runtime::{AbandonableAttempt, HttpResponse, HttpTransport, TransportError, TransportErrorKind};
use futures_util::future::{select, Either};
use std::future::Future;
use std::pin::pin;
use std::sync::Mutex;
use std::time::Duration;

/// What a call has done so far; read when the call timeout cuts it short.
#[derive(Debug, Default)]
pub(super) struct Progress {
    attempts: u32,
    total_retry_delay: Duration,
    /// Some attempt of a call that is not idempotent may have been applied.
    pub(super) possibly_applied: bool,
    /// An attempt of a call that is not idempotent has been handed to the transport and has not
    /// ended: if the call is cut short now, it may be applied.
    pub(super) in_flight: bool,
    /// The call can be cancelled, so any attempt may be abandoned.
    pub(super) cancellable: bool,
}

impl Progress {
    /// The progress of a call made on behalf of another (a state check), cancellable with it.
    pub(super) fn on_behalf_of(parent: &SharedProgress) -> SharedProgress {
        Mutex::new(Progress { cancellable: read(parent, |p| p.cancellable), ..Progress::default() })
    }

    /// The metadata of a call that ended with `status` and `request_id`.
    pub(super) fn metadata(&self, http_status: Option<u16>, request_id: Option<String>) -> ResponseMetadata {
        ResponseMetadata {
            http_status,
            request_id,
            attempts: self.attempts,
            total_retry_delay: self.total_retry_delay,
            reconciled: false,
        }
    }
}

/// The progress of a call, shared between its attempt loop and its call timeout.
pub(super) type SharedProgress = Mutex<Progress>;

fn update(progress: &SharedProgress, change: impl FnOnce(&mut Progress)) {
    change(&mut progress.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
}

/// Reads the progress.
pub(super) fn read<T>(progress: &SharedProgress, read: impl FnOnce(&Progress) -> T) -> T {
    read(&progress.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
}

/// A successful response's output and how the call went.
pub(super) struct Attempted<T> {
    pub output: T,
    pub metadata: ResponseMetadata,
}

/// What cut a call short.
enum Cut {
    Timeout(Duration),
    Cancelled,
}

/// Runs `work`, bounded by the call timeout when one is set and ended by `cancellation` when it
/// fires. An error carries the progress: attempts, retry delay, and whether the transfer may have
/// been applied (also when the call was cut short after an attempt was handed to the transport).
pub(super) async fn bounded<T>(
    client: &Client,
    progress: &SharedProgress,
    cancellation: Option<&Cancellation>,
    work: impl Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    let timeout = async {
        match client.inner.config.timeouts.call {
            Some(limit) => client.inner.config.sleep.sleep(limit).await,
            None => std::future::pending().await,
        }
    };
    let cancelled = async {
        match cancellation {
            Some(cancellation) => cancellation.cancelled().await,
            None => std::future::pending().await,
        }
    };
    if cancellation.is_some() {
        update(progress, |p| p.cancellable = true);
    }
    let cut = async {
        match select(pin!(timeout), pin!(cancelled)).await {
            Either::Left(_) => Cut::Timeout(client.inner.config.timeouts.call.unwrap_or_default()),
            Either::Right(_) => Cut::Cancelled,
        }
    };
    let result = if cancellation.is_some_and(Cancellation::is_cancelled) {
        Err(cut_short(Cut::Cancelled))
    } else {
        match select(pin!(work), pin!(cut)).await {
            Either::Left((result, _)) => result,
            Either::Right((cut, _)) => {
                update(progress, |p| p.possibly_applied |= p.in_flight);
                Err(cut_short(cut))
            }
        }
    };
    result.map_err(|mut error| {
        read(progress, |p| error.set_progress(p.attempts, p.total_retry_delay, p.possibly_applied));
        error
    })
}

fn cut_short(cut: Cut) -> Error {
    match cut {
        Cut::Timeout(limit) => Error::of_kind(
            ErrorKind::Timeout(TimeoutKind::Call),
            format!("the call did not complete within its {} ms call timeout", limit.as_millis() as u64),
        ),
        Cut::Cancelled => Error::of_kind(ErrorKind::Cancelled, "the call was cancelled"),
    }
}

/// Sends `operation` until it succeeds, fails for good, or runs out of attempts or retry quota.
pub(super) async fn attempt_loop<O: Operation>(
    client: &Client,
    operation: &O,
    endpoint: &Endpoint,
    transport: &dyn HttpTransport,
    progress: &SharedProgress,
) -> Result<Attempted<O::Output>, Error> {
    let mut output = None;
    let mut parse = |response: &HttpResponse| {
        output = Some(operation.parse_response(response.status, &response.headers, &response.body)?);
        Ok(())
    };
    let exchange = Exchange {
        build: &|endpoint, user_agent| operation.build_request(endpoint, user_agent),
        idempotent: O::IDEMPOTENT,
        parse: &mut parse,
    };
    let metadata = run_attempts(client, exchange, endpoint, transport, progress).await?;
    match output {
        Some(output) => Ok(Attempted { output, metadata }),
        None => unreachable!("a call that succeeded parsed its output"),
    }
}

/// An operation seen without its output type, so that the attempt loop is compiled once (it is
/// a large future, and every copy weighs on the WebAssembly package).
struct Exchange<'a> {
    build: &'a (dyn Fn(&Endpoint, &str) -> http::Request<Vec<u8>> + Sync),
    idempotent: bool,
    /// Keeps the output of a 2xx it can read, or returns the response's error.
    parse: &'a mut (dyn FnMut(&HttpResponse) -> Result<(), Error> + Send),
}

async fn run_attempts(
    client: &Client,
    exchange: Exchange<'_>,
    endpoint: &Endpoint,
    transport: &dyn HttpTransport,
    progress: &SharedProgress,
) -> Result<ResponseMetadata, Error> {
    let config = &client.inner.config;
    let mut last_retry_cost = None;
    let mut skew_corrected = false;
    let mut attempt = 0;
    loop {
        client.wait_for_send_token().await;
        let credentials = client.credentials().await?;
        let mut request = (exchange.build)(endpoint, &client.inner.user_agent);
        let sent_at = config.clock.now();
        let signed_at = client.inner.clock_offset.apply(sent_at);
        client.sign_at(&mut request, endpoint, &credentials, signed_at)?;
        let timeouts = &config.timeouts;
        if timeouts.attempt.is_some() || timeouts.call.is_some() || read(progress, |p| p.cancellable) {
            request.extensions_mut().insert(AbandonableAttempt);
        }
        attempt += 1;
        update(progress, |p| {
            p.attempts = attempt;
            p.in_flight = !exchange.idempotent;
        });
        let outcome = send_once(client, transport, request).await;
        let received_at = config.clock.now();
        update(progress, |p| p.in_flight = false);
        // The error, and the wait its response asked for before a retry.
        let (error, hint) = match outcome {
            Ok(response) => {
                let server_time = client.inner.clock_offset.learn(&response.headers, sent_at, received_at);
                match (exchange.parse)(&response) {
                    Ok(()) => {
                        client.record_attempt(false);
                        if config.retry.use_retry_quota {
                            client.inner.quota.release(last_retry_cost);
                        }
                        let request_id = crate::protocol::rest_json::request_id(&response.headers);
                        return Ok(read(progress, |p| p.metadata(Some(response.status), request_id)));
                    }
                    Err(error) => {
                        if !skew_corrected
                            && attempt < config.retry.max_attempts
                            && server_time.is_some_and(|time| refused_for_time(error.code(), time, signed_at))
                        {
                            // Refused for its time, so not applied: sign again with the corrected
                            // clock and resend now, outside the backoff and the retry quota.
                            skew_corrected = true;
                            client.record_attempt(false);
                            continue;
                        }
                        // A 2xx the client could not read was applied; a 5xx may have been.
                        if !exchange.idempotent && (response.status >= 500 || (200..300).contains(&response.status)) {
                            update(progress, |p| p.possibly_applied = true);
                        }
                        // A Retry-After date counts from the service's time as the client knows it.
                        let now = client.inner.clock_offset.apply(received_at);
                        (error, retry_after(&response.headers, now))
                    }
                }
            }
            Err(failure) => {
                if failure.possibly_applied && !exchange.idempotent {
                    update(progress, |p| p.possibly_applied = true);
                }
                (failure.error, None)
            }
        };
        client.record_attempt(error.is_throttling());
        let Some(class) = error.retry_class() else {
            return Err(error);
        };
        if attempt >= config.retry.max_attempts {
            return Err(error);
        }
        if config.retry.use_retry_quota {
            match client.inner.quota.acquire(class) {
                Some(cost) => last_retry_cost = Some(cost),
                None => return Err(error),
            }
        }
        let delay = retry_delay(&config.retry, class, attempt, crate::runtime::random_unit(), hint);
        update(progress, |p| p.total_retry_delay += delay);
        config.sleep.sleep(delay).await;
    }
}

/// An attempt that failed before a response arrived.
struct SendFailure {
    error: Error,
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
                let error = Error::of_kind(
                    ErrorKind::Timeout(TimeoutKind::Attempt),
                    format!("no response within the {} ms attempt timeout", limit.as_millis() as u64),
                )
                .with_retry_class(Some(RetryClass::Transient));
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
        // A connect timeout (botocore's ConnectTimeoutError) is transient: its retry no longer
        // costs the quota more than another's.
        TransportErrorKind::Connect | TransportErrorKind::ConnectTimeout => (Some(RetryClass::Transient), false),
        TransportErrorKind::Io => (Some(RetryClass::Transient), true),
        TransportErrorKind::BodyTooLarge => (None, true),
        _ => (None, false),
    };
    let code = if kind == TransportErrorKind::ConnectTimeout { "TimeoutError" } else { "TransportError" };
    let error = Error::new(ErrorKind::Transport(kind), code, message).with_retry_class(retry_class).with_source(source);
    SendFailure { error, possibly_applied }
}
