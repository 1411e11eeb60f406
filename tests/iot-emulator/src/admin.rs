//! The admin endpoint under `/_emulator/`, unauthenticated, for tests and the demo:
//!
//! - `GET  /_emulator/health`: `{"status": "ok"}`
//! - `GET  /_emulator/state`: accounts (without secrets), certificates, policies, faults, request counts
//! - `GET  /_emulator/faults`: the fault settings in force, the seed and the injected counts
//! - `POST /_emulator/faults`: replace the fault settings (JSON, as in the config file's `faults`)
//! - `DELETE /_emulator/faults`: stop injecting faults
//! - `GET|POST|DELETE /_emulator/rate-limit`: show, replace or remove the request-rate quota
//! - `GET  /_emulator/calls[?operation=NAME]`: every IoT call since the start or reset, and what
//!   became of it
//! - `POST /_emulator/reset`: forget every certificate, policy, fault, count and logged call,
//!   remove the rate limit, and restore the credential settings (issued credentials and tokens
//!   stay valid)
//! - `POST /_emulator/seed-demo`: create the demo certificates; answers their IDs
//! - `POST /_emulator/certificates`: create many certificates (INACTIVE or ACTIVE, optionally with
//!   policies) in one account; answers their IDs
//! - the credential services' actions (`credentials`, `credential-requests`,
//!   `credential-settings`, `sso-tokens`, `web-identity-tokens`): see [`crate::credentials::admin`]

use crate::app::App;
use crate::bulk::{create_certificates, BulkCertificates};
use crate::credentials::admin::handle_credential_admin;
use crate::demo::seed_demo;
use crate::faults::FaultSettings;
use crate::rate_limit::RateLimit;
use crate::wire::request::decode_pairs;
use crate::wire::routing::Operation;
use serde_json::{json, Value};

/// The path prefix of the admin endpoint.
pub const ADMIN_PREFIX: &str = "/_emulator/";

/// An admin answer: HTTP status and JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminReply {
    /// The HTTP status.
    pub status: u16,
    /// The JSON body, serialized.
    pub body: String,
}

impl AdminReply {
    /// A 200 answer with this body.
    pub fn ok(body: Value) -> Self {
        Self::ok_text(body.to_string())
    }

    /// A 200 answer with this already serialized JSON body (for large answers, written without
    /// an intermediate [`Value`]).
    pub fn ok_text(body: String) -> Self {
        Self { status: 200, body }
    }

    /// An error answer: the status and `{"message": ...}`.
    pub fn error(status: u16, message: impl Into<String>) -> Self {
        Self { status, body: json!({ "message": message.into() }).to_string() }
    }
}

/// Answers one admin request (`query`: the raw query string, if any).
pub fn handle_admin(app: &App, method: &str, path: &str, query: Option<&str>, body: &[u8]) -> AdminReply {
    let action = path.strip_prefix(ADMIN_PREFIX).unwrap_or_default();
    match (method, action) {
        ("GET", "health") => AdminReply::ok(json!({ "status": "ok" })),
        ("GET", "state") => AdminReply::ok(state_report(app)),
        ("GET", "faults") => AdminReply::ok(app.faults.report()),
        ("POST", "faults") => replace_faults(app, body),
        ("DELETE", "faults") => {
            app.reset_faults();
            AdminReply::ok(app.faults.report())
        }
        ("GET", "rate-limit") => AdminReply::ok(app.rate_limit.report()),
        ("POST", "rate-limit") => replace_rate_limit(app, body),
        ("DELETE", "rate-limit") => {
            app.rate_limit.remove();
            AdminReply::ok(app.rate_limit.report())
        }
        ("GET", "calls") => list_calls(app, query),
        ("POST", "reset") => {
            app.reset();
            AdminReply::ok(json!({ "reset": true }))
        }
        ("POST", "seed-demo") => match seed_demo(app) {
            Ok(demo) => AdminReply::ok(json!(demo)),
            Err(error) => AdminReply::error(500, error.message),
        },
        ("POST", "certificates") => bulk_certificates(app, body),
        _ => handle_credential_admin(app, method, action, body)
            .unwrap_or_else(|| AdminReply::error(404, format!("No admin action {method} {path} (see README.md)"))),
    }
}

fn replace_faults(app: &App, body: &[u8]) -> AdminReply {
    let settings: FaultSettings = match serde_json::from_slice(if body.is_empty() { b"{}" } else { body }) {
        Ok(settings) => settings,
        Err(error) => return AdminReply::error(400, format!("The fault settings are not valid: {error}")),
    };
    match app.apply_faults(settings) {
        Ok(()) => AdminReply::ok(app.faults.report()),
        Err(message) => AdminReply::error(400, message),
    }
}

fn replace_rate_limit(app: &App, body: &[u8]) -> AdminReply {
    let settings: RateLimit = match serde_json::from_slice(body) {
        Ok(settings) => settings,
        Err(error) => return AdminReply::error(400, format!("The rate limit is not valid: {error}")),
    };
    match app.rate_limit.replace(Some(settings)) {
        Ok(()) => AdminReply::ok(app.rate_limit.report()),
        Err(message) => AdminReply::error(400, format!("The rate limit is not valid: {message}")),
    }
}

/// `GET /_emulator/calls`, optionally `?operation=NAME`.
fn list_calls(app: &App, query: Option<&str>) -> AdminReply {
    let pairs = match decode_pairs(query.unwrap_or_default()) {
        Ok(pairs) => pairs,
        Err(error) => return AdminReply::error(400, error.message),
    };
    let mut operation = None;
    for (name, value) in pairs {
        match name.as_str() {
            "operation" => match Operation::from_name(&value) {
                Some(found) => operation = Some(found),
                None => return AdminReply::error(400, format!("operation {value:?} is not an emulated operation")),
            },
            _ => return AdminReply::error(400, format!("Unknown query member {name:?} (only operation)")),
        }
    }
    AdminReply::ok_text(app.calls.to_json(operation))
}

fn bulk_certificates(app: &App, body: &[u8]) -> AdminReply {
    let request = match BulkCertificates::from_json(body) {
        Ok(request) => request,
        Err(message) => return AdminReply::error(400, message),
    };
    match create_certificates(app, &request) {
        Ok(ids) => AdminReply::ok(json!({
            "accountId": request.account_id,
            "status": request.status.as_str(),
            "policyNames": request.policy_names,
            "certificateIds": ids,
        })),
        Err(message) => AdminReply::error(400, message),
    }
}

fn state_report(app: &App) -> Value {
    let state = app.store.snapshot();
    let accounts: Vec<Value> = app
        .accounts
        .all()
        .iter()
        .map(|account| json!({ "accountId": account.account_id, "accessKeyId": account.access_key_id }))
        .collect();
    let policies: Vec<Value> =
        state.policies.values().flat_map(|by_name| by_name.values()).map(|policy| json!(policy)).collect();
    json!({
        "accounts": accounts,
        "clockSkewSeconds": app.clock.skew_seconds(),
        "certificates": state.certificates.values().collect::<Vec<_>>(),
        "policies": policies,
        "faults": app.faults.report(),
        "requestCounts": app.request_counts(),
        "rateLimit": app.rate_limit.settings(),
        "throttledCounts": app.rate_limit.throttled_counts(),
        "credentialRequestCounts": app.credentials.request_counts(),
    })
}
