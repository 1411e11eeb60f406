//! The SSO portal's GetRoleCredentials: bearer tokens, restJson1 errors, and credentials that sign
//! IoT calls as the requested account.

use crate::support;

use serde_json::json;
use std::time::SystemTime;
use support::credentials::iot_account;
use support::{admin, send, unsigned, Keys, Reply};

async fn role_credentials(addr: std::net::SocketAddr, query: &str, token: Option<&str>) -> Reply {
    let mut request = unsigned(addr, "GET", &format!("/federation/credentials?{query}"), b"");
    if let Some(token) = token {
        request.headers_mut().insert("x-amz-sso_bearer_token", token.parse().unwrap());
    }
    send(addr, request).await.expect("the portal answers")
}

fn keys_of(reply: &Reply) -> Keys {
    reply.assert_ok();
    let credentials = &reply.json()["roleCredentials"];
    Keys {
        access_key_id: credentials["accessKeyId"].as_str().unwrap().to_owned(),
        secret: credentials["secretAccessKey"].as_str().unwrap().to_owned(),
        token: Some(credentials["sessionToken"].as_str().unwrap().to_owned()),
    }
}

#[tokio::test]
async fn the_test_token_gets_credentials_for_the_requested_account() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let reply =
        role_credentials(addr, "role_name=Admin&account_id=444455556666", Some("emulator-sso-access-token")).await;
    let expiration = reply.json()["roleCredentials"]["expiration"].as_i64().unwrap();
    let now = iot_emulator::clock::millis_since_epoch(SystemTime::now());
    assert!((3_590_000..=3_600_000).contains(&(expiration - now)), "epoch milliseconds an hour ahead: {expiration}");
    assert_eq!(iot_account(addr, &keys_of(&reply), 0).await.unwrap(), "444455556666");
    let records = admin(addr, "GET", "credentials", None).await;
    assert_eq!(records["issued"][0]["source"], "sso");
    assert!(records["issued"][0]["roleArn"].as_str().unwrap().contains(":role/AWSReservedSSO_Admin_"));
}

#[tokio::test]
async fn issued_tokens_work_and_the_lifetime_setting_applies() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    admin(addr, "POST", "credential-settings", Some(json!({ "lifetimeSeconds": 120 }))).await;
    let token = admin(addr, "POST", "sso-tokens", None).await["accessToken"].as_str().unwrap().to_owned();
    let reply = role_credentials(addr, "role_name=ReadOnly&account_id=111122223333", Some(&token)).await;
    let expiration = reply.json()["roleCredentials"]["expiration"].as_i64().unwrap();
    let now = iot_emulator::clock::millis_since_epoch(SystemTime::now());
    assert!((110_000..=120_000).contains(&(expiration - now)), "{expiration}");
    assert_eq!(iot_account(addr, &keys_of(&reply), 0).await.unwrap(), "111122223333");
    assert_eq!(admin(addr, "GET", "credential-requests", None).await, json!({ "sso:GetRoleCredentials": 1 }));
}

#[tokio::test]
async fn refusals_are_restjson_errors() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let query = "role_name=Admin&account_id=444455556666";
    role_credentials(addr, query, Some("forged")).await.assert_error(401, "UnauthorizedException");
    role_credentials(addr, query, None).await.assert_error(401, "UnauthorizedException");
    let expired = admin(addr, "POST", "sso-tokens", Some(json!({ "expiresInSeconds": 0 }))).await;
    role_credentials(addr, query, expired["accessToken"].as_str()).await.assert_error(401, "UnauthorizedException");
    let token = Some("emulator-sso-access-token");
    let unknown = role_credentials(addr, "role_name=Admin&account_id=999999999999", token).await;
    unknown.assert_error(403, "ForbiddenException");
    role_credentials(addr, "account_id=444455556666", token).await.assert_error(400, "InvalidRequestException");
    role_credentials(addr, "role_name=Admin", token).await.assert_error(400, "InvalidRequestException");
    role_credentials(addr, "role_name=a%2Fb&account_id=444455556666", token)
        .await
        .assert_error(400, "InvalidRequestException");
}
