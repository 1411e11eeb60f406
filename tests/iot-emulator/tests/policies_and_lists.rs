//! Policies, list pagination, and the admin reset and demo seeding.

use crate::support;

use serde_json::json;
use support::{admin, source, target, Client};

#[tokio::test]
async fn policies_are_created_once_and_listed_per_certificate() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (_, arn) = source.create_certificate(false).await;
    let created = source.create_policy("alpha").await;
    created.assert_ok();
    assert_eq!(created.json()["policyVersionId"], "1");
    let again = source.create_policy("alpha").await;
    again.assert_error(409, "ResourceAlreadyExistsException");
    assert_eq!(again.json()["resourceId"], "alpha");
    source.create_policy("beta").await.assert_ok();
    let malformed = source.call("POST", "/policies/gamma", Some(json!({ "policyDocument": "{nope" }))).await;
    malformed.assert_error(400, "MalformedPolicyException");

    source.attach_policy("alpha", &arn).await.assert_ok();
    source.attach_policy("beta", &arn).await.assert_ok();
    source.attach_policy("missing", &arn).await.assert_error(404, "ResourceNotFoundException");
    source
        .attach_policy("alpha", "arn:aws:iot:us-west-2:111122223333:thinggroup/g")
        .await
        .assert_error(400, "InvalidRequestException");
    let encoded = arn.replace(':', "%3A").replace('/', "%2F");
    let first = source.call("POST", &format!("/attached-policies/{encoded}?pageSize=1"), None).await.json();
    assert_eq!(first["policies"][0]["policyName"], "alpha");
    assert_eq!(first["nextMarker"], "1");
    let second = source.call("POST", &format!("/attached-policies/{encoded}?pageSize=1&marker=1"), None).await.json();
    assert_eq!(second["policies"][0]["policyName"], "beta");
    assert!(second.get("nextMarker").is_none());

    // Another account can neither see the certificate nor attach its own policy to it.
    let target = Client::new(&emulator, target());
    target.create_policy("alpha").await.assert_ok();
    target.attach_policy("alpha", &arn).await.assert_error(404, "ResourceNotFoundException");
    target
        .call("POST", &format!("/attached-policies/{encoded}"), None)
        .await
        .assert_error(404, "ResourceNotFoundException");
}

#[tokio::test]
async fn certificates_are_listed_newest_first_in_pages() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let mut created = Vec::new();
    for _ in 0..3 {
        created.push(source.create_certificate(false).await.0);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let page = source.call("GET", "/certificates?pageSize=2", None).await.json();
    let ids: Vec<_> =
        page["certificates"].as_array().unwrap().iter().map(|c| c["certificateId"].as_str().unwrap()).collect();
    assert_eq!(ids, [created[2].as_str(), created[1].as_str()]);
    let rest = source
        .call("GET", &format!("/certificates?pageSize=2&marker={}", page["nextMarker"].as_str().unwrap()), None)
        .await;
    assert_eq!(rest.json()["certificates"][0]["certificateId"], created[0].as_str());
    let ascending = source.call("GET", "/certificates?isAscendingOrder=true", None).await.json();
    assert_eq!(ascending["certificates"][0]["certificateId"], created[0].as_str());
    source.call("GET", "/certificates?pageSize=0", None).await.assert_error(400, "InvalidRequestException");
}

#[tokio::test]
async fn reset_forgets_everything_and_seed_demo_recreates_the_demo() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let source = Client::new(&emulator, source());
    source.create_certificate(false).await;
    admin(addr, "POST", "reset", None).await;
    assert_eq!(source.call("GET", "/certificates", None).await.json()["certificates"], json!([]));
    let demo = admin(addr, "POST", "seed-demo", None).await;
    assert_eq!(demo["accountId"], "111122223333");
    assert_eq!(source.description(demo["active"].as_str().unwrap()).await["status"], "ACTIVE");
    assert_eq!(source.description(demo["transferable"].as_str().unwrap()).await["status"], "INACTIVE");
    let state = admin(addr, "GET", "state", None).await;
    assert_eq!(state["certificates"].as_array().unwrap().len(), 3);
    assert_eq!(state["policies"][0]["attachedCertificateIds"][0], demo["withPolicy"]);
    assert!(state["accounts"][0].get("secretAccessKey").is_none(), "secrets stay out of the state report");
    assert_eq!(admin(addr, "GET", "health", None).await["status"], "ok");
}
