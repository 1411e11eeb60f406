//! IMDSv2 under `/latest/`: session tokens, the role and its credentials, region lookups, and the
//! 404s that make newer SDKs fall back.

use crate::support;

use serde_json::{json, Value};
use std::net::SocketAddr;
use support::credentials::iot_account;
use support::{admin, send, unsigned, Keys, Reply};

async fn put_token(addr: SocketAddr, ttl: Option<&str>) -> Reply {
    let mut request = unsigned(addr, "PUT", "/latest/api/token", b"");
    if let Some(ttl) = ttl {
        request.headers_mut().insert("x-aws-ec2-metadata-token-ttl-seconds", ttl.parse().unwrap());
    }
    send(addr, request).await.expect("IMDS answers")
}

async fn token(addr: SocketAddr) -> String {
    let reply = put_token(addr, Some("21600")).await;
    reply.assert_ok();
    assert_eq!(reply.headers["x-aws-ec2-metadata-token-ttl-seconds"], "21600");
    assert_eq!(reply.headers["content-type"], "text/plain");
    String::from_utf8(reply.body.to_vec()).unwrap()
}

async fn get(addr: SocketAddr, path: &str, token: Option<&str>) -> Reply {
    let mut request = unsigned(addr, "GET", path, b"");
    if let Some(token) = token {
        request.headers_mut().insert("x-aws-ec2-metadata-token", token.parse().unwrap());
    }
    send(addr, request).await.expect("IMDS answers")
}

fn text(reply: &Reply) -> String {
    reply.assert_ok();
    String::from_utf8(reply.body.to_vec()).unwrap()
}

#[tokio::test]
async fn the_instance_role_gives_credentials_that_sign_as_the_instance_account() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    admin(addr, "POST", "credential-settings", Some(json!({ "instanceAccountId": "444455556666" }))).await;
    let token = token(addr).await;
    let role = text(&get(addr, "/latest/meta-data/iam/security-credentials/", Some(&token)).await);
    assert_eq!(role, "iot-emulator-instance-role");
    let path = format!("/latest/meta-data/iam/security-credentials/{role}");
    let credentials: Value = serde_json::from_str(&text(&get(addr, &path, Some(&token)).await)).unwrap();
    assert_eq!((&credentials["Code"], &credentials["Type"]), (&json!("Success"), &json!("AWS-HMAC")));
    let expiration = credentials["Expiration"].as_str().unwrap();
    assert!(expiration.len() == 20 && expiration.ends_with('Z'), "{expiration}");
    assert!(credentials["LastUpdated"].as_str().unwrap().ends_with('Z'));
    let keys = Keys {
        access_key_id: credentials["AccessKeyId"].as_str().unwrap().to_owned(),
        secret: credentials["SecretAccessKey"].as_str().unwrap().to_owned(),
        token: Some(credentials["Token"].as_str().unwrap().to_owned()),
    };
    assert_eq!(iot_account(addr, &keys, 0).await.unwrap(), "444455556666");
    let counts = admin(addr, "GET", "credential-requests", None).await;
    assert_eq!(counts, json!({ "imds:token": 1, "imds:roleName": 1, "imds:credentials": 1 }));
}

#[tokio::test]
async fn every_read_needs_a_valid_token() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let role_path = "/latest/meta-data/iam/security-credentials/";
    assert_eq!(get(addr, role_path, None).await.status, 401);
    assert_eq!(get(addr, role_path, Some("forged")).await.status, 401);
    assert_eq!(put_token(addr, None).await.status, 400);
    assert_eq!(put_token(addr, Some("21601")).await.status, 400);
    assert_eq!(put_token(addr, Some("0")).await.status, 400);
    assert_eq!(get(addr, "/latest/api/token", None).await.status, 405);
    // A token lives for its TTL on the service clock.
    let short = text(&put_token(addr, Some("60")).await);
    assert_eq!(get(addr, role_path, Some(&short)).await.status, 200);
    admin(addr, "POST", "faults", Some(json!({ "clockSkewSeconds": 61 }))).await;
    assert_eq!(get(addr, role_path, Some(&short)).await.status, 401);
}

#[tokio::test]
async fn unknown_roles_and_extended_paths_are_not_found() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let token = token(addr).await;
    for path in [
        "/latest/meta-data/iam/security-credentials/another-role",
        "/latest/meta-data/iam/security-credentials-extended/",
        "/latest/meta-data/iam/security-credentials-extended/iot-emulator-instance-role",
        "/latest/meta-data/ami-id",
    ] {
        assert_eq!(get(addr, path, Some(&token)).await.status, 404, "{path}");
    }
}

#[tokio::test]
async fn region_lookups_follow_the_settings() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let token = token(addr).await;
    assert_eq!(text(&get(addr, "/latest/meta-data/placement/region", Some(&token)).await), "us-east-1");
    admin(addr, "POST", "credential-settings", Some(json!({ "region": "eu-central-1" }))).await;
    assert_eq!(text(&get(addr, "/latest/meta-data/placement/region", Some(&token)).await), "eu-central-1");
    let zone = get(addr, "/latest/meta-data/placement/availability-zone/", Some(&token)).await;
    assert_eq!(text(&zone), "eu-central-1a");
    let document = get(addr, "/latest/dynamic/instance-identity/document", Some(&token)).await;
    let document: Value = serde_json::from_str(&text(&document)).unwrap();
    assert_eq!((&document["region"], &document["accountId"]), (&json!("eu-central-1"), &json!("111122223333")));
    let info: Value =
        serde_json::from_str(&text(&get(addr, "/latest/meta-data/iam/info", Some(&token)).await)).unwrap();
    assert!(info["InstanceProfileArn"].as_str().unwrap().ends_with(":instance-profile/iot-emulator-instance-role"));
}
