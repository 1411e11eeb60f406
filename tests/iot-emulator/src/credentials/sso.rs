//! The IAM Identity Center (SSO) portal's `GetRoleCredentials`:
//! `GET /federation/credentials?role_name=R&account_id=A` with `x-amz-sso_bearer_token`, answered
//! in restJson1 as `{"roleCredentials": {…, "expiration": EPOCH_MILLISECONDS}}`. The token must
//! be one the emulator issued (`POST /_emulator/sso-tokens`) or [`TEST_SSO_TOKEN`].
//!
//! [`TEST_SSO_TOKEN`]: super::tokens::TEST_SSO_TOKEN

use super::issued::{Grant, Source};
use super::settings::is_role_name_byte;
use super::tokens::{TokenCheck, TokenKind};
use crate::app::App;
use crate::clock::millis_since_epoch;
use crate::error::ApiError;
use crate::ids::lower_hex;
use crate::wire::request::RequestInput;
use crate::wire::response::{self, Body};
use http::request::Parts;
use http::{Method, Response, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The path of `GetRoleCredentials`.
pub const PATH: &str = "/federation/credentials";
/// The header carrying the SSO access token.
pub const TOKEN_HEADER: &str = "x-amz-sso_bearer_token";
/// The session name of the assumed-role ARN SSO credentials sign as.
pub const SESSION_NAME: &str = "emulator-sso-user";

/// Answers one portal request.
pub fn handle(app: &App, parts: &Parts, request_id: &str) -> Response<Body> {
    app.credentials.count("sso:GetRoleCredentials");
    let now = app.clock.now();
    match role_credentials(app, parts) {
        Ok(value) => response::json(StatusCode::OK, &value, request_id, now),
        Err(error) => response::error(&error, request_id, now),
    }
}

fn role_credentials(app: &App, parts: &Parts) -> Result<Value, ApiError> {
    if parts.method != Method::GET {
        return Err(ApiError::unknown_operation());
    }
    let now = app.clock.now();
    let token = parts.headers.get(TOKEN_HEADER).and_then(|value| value.to_str().ok()).unwrap_or_default();
    if app.credentials.tokens.check(TokenKind::Sso, token, now) != TokenCheck::Valid {
        return Err(ApiError::unauthorized("Session token not found or invalid"));
    }
    let input = RequestInput::parse(parts.uri.query(), b"")?;
    let role_name = input.query("role_name").ok_or_else(|| ApiError::invalid_request("role_name is required"))?;
    let account_id = input.query("account_id").ok_or_else(|| ApiError::invalid_request("account_id is required"))?;
    if role_name.is_empty() || role_name.len() > 32 || !role_name.bytes().all(is_role_name_byte) {
        return Err(ApiError::invalid_request(format!("role_name {role_name:?} is not a permission set name")));
    }
    if app.accounts.by_id(account_id).is_none() {
        return Err(ApiError::new(403, "ForbiddenException", "No access"));
    }
    let grant = Grant {
        account_id: account_id.to_owned(),
        role_name: reserved_role_name(role_name),
        session_name: SESSION_NAME.to_owned(),
        source: Source::Sso,
    };
    let issued = app.credentials.issue_for_lifetime(grant, now);
    Ok(json!({
        "roleCredentials": {
            "accessKeyId": issued.access_key_id,
            "secretAccessKey": issued.secret_access_key,
            "sessionToken": issued.session_token,
            "expiration": millis_since_epoch(issued.expiration),
        }
    }))
}

/// The IAM role Identity Center creates for a permission set: `AWSReservedSSO_NAME_HEX16`.
pub fn reserved_role_name(permission_set: &str) -> String {
    let digest = Sha256::digest(permission_set.as_bytes());
    format!("AWSReservedSSO_{permission_set}_{}", lower_hex(&digest[..8]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_role_names_are_stable() {
        let name = reserved_role_name("Admin");
        assert!(name.starts_with("AWSReservedSSO_Admin_") && name.len() == "AWSReservedSSO_Admin_".len() + 16);
        assert_eq!(name, reserved_role_name("Admin"));
    }
}
