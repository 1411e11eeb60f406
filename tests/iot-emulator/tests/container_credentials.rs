//! The container credentials endpoint (`AWS_CONTAINER_CREDENTIALS_FULL_URI`): its authorization
//! token, its JSON, and credentials that sign IoT calls as the account in the path.

use crate::support;

use serde_json::json;
use std::net::SocketAddr;
use support::credentials::iot_account;
use support::{admin, send, unsigned, Keys, Reply};

async fn get(addr: SocketAddr, path: &str, authorization: Option<&str>) -> Reply {
    let mut request = unsigned(addr, "GET", path, b"");
    if let Some(value) = authorization {
        request.headers_mut().insert("authorization", value.parse().unwrap());
    }
    send(addr, request).await.expect("the endpoint answers")
}

#[tokio::test]
async fn the_token_gets_credentials_for_the_account_in_the_path() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let reply = get(addr, "/v2/credentials/444455556666", Some("emulator-container-token")).await;
    reply.assert_ok();
    let body = reply.json();
    assert_eq!(body["RoleArn"], "arn:aws:iam::444455556666:role/iot-emulator-task-role");
    assert_eq!(body["AccountId"], "444455556666");
    assert!(body["Expiration"].as_str().unwrap().ends_with('Z'));
    let keys = Keys {
        access_key_id: body["AccessKeyId"].as_str().unwrap().to_owned(),
        secret: body["SecretAccessKey"].as_str().unwrap().to_owned(),
        token: Some(body["Token"].as_str().unwrap().to_owned()),
    };
    assert_eq!(iot_account(addr, &keys, 0).await.unwrap(), "444455556666");
    // Without a token too, as ECS's relative-URI endpoint answers.
    get(addr, "/v2/credentials/111122223333", None).await.assert_ok();
    assert_eq!(admin(addr, "GET", "credential-requests", None).await, json!({ "container:credentials": 2 }));
}

#[tokio::test]
async fn a_wrong_or_missing_token_is_refused() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    assert_eq!(get(addr, "/v2/credentials/444455556666", Some("guessed")).await.status, 403);
    let settings = json!({ "containerAuthorizationToken": "pod-token", "containerAuthorizationRequired": true });
    admin(addr, "POST", "credential-settings", Some(settings)).await;
    assert_eq!(get(addr, "/v2/credentials/444455556666", None).await.status, 401);
    assert_eq!(get(addr, "/v2/credentials/444455556666", Some("emulator-container-token")).await.status, 403);
    get(addr, "/v2/credentials/444455556666", Some("pod-token")).await.assert_ok();
    assert_eq!(get(addr, "/v2/credentials/999999999999", Some("pod-token")).await.status, 404);
    assert_eq!(get(addr, "/v2/credentials/", Some("pod-token")).await.status, 404);
    // A reset restores the configured settings.
    admin(addr, "POST", "reset", None).await;
    get(addr, "/v2/credentials/444455556666", None).await.assert_ok();
}

#[tokio::test]
async fn credential_settings_are_checked_and_shown() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    for bad in [json!({ "lifetimeSeconds": 0 }), json!({ "instanceAccountId": "999999999999" }), json!({ "x": 1 })] {
        let reply = support::admin_reply(addr, "POST", "credential-settings", Some(bad.clone())).await;
        assert_eq!(reply.status, 400, "{bad}");
    }
    let shown = admin(addr, "GET", "credentials", None).await;
    assert_eq!(shown["accounts"][0], json!({ "accountId": "111122223333", "accessKeyId": "AKIATESTSOURCE" }));
    assert_eq!(shown["testTokens"]["sso"], "emulator-sso-access-token");
    assert_eq!(shown["settings"]["lifetimeSeconds"], 3600);
    assert!(!shown.to_string().contains("source-secret"));
}
