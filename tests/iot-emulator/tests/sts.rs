//! STS at `POST /`: AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity in the awsQuery
//! wire format, and the temporary credentials they issue signing IoT calls.

use crate::support;

use serde_json::json;
use std::time::{Duration, SystemTime};
use support::credentials::{iot_account, long_term, sts, sts_credentials, xml_text};
use support::{admin, source, target, Keys};

fn assume_role_form(account: &str, extra: &str) -> String {
    format!(
        "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A{account}%3Arole%2Fdeployer\
         &RoleSessionName=ci-run{extra}"
    )
}

fn web_identity_form(token: &str) -> String {
    format!(
        "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2Fweb\
         &RoleSessionName=pod&WebIdentityToken={token}"
    )
}

/// Asserts an STS XML error: status, `<Type>Sender</Type>` and the code.
fn assert_sts_error(reply: &support::Reply, status: u16, code: &str) {
    let body = String::from_utf8_lossy(&reply.body);
    assert_eq!((reply.status, xml_text(&reply.body, "Code").as_deref()), (status, Some(code)), "{body}");
    assert!(body.starts_with("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"), "{body}");
    assert_eq!(xml_text(&reply.body, "Type").as_deref(), Some("Sender"));
    assert!(xml_text(&reply.body, "Message").is_some_and(|message| !message.is_empty()));
    assert_eq!(xml_text(&reply.body, "RequestId").as_deref(), reply.headers["x-amzn-requestid"].to_str().ok());
}

#[tokio::test]
async fn assume_role_issues_credentials_that_sign_iot_calls_as_the_role_account() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let reply = sts(addr, &assume_role_form("444455556666", "&DurationSeconds=900"), Some(&long_term(&source()))).await;
    let body = String::from_utf8_lossy(&reply.body).into_owned();
    assert!(body.starts_with("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"), "{body}");
    assert!(body.contains("<AssumeRoleResult>") && body.contains("<ResponseMetadata>"), "{body}");
    assert_eq!(reply.headers["content-type"], "text/xml");
    let keys = sts_credentials(&reply);
    assert!(keys.access_key_id.starts_with("ASIA") && keys.access_key_id.len() == 20);
    let arn = xml_text(&reply.body, "Arn").unwrap();
    assert_eq!(arn, "arn:aws:sts::444455556666:assumed-role/deployer/ci-run");
    assert!(xml_text(&reply.body, "AssumedRoleId").unwrap().ends_with(":ci-run"));
    let expiration = xml_text(&reply.body, "Expiration").unwrap();
    let expected = iot_emulator::clock::format_iso8601(SystemTime::now() + Duration::from_secs(900));
    assert_eq!(expiration[..16], expected[..16], "{expiration}");

    assert_eq!(iot_account(addr, &keys, 0).await.unwrap(), "444455556666");
    let identity = sts(addr, "Action=GetCallerIdentity&Version=2011-06-15", Some(&keys)).await;
    identity.assert_ok();
    assert_eq!(xml_text(&identity.body, "Account").as_deref(), Some("444455556666"));
    assert_eq!(xml_text(&identity.body, "Arn"), Some(arn));
    let root = sts(addr, "Action=GetCallerIdentity&Version=2011-06-15", Some(&long_term(&source()))).await;
    assert_eq!(xml_text(&root.body, "Arn").as_deref(), Some("arn:aws:iam::111122223333:root"));

    let records = admin(addr, "GET", "credentials", None).await;
    let issued = &records["issued"][0];
    assert_eq!((issued["accessKeyId"].as_str(), issued["uses"].as_u64()), (Some(keys.access_key_id.as_str()), Some(2)));
    assert_eq!(issued["source"], "assumeRole");
    let counts = admin(addr, "GET", "credential-requests", None).await;
    assert_eq!(counts, json!({ "sts:AssumeRole": 1, "sts:GetCallerIdentity": 2 }));
}

#[tokio::test]
async fn temporary_credentials_need_their_session_token_and_expire() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let keys = sts_credentials(&sts(addr, &assume_role_form("111122223333", ""), Some(&long_term(&target()))).await);
    let without_token = Keys { token: None, ..keys.clone() };
    iot_account(addr, &without_token, 0).await.unwrap_err().assert_error(403, "UnrecognizedClientException");
    let wrong_token = Keys { token: Some("another-token".into()), ..keys.clone() };
    iot_account(addr, &wrong_token, 0).await.unwrap_err().assert_error(403, "UnrecognizedClientException");
    let wrong_secret = Keys { secret: "guessed".into(), ..keys.clone() };
    iot_account(addr, &wrong_secret, 0).await.unwrap_err().assert_error(403, "InvalidSignatureException");
    assert_eq!(iot_account(addr, &keys, 0).await.unwrap(), "111122223333");

    // The service clock moves past the expiry (one hour); the client's clock moves with it.
    admin(addr, "POST", "faults", Some(json!({ "clockSkewSeconds": 3601 }))).await;
    iot_account(addr, &keys, 3601).await.unwrap_err().assert_error(403, "ExpiredTokenException");
    let refused = sts(addr, "Action=GetCallerIdentity&Version=2011-06-15", Some(&keys)).await;
    // STS signs with the real clock here, so the expiry is checked before the time window.
    assert_sts_error(&refused, 403, "ExpiredToken");
}

#[tokio::test]
async fn assume_role_refusals_are_sts_errors() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let source_keys = long_term(&source());
    let refused = sts(addr, &assume_role_form("999999999999", ""), Some(&source_keys)).await;
    assert_sts_error(&refused, 403, "AccessDenied");
    assert!(xml_text(&refused.body, "Message").unwrap().contains("arn:aws:iam::111122223333:root"));
    assert_sts_error(&sts(addr, &assume_role_form("444455556666", ""), None).await, 403, "MissingAuthenticationToken");
    let impostor = Keys { secret: "guessed".into(), ..source_keys.clone() };
    let refused = sts(addr, &assume_role_form("444455556666", ""), Some(&impostor)).await;
    assert_sts_error(&refused, 403, "SignatureDoesNotMatch");
    let stranger = Keys { access_key_id: "AKIANOBODY".into(), secret: "s".into(), token: None };
    assert_sts_error(
        &sts(addr, &assume_role_form("444455556666", ""), Some(&stranger)).await,
        403,
        "InvalidClientTokenId",
    );
    for (form, code) in [
        (assume_role_form("444455556666", "&DurationSeconds=100"), "ValidationError"),
        (
            assume_role_form("444455556666", "&RoleSessionName=x").replace("RoleSessionName=ci-run&", ""),
            "ValidationError",
        ),
        ("Action=AssumeRole&Version=2011-06-15&RoleSessionName=s1".to_owned(), "ValidationError"),
        (
            "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Auser%2Fbob&RoleSessionName=s1".into(),
            "ValidationError",
        ),
        ("Action=DecodeAuthorizationMessage&Version=2011-06-15".to_owned(), "InvalidAction"),
        ("Version=2011-06-15".to_owned(), "MissingAction"),
    ] {
        assert_sts_error(&sts(addr, &form, Some(&source_keys)).await, 400, code);
    }
}

#[tokio::test]
async fn sts_checks_the_sts_scope_and_limits_role_chaining() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    // Signed for `iot` instead of `sts`.
    let form = assume_role_form("444455556666", "");
    let mut request = support::unsigned(addr, "POST", "/", form.as_bytes());
    support::sign_request(&mut request, form.as_bytes(), &source(), SystemTime::now(), "iot");
    assert_sts_error(&support::send(addr, request).await.unwrap(), 403, "SignatureDoesNotMatch");

    let first = sts_credentials(&sts(addr, &form, Some(&long_term(&source()))).await);
    let chained = sts(addr, &assume_role_form("111122223333", "&DurationSeconds=3600"), Some(&first)).await;
    assert_eq!(iot_account(addr, &sts_credentials(&chained), 0).await.unwrap(), "111122223333");
    let too_long = sts(addr, &assume_role_form("111122223333", "&DurationSeconds=7200"), Some(&first)).await;
    assert_sts_error(&too_long, 400, "ValidationError");
}

#[tokio::test]
async fn web_identity_accepts_the_test_token_and_issued_tokens() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let reply = sts(addr, &web_identity_form("emulator-web-identity-token"), None).await;
    let body = String::from_utf8_lossy(&reply.body).into_owned();
    assert!(body.starts_with("<AssumeRoleWithWebIdentityResponse xmlns="), "{body}");
    for member in ["SubjectFromWebIdentityToken", "Audience", "Provider", "AssumedRoleId"] {
        assert!(xml_text(&reply.body, member).is_some(), "{member} in {body}");
    }
    assert_eq!(iot_account(addr, &sts_credentials(&reply), 0).await.unwrap(), "444455556666");

    let issued = admin(addr, "POST", "web-identity-tokens", None).await;
    let token = issued["token"].as_str().unwrap();
    // A token file often ends with a newline; it is not part of the token.
    let reply = sts(addr, &web_identity_form(&format!("{token}%0A")), None).await;
    assert_eq!(iot_account(addr, &sts_credentials(&reply), 0).await.unwrap(), "444455556666");
    assert_eq!(admin(addr, "GET", "credential-requests", None).await["sts:AssumeRoleWithWebIdentity"], 2);
}

#[tokio::test]
async fn web_identity_refuses_unknown_and_expired_tokens() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    assert_sts_error(&sts(addr, &web_identity_form("forged"), None).await, 400, "InvalidIdentityToken");
    let expired = sts(addr, &web_identity_form("emulator-expired-web-identity-token"), None).await;
    assert_sts_error(&expired, 400, "ExpiredTokenException");
    let short = admin(addr, "POST", "web-identity-tokens", Some(json!({ "expiresInSeconds": 0 }))).await;
    let expired = sts(addr, &web_identity_form(short["token"].as_str().unwrap()), None).await;
    assert_sts_error(&expired, 400, "ExpiredTokenException");
    let sso_token = admin(addr, "POST", "sso-tokens", None).await;
    let wrong_kind = sts(addr, &web_identity_form(sso_token["accessToken"].as_str().unwrap()), None).await;
    assert_sts_error(&wrong_kind, 400, "InvalidIdentityToken");
    let unknown_account = web_identity_form("emulator-web-identity-token").replace("444455556666", "999999999999");
    assert_sts_error(&sts(addr, &unknown_account, None).await, 403, "AccessDenied");
}
