//! The attempt loop of one operation: send, map the response, and retry by the standard or
//! adaptive mode, learning the clock offset from every response and resending a request refused
//! for its time, within the per-attempt timeout; and the call timeout around it all.

use super::cancellation::Cancellation;
use super::Client;
use crate::clock_skew::refused_for_time;
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind, TimeoutKind};
use crate::operation::{Operation, ResponseMetadata, RestRequest};
use crate::protocol::MAX_RESPONSE_BODY;
use crate::retry::{self, next_retry, response_may_have_applied, retry_after, retry_delay, RetryClass};
use crate::runtime::{AbandonableAttempt, HttpResponse, HttpTransport, TransportError, TransportErrorKind};
use futures_util::future::{select, Either};
use std::future::Future;
use std::pin::pin;
use std::time::Duration;

/// What a call has done so far. The attempt loop updates it through `&mut`, so a call bound that
/// cuts the loop short (dropping its future) leaves it for the runner to read: the progress is a
/// value, and only the cancellation token, which a host may read after dropping the whole call,
/// is told of an attempt in flight and of one that may have been applied.
#[derive(Debug, Default)]
pub(super) struct Progress {
    attempts: u32,
    total_retry_delay: Duration,
    /// Some attempt of a call that is not idempotent may have been applied.
    pub(super) possibly_applied: bool,
    /// An attempt of a call that is not idempotent has been handed to the transport and has not
    /// ended: if the call is cut short now, it may be applied.
    in_flight: bool,
    /// The call can be cancelled, so any attempt may be abandoned.
    pub(super) cancellable: bool,
    /// The token the call was given, told what `possibly_applied` and `in_flight` become.
    token: Option<Cancellation>,
}

impl Progress {
    /// The progress of a call, reported to `cancellation` when it has one (which also makes any
    /// attempt abandonable).
    pub(super) fn new(cancellation: Option<&Cancellation>) -> Self {
        Progress { cancellable: cancellation.is_some(), token: cancellation.cloned(), ..Progress::default() }
    }

    /// The progress of a call made on behalf of another (a state check), cancellable with it;
    /// the token hears only of the call it was given.
    pub(super) fn on_behalf_of(parent: &Progress) -> Progress {
        Progress { cancellable: parent.cancellable, ..Progress::default() }
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

    /// Marks that an attempt may have been applied.
    fn mark_possibly_applied(&mut self) {
        self.possibly_applied = true;
        if let Some(token) = &self.token {
            token.note_possibly_applied();
        }
    }

    /// An attempt that is not idempotent is handed to the transport (`true`), or has ended.
    fn set_in_flight(&mut self, in_flight: bool) {
        self.in_flight = in_flight;
        if let Some(token) = &self.token {
            token.note_in_flight(in_flight);
        }
    }

    /// The answer of a bounded call: an error carries the attempts, the retry delay and whether
    /// the call may have been applied, which it may when it was cut short with an attempt in flight.
    pub(super) fn finish<T>(&mut self, outcome: Bounded<T>) -> Result<T, Error> {
        let result = match outcome {
            Bounded::Done(result) => result,
            Bounded::Cut(error) => {
                self.possibly_applied |= self.in_flight;
                Err(error)
            }
        };
        result.map_err(|mut error| {
            error.set_progress(self.attempts, self.total_retry_delay, self.possibly_applied);
            error
        })
    }
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

/// How a bounded call ended: its work's own result, or cut short by the call timeout or the
/// cancellation (the work's future dropped; [`Progress::finish`] reads what it left).
pub(super) enum Bounded<T> {
    /// The work ended.
    Done(Result<T, Error>),
    /// The call was cut short: the error says by what.
    Cut(Error),
}

/// Runs `work`, bounded by the call timeout when one is set and ended by `cancellation` when it
/// fires. Nothing is run when the cancellation has already fired.
pub(super) async fn bounded<T>(
    client: &Client,
    cancellation: Option<&Cancellation>,
    work: impl Future<Output = Result<T, Error>>,
) -> Bounded<T> {
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
    let cut = async {
        match select(pin!(timeout), pin!(cancelled)).await {
            Either::Left(_) => Cut::Timeout(client.inner.config.timeouts.call.unwrap_or_default()),
            Either::Right(_) => Cut::Cancelled,
        }
    };
    if cancellation.is_some_and(Cancellation::is_cancelled) {
        return Bounded::Cut(cut_short(Cut::Cancelled));
    }
    match select(pin!(work), pin!(cut)).await {
        Either::Left((result, _)) => Bounded::Done(result),
        Either::Right((cut, _)) => Bounded::Cut(cut_short(cut)),
    }
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

/// Sends `request` (reading a success's payload with `parse`) until it succeeds or fails for
/// good, bounded by the call timeout and `cancellation`: an operation's whole call with its
/// output type erased, so that every operation shares one copy of this future.
pub(super) async fn bounded_call(
    client: &Client,
    request: &RestRequest,
    idempotent: bool,
    parse: &mut (dyn FnMut(&HttpResponse) -> Result<(), Error> + Send),
    target: (&Endpoint, &dyn HttpTransport),
    mut progress: Progress,
    cancellation: Option<&Cancellation>,
) -> Result<ResponseMetadata, Error> {
    let work = erased_attempts(client, request, idempotent, parse, target, &mut progress);
    let outcome = bounded(client, cancellation, work).await;
    progress.finish(outcome)
}

/// [`attempt_loop`] for a request whose success `parse` reads: the loop compiled once for
/// every operation.
pub(super) async fn erased_attempts(
    client: &Client,
    request: &RestRequest,
    idempotent: bool,
    parse: &mut (dyn FnMut(&HttpResponse) -> Result<(), Error> + Send),
    target: (&Endpoint, &dyn HttpTransport),
    progress: &mut Progress,
) -> Result<ResponseMetadata, Error> {
    let (endpoint, transport) = target;
    let exchange = Exchange { build: &|endpoint, user_agent| request.build(endpoint, user_agent), idempotent, parse };
    run_attempts(client, exchange, endpoint, transport, progress).await
}

/// Sends `operation` until it succeeds, fails for good, or runs out of attempts or retry quota.
pub(super) async fn attempt_loop<O: Operation>(
    client: &Client,
    operation: &O,
    endpoint: &Endpoint,
    transport: &dyn HttpTransport,
    progress: &mut Progress,
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
    progress: &mut Progress,
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
        if timeouts.attempt.is_some() || timeouts.call.is_some() || progress.cancellable {
            request.extensions_mut().insert(AbandonableAttempt);
        }
        attempt += 1;
        progress.attempts = attempt;
        progress.set_in_flight(!exchange.idempotent);
        let outcome = send_once(client, transport, request).await;
        let received_at = config.clock.now();
        progress.set_in_flight(false);
        // The error, and the wait its response asked for before a retry.
        let (error, hint) = match outcome {
            Ok(response) => {
                let server_time = client.inner.clock_offset.learn(&response.headers, sent_at, received_at);
                match (exchange.parse)(&response) {
                    Ok(()) => {
                        client.record_attempt(false, None);
                        if config.retry.use_retry_quota {
                            client.inner.quota.release(last_retry_cost);
                        }
                        let request_id = crate::protocol::rest_json::request_id(&response.headers);
                        return Ok(progress.metadata(Some(response.status), request_id));
                    }
                    Err(error) => {
                        if !skew_corrected
                            && attempt < config.retry.max_attempts
                            && server_time.is_some_and(|time| refused_for_time(error.code(), time, signed_at))
                        {
                            // Refused for its time, so not applied: sign again with the corrected
                            // clock and resend now, outside the backoff and the retry quota.
                            skew_corrected = true;
                            client.record_attempt(false, None);
                            continue;
                        }
                        // A 2xx the client could not read was applied; a 5xx may have been.
                        if !exchange.idempotent && response_may_have_applied(response.status) {
                            progress.mark_possibly_applied();
                        }
                        // A Retry-After date counts from the service's time as the client knows it.
                        let now = client.inner.clock_offset.apply(received_at);
                        (error, retry_after(&response.headers, now))
                    }
                }
            }
            Err(failure) => {
                if failure.possibly_applied && !exchange.idempotent {
                    progress.mark_possibly_applied();
                }
                (failure.error, None)
            }
        };
        client.record_attempt(error.is_throttling(), hint);
        let Some(class) = next_retry(error.retry_class(), attempt, config.retry.max_attempts) else {
            return Err(error);
        };
        if config.retry.use_retry_quota {
            match client.inner.quota.acquire(class) {
                Some(cost) => last_retry_cost = Some(cost),
                None => return Err(error),
            }
        }
        let delay = retry_delay(&config.retry, class, attempt, crate::runtime::random_unit(), hint);
        progress.total_retry_delay += delay;
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
    let (retry_class, possibly_applied) = retry::transport_failure(kind);
    let code = if kind == TransportErrorKind::ConnectTimeout { "TimeoutError" } else { "TransportError" };
    let error = Error::new(ErrorKind::Transport(kind), code, message).with_retry_class(retry_class).with_source(source);
    SendFailure { error, possibly_applied }
}
