//! The EC2 instance metadata service, IMDSv2 only (as with `HttpTokens=required`), under
//! `/latest/` (so `AWS_EC2_METADATA_SERVICE_ENDPOINT` is the emulator's URL):
//!
//! - `PUT /latest/api/token` with `x-aws-ec2-metadata-token-ttl-seconds: 1..=21600` → a token;
//! - with `x-aws-ec2-metadata-token` (else 401): `meta-data/iam/security-credentials/` → the role
//!   name; `…/security-credentials/ROLE` → fresh credentials as JSON; `meta-data/iam/info`;
//!   `meta-data/placement/region` and `…/availability-zone`; `dynamic/instance-identity/document`;
//!   anything else (`security-credentials-extended/` included) → 404, so newer SDKs fall back.

use super::issued::{Grant, Source};
use super::tokens::{TokenCheck, TokenKind};
use crate::app::App;
use crate::clock::format_iso8601;
use crate::wire::response::{with_common_headers, Body};
use bytes::Bytes;
use http::header::{HeaderValue, CONTENT_TYPE};
use http::request::Parts;
use http::{Method, Response, StatusCode};
use serde_json::json;
use std::time::Duration;

/// The path prefix of every IMDS request.
pub const PATH_PREFIX: &str = "/latest/";
/// The token request's TTL header.
pub const TTL_HEADER: &str = "x-aws-ec2-metadata-token-ttl-seconds";
/// The header carrying the session token.
pub const TOKEN_HEADER: &str = "x-aws-ec2-metadata-token";
/// The emulated instance's ID (the session name of its role credentials).
pub const INSTANCE_ID: &str = "i-0e1a2b3c4d5e6f708";

const CREDENTIALS_PATH: &str = "/latest/meta-data/iam/security-credentials/";

/// Answers one metadata request.
pub fn handle(app: &App, parts: &Parts, request_id: &str) -> Response<Body> {
    let path = parts.uri.path();
    app.credentials.count(endpoint_name(path));
    let (status, content_type, body) = answer(app, parts, path);
    let mut response = Response::new(Body::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if status == StatusCode::OK && path == "/latest/api/token" {
        if let Some(ttl) = parts.headers.get(TTL_HEADER) {
            response.headers_mut().insert(TTL_HEADER, ttl.clone());
        }
    }
    with_common_headers(response, request_id, app.clock.now())
}

/// The counter name of a metadata path, e.g. `imds:credentials`.
pub fn endpoint_name(path: &str) -> &'static str {
    match path {
        "/latest/api/token" => "imds:token",
        CREDENTIALS_PATH | "/latest/meta-data/iam/security-credentials" => "imds:roleName",
        _ if path.starts_with(CREDENTIALS_PATH) => "imds:credentials",
        "/latest/meta-data/placement/region" | "/latest/meta-data/placement/availability-zone" => "imds:region",
        "/latest/meta-data/placement/availability-zone/" => "imds:region",
        _ => "imds:other",
    }
}

type Answer = (StatusCode, &'static str, String);

fn text(status: StatusCode, body: impl Into<String>) -> Answer {
    (status, "text/plain", body.into())
}

fn answer(app: &App, parts: &Parts, path: &str) -> Answer {
    let now = app.clock.now();
    if path == "/latest/api/token" {
        if parts.method != Method::PUT {
            return text(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
        }
        let ttl = parts.headers.get(TTL_HEADER).and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
        let Some(ttl) = ttl.filter(|ttl| (1..=21_600).contains(ttl)) else {
            return text(StatusCode::BAD_REQUEST, "Bad Request");
        };
        let (token, _) = app.credentials.tokens.issue(TokenKind::Imds, now, Duration::from_secs(ttl));
        return text(StatusCode::OK, token);
    }
    if parts.method != Method::GET && parts.method != Method::HEAD {
        return text(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
    }
    let token = parts.headers.get(TOKEN_HEADER).and_then(|value| value.to_str().ok()).unwrap_or_default();
    if app.credentials.tokens.check(TokenKind::Imds, token, now) != TokenCheck::Valid {
        return text(StatusCode::UNAUTHORIZED, "Unauthorized");
    }
    let settings = app.credentials.settings();
    let account_id = settings.instance_account(&app.accounts).to_owned();
    let role = settings.instance_role_name.as_str();
    match path {
        CREDENTIALS_PATH | "/latest/meta-data/iam/security-credentials" => text(StatusCode::OK, role),
        _ if path.strip_prefix(CREDENTIALS_PATH) == Some(role) => {
            let grant = Grant {
                account_id,
                role_name: role.to_owned(),
                session_name: INSTANCE_ID.to_owned(),
                source: Source::Imds,
            };
            let issued = app.credentials.issue_for_lifetime(grant, now);
            let body = json!({
                "Code": "Success",
                "LastUpdated": format_iso8601(now),
                "Type": "AWS-HMAC",
                "AccessKeyId": issued.access_key_id,
                "SecretAccessKey": issued.secret_access_key,
                "Token": issued.session_token,
                "Expiration": format_iso8601(issued.expiration),
            });
            (StatusCode::OK, "text/plain", serde_json::to_string_pretty(&body).unwrap_or_default())
        }
        "/latest/meta-data/iam/info" => {
            let body = json!({
                "Code": "Success",
                "LastUpdated": format_iso8601(now),
                "InstanceProfileArn": format!("arn:aws:iam::{account_id}:instance-profile/{role}"),
                "InstanceProfileId": "AIPAEMULATORINSTANCE1",
            });
            (StatusCode::OK, "text/plain", serde_json::to_string_pretty(&body).unwrap_or_default())
        }
        "/latest/meta-data/placement/region" => text(StatusCode::OK, settings.region.as_str()),
        "/latest/meta-data/placement/availability-zone" | "/latest/meta-data/placement/availability-zone/" => {
            text(StatusCode::OK, format!("{}a", settings.region))
        }
        "/latest/dynamic/instance-identity/document" => {
            let body = json!({
                "accountId": account_id,
                "architecture": "x86_64",
                "availabilityZone": format!("{}a", settings.region),
                "imageId": "ami-0emulator0000000",
                "instanceId": INSTANCE_ID,
                "instanceType": "t3.micro",
                "pendingTime": "2024-01-01T00:00:00Z",
                "privateIp": "127.0.0.1",
                "region": settings.region,
                "version": "2017-09-30",
            });
            (StatusCode::OK, "application/json", serde_json::to_string_pretty(&body).unwrap_or_default())
        }
        _ => text(StatusCode::NOT_FOUND, "Not Found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_counted_by_what_they_ask() {
        assert_eq!(endpoint_name("/latest/api/token"), "imds:token");
        assert_eq!(endpoint_name("/latest/meta-data/iam/security-credentials/"), "imds:roleName");
        assert_eq!(endpoint_name("/latest/meta-data/iam/security-credentials/role"), "imds:credentials");
        assert_eq!(endpoint_name("/latest/meta-data/iam/security-credentials-extended/"), "imds:other");
        assert_eq!(endpoint_name("/latest/meta-data/placement/availability-zone/"), "imds:region");
    }
}
