//! The credential services' part of the admin endpoint:
//!
//! - `GET  /_emulator/credentials`: accounts (IDs and access key IDs), issued credentials (no
//!   secrets) with their use counts, settings, request counts and the fixed test tokens
//! - `GET  /_emulator/credential-requests`: requests per credential endpoint, e.g.
//!   `{"imds:credentials": 1, "sts:AssumeRole": 2}`
//! - `GET|POST /_emulator/credential-settings`: show or replace the settings
//! - `POST /_emulator/sso-tokens`: a new SSO access token (`{"expiresInSeconds": N}` optional)
//! - `POST /_emulator/web-identity-tokens`: a new web identity token (same body)

use super::tokens::{TokenKind, EXPIRED_WEB_IDENTITY_TOKEN, TEST_SSO_TOKEN, TEST_WEB_IDENTITY_TOKEN};
use super::CredentialSettings;
use crate::admin::AdminReply;
use crate::app::App;
use crate::clock::format_iso8601;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

/// Answers an admin action of the credential services, or `None` if it is not one.
pub fn handle_credential_admin(app: &App, method: &str, action: &str, body: &[u8]) -> Option<AdminReply> {
    let reply = match (method, action) {
        ("GET", "credentials") => AdminReply::ok(report(app)),
        ("GET", "credential-requests") => AdminReply::ok(json!(app.credentials.request_counts())),
        ("GET", "credential-settings") => AdminReply::ok(json!(app.credentials.settings())),
        ("POST", "credential-settings") => replace_settings(app, body),
        ("POST", "sso-tokens") => issue_token(app, TokenKind::Sso, "accessToken", body),
        ("POST", "web-identity-tokens") => issue_token(app, TokenKind::WebIdentity, "token", body),
        _ => return None,
    };
    Some(reply)
}

fn report(app: &App) -> Value {
    let accounts: Vec<Value> = app
        .accounts
        .all()
        .iter()
        .map(|account| json!({ "accountId": account.account_id, "accessKeyId": account.access_key_id }))
        .collect();
    json!({
        "accounts": accounts,
        "issued": app.credentials.issued.report(),
        "settings": app.credentials.settings(),
        "requestCounts": app.credentials.request_counts(),
        "testTokens": {
            "sso": TEST_SSO_TOKEN,
            "webIdentity": TEST_WEB_IDENTITY_TOKEN,
            "expiredWebIdentity": EXPIRED_WEB_IDENTITY_TOKEN,
        },
    })
}

fn replace_settings(app: &App, body: &[u8]) -> AdminReply {
    let settings: CredentialSettings = match serde_json::from_slice(if body.is_empty() { b"{}" } else { body }) {
        Ok(settings) => settings,
        Err(error) => return AdminReply::error(400, format!("The credential settings are not valid: {error}")),
    };
    if let Err(message) = settings.validate(&app.accounts) {
        return AdminReply::error(400, message);
    }
    app.credentials.replace_settings(settings);
    AdminReply::ok(json!(app.credentials.settings()))
}

/// The optional body of a token request.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TokenRequest {
    expires_in_seconds: Option<u64>,
}

fn issue_token(app: &App, kind: TokenKind, member: &str, body: &[u8]) -> AdminReply {
    let request: TokenRequest = match serde_json::from_slice(if body.is_empty() { b"{}" } else { body }) {
        Ok(request) => request,
        Err(error) => return AdminReply::error(400, format!("The token request is not valid: {error}")),
    };
    let lifetime = Duration::from_secs(request.expires_in_seconds.unwrap_or(8 * 3600));
    let (token, expiry) = app.credentials.tokens.issue(kind, app.clock.now(), lifetime);
    let mut reply = serde_json::Map::new();
    reply.insert(member.to_owned(), Value::String(token));
    reply.insert("expiresAt".to_owned(), Value::String(format_iso8601(expiry)));
    AdminReply::ok(Value::Object(reply))
}
