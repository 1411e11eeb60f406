//! One request, start to finish: CORS preflight, admin action or credential service, else route,
//! inject faults, verify the signature, apply the rate limit, run the operation, log the call and
//! answer (or drop the connection).

use crate::admin::{handle_admin, ADMIN_PREFIX};
use crate::app::App;
use crate::auth::claimed_account;
use crate::auth::sigv4::{verify_request, SERVICE_NAME};
use crate::call_log::{certificate_named, CallOutcome, CallRecord};
use crate::cors::{add_cors_headers, preflight_response};
use crate::credentials;
use crate::error::ApiError;
use crate::faults::FaultKind;
use crate::ids::new_request_id;
use crate::ops::{execute, Call};
use crate::wire::request::RequestInput;
use crate::wire::response::{self, Body};
use crate::wire::routing::{route, Operation};
use bytes::Bytes;
use http::request::Parts;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Limited};
use std::fmt;
use std::sync::Arc;

/// The largest request body accepted.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Returned instead of a response when the connection must be closed without an answer (an
/// injected `dropConnection` or `dropResponse` fault).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DropConnection;

impl fmt::Display for DropConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for DropConnection {}

/// Answers one request.
pub async fn handle_request<B>(app: Arc<App>, request: Request<B>) -> Result<Response<Body>, DropConnection>
where
    B: http_body::Body<Data = Bytes>,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let request_id = new_request_id();
    let (parts, body) = request.into_parts();
    if parts.method == Method::OPTIONS {
        return Ok(preflight_response(&parts.headers, &request_id, app.clock.now()));
    }
    let mut answer = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => answer(&app, &parts, &collected.to_bytes(), &request_id).await?,
        Err(_) => {
            let error =
                ApiError::invalid_request(format!("The request body is unreadable or over {MAX_BODY_BYTES} bytes"));
            response::error(&error, &request_id, app.clock.now())
        }
    };
    add_cors_headers(&mut answer, &parts.headers);
    Ok(answer)
}

async fn answer(app: &App, parts: &Parts, body: &[u8], request_id: &str) -> Result<Response<Body>, DropConnection> {
    let path = parts.uri.path();
    if path.starts_with(ADMIN_PREFIX) {
        let reply = handle_admin(app, parts.method.as_str(), path, parts.uri.query(), body);
        let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        return Ok(response::json_text(status, reply.body, request_id, app.clock.now()));
    }
    if let Some(endpoint) = credentials::route(&parts.method, path) {
        let answer = credentials::answer(app, endpoint, parts, body, request_id);
        if app.log_requests {
            // The path only: a query may name accounts, never secrets, but stay terse.
            eprintln!("iot-emulator: {} {path} {} -> {}", parts.method, endpoint.name(), answer.status().as_u16());
        }
        return Ok(answer);
    }
    let (operation, outcome) = match route(parts.method.as_str(), path) {
        Ok(found) => (Some(found.operation), call_operation(app, parts, body, found.operation, found.label).await?),
        Err(error) => (None, Err(error)),
    };
    let answer = match &outcome {
        Ok(reply) => response::success(reply.clone(), request_id, app.clock.now()),
        Err(error) => response::error(error, request_id, app.clock.now()),
    };
    if app.log_requests {
        let name = operation.map(Operation::name).unwrap_or("-");
        let code = outcome.as_ref().err().map(|error| error.code).unwrap_or("");
        eprintln!("iot-emulator: {} {} {name} -> {} {code}", parts.method, parts.uri, answer.status().as_u16());
    }
    Ok(answer)
}

/// Faults, then authentication and the rate limit, then the operation itself; every call is
/// logged once its outcome is known. `Err` drops the connection.
async fn call_operation(
    app: &App,
    parts: &Parts,
    body: &[u8],
    operation: Operation,
    label: Option<String>,
) -> Result<Result<response::Reply, ApiError>, DropConnection> {
    app.count_request(operation);
    let mut record = CallRecord {
        operation,
        account_id: None,
        certificate_id: certificate_named(operation, label.as_deref()),
        status: None,
        outcome: CallOutcome::Refused,
        fault: None,
        at_millis: 0,
    };
    let decision = app.faults.decide(operation);
    if !decision.delay.is_zero() {
        tokio::time::sleep(decision.delay).await;
    }
    let stopped = decision.fault.and_then(|kind| stopping_answer(kind).map(|answer| (kind, answer)));
    if let Some((kind, answer)) = stopped {
        record.account_id = claimed_account(parts, app).map(|account| app.calls.account(&account.account_id));
        record.status = answer.as_ref().ok().map(|error| error.status);
        record.outcome = CallOutcome::Fault(kind);
        record.fault = Some(kind);
        record.at_millis = app.clock.now_millis();
        app.calls.record(record);
        return answer.map(Err);
    }
    let outcome = run_call(app, parts, body, operation, label.as_deref(), &mut record);
    let dropped = decision.fault == Some(FaultKind::DropResponse);
    record.status = (!dropped).then(|| outcome.as_ref().map_or_else(|error| error.status, |_| 200));
    record.fault = decision.fault;
    record.at_millis = app.clock.now_millis();
    app.calls.record(record);
    if dropped {
        return Err(DropConnection);
    }
    // A `slow` fault: the change is made, the answer comes late (maybe after the client gave up).
    if !decision.answer_delay.is_zero() {
        tokio::time::sleep(decision.answer_delay).await;
    }
    Ok(outcome)
}

/// The answer of an injected fault that stops a call before it runs (`None`: the call runs).
fn stopping_answer(kind: FaultKind) -> Option<Result<ApiError, DropConnection>> {
    match kind {
        FaultKind::Throttle => Some(Ok(ApiError::throttling())),
        FaultKind::ServiceUnavailable => Some(Ok(ApiError::service_unavailable())),
        FaultKind::InternalFailure => {
            Some(Ok(ApiError::internal_failure("An internal error occurred (injected fault)")))
        }
        FaultKind::AccessDenied => Some(Ok(ApiError::access_denied())),
        FaultKind::DropConnection => Some(Err(DropConnection)),
        FaultKind::DropResponse | FaultKind::Latency | FaultKind::Slow => None,
    }
}

/// Verifies the signature, takes a token from the signer's quota and runs the operation, noting
/// in `record` who signed and what became of the call.
fn run_call(
    app: &App,
    parts: &Parts,
    body: &[u8],
    operation: Operation,
    label: Option<&str>,
    record: &mut CallRecord,
) -> Result<response::Reply, ApiError> {
    let caller = match verify_request(parts, body, app, SERVICE_NAME, app.clock.now()) {
        Ok(caller) => caller,
        Err(error) => {
            record.account_id = claimed_account(parts, app).map(|account| app.calls.account(&account.account_id));
            return Err(error);
        }
    };
    app.credentials.issued.note_use(&caller.access_key_id);
    record.account_id = Some(app.calls.account(caller.account_id()));
    if !app.rate_limit.admit(caller.account_id(), operation, app.clock.now()) {
        record.outcome = CallOutcome::Throttled;
        return Err(ApiError::throttling());
    }
    let outcome = RequestInput::parse(parts.uri.query(), body).and_then(|input| {
        let call = Call { caller: &caller, label, input: &input, now_millis: app.clock.now_millis() };
        execute(operation, &app.store, &call)
    });
    record.outcome = if outcome.is_ok() { CallOutcome::Applied } else { CallOutcome::Refused };
    outcome
}
