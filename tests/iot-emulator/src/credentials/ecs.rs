//! The container credentials endpoint (ECS task roles, EKS Pod Identity), reached through
//! `AWS_CONTAINER_CREDENTIALS_FULL_URI=<emulator>/v2/credentials/<ACCOUNT_ID>` and, optionally,
//! `AWS_CONTAINER_AUTHORIZATION_TOKEN`: answers `{"AccessKeyId", "SecretAccessKey", "Token",
//! "Expiration", "RoleArn", "AccountId"}` for that account.

use super::issued::{Grant, Source};
use crate::app::App;
use crate::clock::format_iso8601;
use crate::wire::response::{self, Body};
use http::request::Parts;
use http::{Method, Response, StatusCode};
use serde_json::{json, Value};

/// The path prefix; the account ID follows it.
pub const PATH_PREFIX: &str = "/v2/credentials/";
/// The role the container's credentials are for.
pub const ROLE_NAME: &str = "iot-emulator-task-role";
/// The session name of the assumed-role ARN they sign as.
pub const SESSION_NAME: &str = "emulator-task";

/// Answers one container credentials request.
pub fn handle(app: &App, parts: &Parts, request_id: &str) -> Response<Body> {
    app.credentials.count("container:credentials");
    let now = app.clock.now();
    let (status, body) = match credentials(app, parts) {
        Ok(value) => (StatusCode::OK, value),
        Err((status, code, message)) => (status, json!({ "code": code, "message": message })),
    };
    response::json(status, &body, request_id, now)
}

type Refusal = (StatusCode, &'static str, String);

fn credentials(app: &App, parts: &Parts) -> Result<Value, Refusal> {
    if parts.method != Method::GET {
        return Err((StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed", "Only GET is allowed".to_owned()));
    }
    let settings = app.credentials.settings();
    match parts.headers.get(http::header::AUTHORIZATION) {
        None if settings.container_authorization_required => {
            return Err((StatusCode::UNAUTHORIZED, "AccessDeniedException", "Authorization header is missing".into()))
        }
        Some(given) if given.as_bytes() != settings.container_authorization_token.as_bytes() => {
            return Err((StatusCode::FORBIDDEN, "AccessDeniedException", "Authorization token is not valid".into()))
        }
        _ => {}
    }
    let account_id = parts.uri.path().strip_prefix(PATH_PREFIX).unwrap_or_default();
    if app.accounts.by_id(account_id).is_none() {
        let message = format!("No credentials for {account_id:?}: the path must end with a configured account ID");
        return Err((StatusCode::NOT_FOUND, "NoSuchEntity", message));
    }
    let grant = Grant {
        account_id: account_id.to_owned(),
        role_name: ROLE_NAME.to_owned(),
        session_name: SESSION_NAME.to_owned(),
        source: Source::Container,
    };
    let role_arn = grant.role_arn();
    let issued = app.credentials.issue_for_lifetime(grant, app.clock.now());
    Ok(json!({
        "AccessKeyId": issued.access_key_id,
        "SecretAccessKey": issued.secret_access_key,
        "Token": issued.session_token,
        "Expiration": format_iso8601(issued.expiration),
        "RoleArn": role_arn,
        "AccountId": account_id,
    }))
}
