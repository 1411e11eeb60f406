//! Certificates in bulk through the admin endpoint: INACTIVE with no policies (transferable), or
//! ACTIVE and with policies attached (a batch must deactivate and detach them first).

use crate::support;

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
    for (body, member) in [
        (json!({ "accountId": "111122223333", "count": 1, "status": "REVOKED" }), "status"),
        (json!({ "accountId": "111122223333", "count": 1, "policyNames": "fleet" }), "policyNames"),
        (json!({ "accountId": "111122223333", "count": 1, "policyNames": ["fleet", "bad name"] }), "policyNames[1]"),
    ] {
        let reply = admin_reply(addr, "POST", "certificates", Some(body.clone())).await;
        assert_eq!(reply.status, 400, "{body}");
        assert!(reply.message().starts_with(member), "{body}: {}", reply.message());
    }
    let state = admin(addr, "GET", "state", None).await;
    assert_eq!((state["certificates"].as_array().unwrap().len(), state["policies"].as_array().unwrap().len()), (0, 0));
}

#[tokio::test]
async fn creates_active_certificates_with_policies_that_must_be_detached_first() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let source = Client::new(&emulator, source());
    // One of the two policies exists already: it is reused, not replaced.
    source.create_policy("fleet-telemetry").await.assert_ok();
    let body = json!({ "accountId": "111122223333", "count": 3, "status": "ACTIVE",
                       "policyNames": ["fleet-connect", "fleet-telemetry"] });
    let reply = admin(addr, "POST", "certificates", Some(body)).await;
    assert_eq!(
        (&reply["status"], &reply["policyNames"]),
        (&json!("ACTIVE"), &json!(["fleet-connect", "fleet-telemetry"]))
    );
    let ids: Vec<String> =
        reply["certificateIds"].as_array().unwrap().iter().map(|id| id.as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), 3);

    let description = source.description(&ids[0]).await;
    assert_eq!(description["status"], "ACTIVE");
    let arn = description["certificateArn"].as_str().unwrap().to_owned();
    let encoded = arn.replace(':', "%3A").replace('/', "%2F");
    let attached = source.call("POST", &format!("/attached-policies/{encoded}"), None).await.json();
    let names: Vec<&str> =
        attached["policies"].as_array().unwrap().iter().map(|p| p["policyName"].as_str().unwrap()).collect();
    assert_eq!(names, ["fleet-connect", "fleet-telemetry"]);

    // What a handover batch must do: deactivate, detach every policy, then transfer.
    source.transfer(&ids[0], "444455556666", None).await.assert_error(406, "CertificateStateException");
    source.update_status(&ids[0], "INACTIVE").await.assert_ok();
    source.transfer(&ids[0], "444455556666", None).await.assert_error(409, "TransferConflictException");
    source.detach_policy("fleet-connect", &arn).await.assert_ok();
    source.detach_policy("fleet-telemetry", &arn).await.assert_ok();
    source.transfer(&ids[0], "444455556666", None).await.assert_ok();

    let state = admin(addr, "GET", "state", None).await;
    let policies = state["policies"].as_array().unwrap();
    assert_eq!(policies.len(), 2);
    for policy in policies {
        assert_eq!(policy["attachedCertificateIds"].as_array().unwrap().len(), 2, "{policy}");
        assert!(serde_json::from_str::<serde_json::Value>(policy["policyDocument"].as_str().unwrap()).is_ok());
    }
}
