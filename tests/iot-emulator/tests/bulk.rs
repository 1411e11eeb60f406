//! Certificates in bulk through the admin endpoint: INACTIVE, no policies, transferable.

mod support;

use serde_json::json;
use support::{admin, admin_reply, source, Client};

#[tokio::test]
async fn creates_many_transferable_certificates_at_once() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let reply = admin(addr, "POST", "certificates", Some(json!({ "accountId": "111122223333", "count": 40 }))).await;
    let ids: Vec<String> =
        reply["certificateIds"].as_array().unwrap().iter().map(|id| id.as_str().unwrap().to_owned()).collect();
    assert_eq!((ids.len(), reply["accountId"].as_str()), (40, Some("111122223333")));

    let source = Client::new(&emulator, source());
    let description = source.description(&ids[0]).await;
    assert_eq!(description["status"], "INACTIVE");
    assert!(description["certificateArn"].as_str().unwrap().starts_with("arn:aws:iot:us-east-1:111122223333:cert/"));
    source.transfer(&ids[1], "444455556666", None).await.assert_ok();

    let state = admin(addr, "GET", "state", None).await;
    assert_eq!(state["certificates"].as_array().unwrap().len(), 40);

    let real = admin(addr, "POST", "certificates", Some(json!({ "accountId": "111122223333", "count": 2 }))).await;
    let real_id = real["certificateIds"][0].as_str().unwrap();
    assert!(source.description(real_id).await["certificatePem"]
        .as_str()
        .unwrap()
        .starts_with("-----BEGIN CERTIFICATE-----"));
}

#[tokio::test]
async fn refuses_bad_requests() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    for body in [
        json!({ "accountId": "999999999999", "count": 1 }),
        json!({ "accountId": "111122223333", "count": 0 }),
        json!({ "accountId": "111122223333" }),
        json!({ "accountId": "111122223333", "count": 1, "colour": "blue" }),
    ] {
        assert_eq!(admin_reply(addr, "POST", "certificates", Some(body.clone())).await.status, 400, "{body}");
    }
}
