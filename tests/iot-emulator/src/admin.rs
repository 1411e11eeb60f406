//! The admin endpoint under `/_emulator/`, unauthenticated, for tests and the demo:
//!
//! - `GET  /_emulator/health`: `{"status": "ok"}`
//! - `GET  /_emulator/state`: accounts (without secrets), certificates, policies, faults, request counts
//! - `GET  /_emulator/faults`: the fault settings in force, the seed and the injected counts
//! - `POST /_emulator/faults`: replace the fault settings (JSON, as in the config file's `faults`)
//! - `DELETE /_emulator/faults`: stop injecting faults
//! - `POST /_emulator/reset`: forget every certificate, policy, fault and count, and restore the
//!   credential settings (issued credentials and tokens stay valid)
//! - `POST /_emulator/seed-demo`: create the demo certificates; answers their IDs
//! - `POST /_emulator/certificates`: create many INACTIVE certificates in one account; answers their IDs
//! - the credential services' actions (`credentials`, `credential-requests`,
//!   `credential-settings`, `sso-tokens`, `web-identity-tokens`): see [`crate::credentials::admin`]

use crate::app::App;
use crate::bulk::{create_certificates, BulkCertificates};
use crate::credentials::admin::handle_credential_admin;
use crate::demo::seed_demo;
use crate::faults::FaultSettings;
use serde_json::{json, Value};

/// The path prefix of the admin endpoint.
pub const ADMIN_PREFIX: &str = "/_emulator/";

/// An admin answer: HTTP status and JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminReply {
    /// The HTTP status.
    pub status: u16,
    /// The JSON body.
    pub body: Value,
}

impl AdminReply {
    /// A 200 answer with this body.
    pub fn ok(body: Value) -> Self {
        Self { status: 200, body }
    }

    /// An error answer: the status and `{"message": ...}`.
    pub fn error(status: u16, message: impl Into<String>) -> Self {
        Self { status, body: json!({ "message": message.into() }) }
    }
}

/// Answers one admin request.
pub fn handle_admin(app: &App, method: &str, path: &str, body: &[u8]) -> AdminReply {
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

fn bulk_certificates(app: &App, body: &[u8]) -> AdminReply {
    let request: BulkCertificates = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(error) => return AdminReply::error(400, format!("The request is not valid: {error}")),
    };
    match create_certificates(app, &request) {
        Ok(ids) => AdminReply::ok(json!({ "accountId": request.account_id, "certificateIds": ids })),
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
        "credentialRequestCounts": app.credentials.request_counts(),
    })
}
