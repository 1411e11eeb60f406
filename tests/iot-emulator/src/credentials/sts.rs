//! STS at `POST /` (awsQuery, version 2011-06-15): `AssumeRole` (signed for service `sts` by a
//! key the emulator knows), `AssumeRoleWithWebIdentity` (unsigned; the token must be one the
//! emulator issued or the fixed test token) and `GetCallerIdentity` (signed). The role's
//! account must be a configured one; the credentials issued then sign as that account.

use super::issued::{Grant, Issued, Source};
use super::role::{duration, session_name, RoleArn};
use super::sts_wire::{self, element, parameter, parameters, required, StsError};
use super::tokens::{TokenCheck, TokenKind};
use crate::app::App;
use crate::auth::sigv4::verify_request;
use crate::auth::Caller;
use crate::clock::format_iso8601;
use crate::wire::response::Body;
use http::request::Parts;
use http::Response;
use std::time::{Duration, SystemTime};

/// The signing name of STS.
pub const SERVICE_NAME: &str = "sts";
/// The subject STS reports for every accepted web identity token.
pub const WEB_IDENTITY_SUBJECT: &str = "emulator-web-identity-subject";
/// The audience STS reports for every accepted web identity token.
pub const WEB_IDENTITY_AUDIENCE: &str = "sts.amazonaws.com";
/// The identity provider STS reports for every accepted web identity token.
pub const WEB_IDENTITY_PROVIDER: &str = "emulator.iot-transfer.invalid";

/// Answers one STS request.
pub fn handle(app: &App, parts: &Parts, body: &[u8], request_id: &str) -> Response<Body> {
    let now = app.clock.now();
    let outcome = parameters(parts.uri.query(), body).and_then(|pairs| {
        let action = parameter(&pairs, "Action").unwrap_or_default();
        match action {
            "AssumeRole" => {
                app.credentials.count("sts:AssumeRole");
                assume_role(app, parts, body, &pairs, now).map(|result| ("AssumeRole", result))
            }
            "AssumeRoleWithWebIdentity" => {
                app.credentials.count("sts:AssumeRoleWithWebIdentity");
                assume_role_with_web_identity(app, &pairs, now).map(|result| ("AssumeRoleWithWebIdentity", result))
            }
            "GetCallerIdentity" => {
                app.credentials.count("sts:GetCallerIdentity");
                get_caller_identity(app, parts, body, now).map(|result| ("GetCallerIdentity", result))
            }
            "" => {
                app.credentials.count("sts:other");
                Err(StsError::sender(400, "MissingAction", "Missing Action"))
            }
            other => {
                app.credentials.count("sts:other");
                Err(StsError::sender(
                    400,
                    "InvalidAction",
                    format!("Could not find operation {other} for version 2011-06-15"),
                ))
            }
        }
    });
    match outcome {
        Ok((action, result)) => sts_wire::success(action, &result, request_id, now),
        Err(error) => sts_wire::error(&error, request_id, now),
    }
}

fn assume_role(
    app: &App,
    parts: &Parts,
    body: &[u8],
    pairs: &[(String, String)],
    now: SystemTime,
) -> Result<String, StsError> {
    let caller = verified_caller(app, parts, body, now)?;
    let role_arn = required(pairs, "RoleArn", "roleArn")?;
    let role = RoleArn::parse(role_arn)?;
    let session = session_name(required(pairs, "RoleSessionName", "roleSessionName")?)?;
    let lifetime = duration(pairs)?;
    let chained = app.credentials.issued.find(&caller.access_key_id).is_some();
    if chained && lifetime > Duration::from_secs(3600) {
        return Err(StsError::validation(
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        ));
    }
    if app.accounts.by_id(&role.account_id).is_none() {
        return Err(StsError::access_denied(format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
            caller_arn(app, &caller)
        )));
    }
    let grant = Grant {
        account_id: role.account_id,
        role_name: role.role_name,
        session_name: session,
        source: Source::AssumeRole,
    };
    Ok(role_result(&app.credentials.issued.issue(grant, now, lifetime), ""))
}

fn assume_role_with_web_identity(app: &App, pairs: &[(String, String)], now: SystemTime) -> Result<String, StsError> {
    let token = required(pairs, "WebIdentityToken", "webIdentityToken")?.trim();
    let role = RoleArn::parse(required(pairs, "RoleArn", "roleArn")?)?;
    let session = session_name(required(pairs, "RoleSessionName", "roleSessionName")?)?;
    let lifetime = duration(pairs)?;
    match app.credentials.tokens.check(TokenKind::WebIdentity, token, now) {
        TokenCheck::Valid => {}
        TokenCheck::Expired => {
            return Err(StsError::sender(
                400,
                "ExpiredTokenException",
                format!(
                    "Token expired: current date/time {} must be before the expiration date/time",
                    format_iso8601(now)
                ),
            ))
        }
        TokenCheck::Unknown => {
            return Err(StsError::sender(
                400,
                "InvalidIdentityToken",
                "The web identity token that was passed could not be validated by AWS. Get a new identity token \
                 from the identity provider and then retry the request.",
            ))
        }
    }
    if app.accounts.by_id(&role.account_id).is_none() {
        return Err(StsError::access_denied("Not authorized to perform sts:AssumeRoleWithWebIdentity"));
    }
    let grant = Grant {
        account_id: role.account_id,
        role_name: role.role_name,
        session_name: session,
        source: Source::AssumeRoleWithWebIdentity,
    };
    let extra = format!(
        "    {}\n    {}\n    {}\n",
        element("SubjectFromWebIdentityToken", WEB_IDENTITY_SUBJECT),
        element("Audience", WEB_IDENTITY_AUDIENCE),
        element("Provider", WEB_IDENTITY_PROVIDER)
    );
    Ok(role_result(&app.credentials.issued.issue(grant, now, lifetime), &extra))
}

fn get_caller_identity(app: &App, parts: &Parts, body: &[u8], now: SystemTime) -> Result<String, StsError> {
    let caller = verified_caller(app, parts, body, now)?;
    let user_id = match app.credentials.issued.find(&caller.access_key_id) {
        Some(issued) => issued.grant.assumed_role_id(),
        None => caller.account_id().to_owned(),
    };
    Ok(format!(
        "    {}\n    {}\n    {}\n",
        element("Arn", &caller_arn(app, &caller)),
        element("UserId", &user_id),
        element("Account", caller.account_id())
    ))
}

/// Verifies the signature for service `sts` and counts the use of issued credentials.
fn verified_caller(app: &App, parts: &Parts, body: &[u8], now: SystemTime) -> Result<Caller, StsError> {
    let caller = verify_request(parts, body, app, SERVICE_NAME, now).map_err(StsError::from_signature_error)?;
    app.credentials.issued.note_use(&caller.access_key_id);
    Ok(caller)
}

/// The caller's ARN: the assumed role of issued credentials, else the account's root.
fn caller_arn(app: &App, caller: &Caller) -> String {
    match app.credentials.issued.find(&caller.access_key_id) {
        Some(issued) => issued.grant.assumed_role_arn(),
        None => format!("arn:aws:iam::{}:root", caller.account_id()),
    }
}

/// The `…Result` members shared by the role actions: credentials, the assumed role, and `extra`.
fn role_result(issued: &Issued, extra: &str) -> String {
    format!(
        "    <Credentials>\n      {}\n      {}\n      {}\n      {}\n    </Credentials>\n    \
         <AssumedRoleUser>\n      {}\n      {}\n    </AssumedRoleUser>\n{extra}",
        element("AccessKeyId", &issued.access_key_id),
        element("SecretAccessKey", &issued.secret_access_key),
        element("SessionToken", &issued.session_token),
        element("Expiration", &format_iso8601(issued.expiration)),
        element("AssumedRoleId", &issued.grant.assumed_role_id()),
        element("Arn", &issued.grant.assumed_role_arn()),
    )
}
