//! The request-rate quota per account: set at startup and at runtime, refusing calls over it
//! with ThrottlingException without running them, counting them, and never limiting admin,
//! credential-service, unsigned or wrongly signed requests.

use crate::support;

use iot_emulator::accounts::Account;
use iot_emulator::rate_limit::RateLimit;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::Duration;
use support::credentials::{iot_account, long_term, sts, sts_credentials};
use support::{admin, admin_reply, source, target, Client};

/// `count` new INACTIVE certificates of the source account.
async fn certificates(addr: std::net::SocketAddr, count: u32) -> Vec<String> {
    let reply = admin(addr, "POST", "certificates", Some(json!({ "accountId": "111122223333", "count": count }))).await;
    reply["certificateIds"].as_array().unwrap().iter().map(|id| id.as_str().unwrap().to_owned()).collect()
}

/// The stored status of each certificate, read through the admin endpoint (an IoT call would
/// use up the quota).
async fn statuses(addr: std::net::SocketAddr) -> BTreeMap<String, String> {
    let state = admin(addr, "GET", "state", None).await;
    state["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["certificateId"].as_str().unwrap().to_owned(), c["status"].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test]
async fn calls_over_the_quota_are_throttled_and_not_run() {
    // 2 at once, then one every 2 s: the third call within 2 s is over the quota.
    let limit = RateLimit { requests_per_second: 0.5, burst: Some(2) };
    let emulator = support::start_with(|config| config.rate_limit = Some(limit)).await;
    let addr = emulator.local_addr();
    let ids = certificates(addr, 3).await;
    let source = Client::new(&emulator, source());
    source.transfer(&ids[0], "444455556666", None).await.assert_ok();
    source.transfer(&ids[1], "444455556666", None).await.assert_ok();
    let refused = source.transfer(&ids[2], "444455556666", None).await;
    refused.assert_error(400, "ThrottlingException");
    assert_eq!(refused.json(), json!({ "message": "Rate exceeded" }));
    assert_eq!(statuses(addr).await[&ids[2]], "INACTIVE");

    // Another account has its own bucket; unsigned and wrongly signed calls use none.
    let target = Client::new(&emulator, target());
    target.call("GET", "/certificates", None).await.assert_ok();
    let unsigned = support::send(addr, support::unsigned(addr, "GET", "/certificates", b"")).await.unwrap();
    unsigned.assert_error(403, "MissingAuthenticationTokenException");
    let forger = Client { account: Account::new("111122223333", "AKIATESTSOURCE", "wrong-secret"), ..source.clone() };
    forger.call("GET", "/certificates", None).await.assert_error(403, "InvalidSignatureException");
    // The credential services and the admin endpoint are never limited.
    for _ in 0..3 {
        sts(addr, "Action=GetCallerIdentity&Version=2011-06-15", Some(&long_term(&source.account))).await.assert_ok();
    }

    let state = admin(addr, "GET", "state", None).await;
    assert_eq!(state["rateLimit"], json!({ "requestsPerSecond": 0.5, "burst": 2 }));
    assert_eq!(state["throttledCounts"], json!({ "TransferCertificate": 1 }));
    assert_eq!(state["requestCounts"]["TransferCertificate"], 3);

    // The bucket refills at the rate.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    source.transfer(&ids[2], "444455556666", None).await.assert_ok();
    source.call("GET", "/certificates", None).await.assert_error(400, "ThrottlingException");
    let report = admin(addr, "GET", "rate-limit", None).await;
    assert_eq!(report["throttled"], json!({ "TransferCertificate": 1, "ListCertificates": 1 }));
}

#[tokio::test]
async fn temporary_credentials_use_their_account_quota() {
    let limit = RateLimit { requests_per_second: 0.001, burst: Some(2) };
    let emulator = support::start_with(|config| config.rate_limit = Some(limit)).await;
    let addr = emulator.local_addr();
    let form = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fbatch\
                &RoleSessionName=handover";
    let issued = sts_credentials(&sts(addr, form, Some(&long_term(&source()))).await);
    assert_eq!(iot_account(addr, &issued, 0).await.unwrap(), "111122223333");
    Client::new(&emulator, source()).call("GET", "/certificates", None).await.assert_ok();
    iot_account(addr, &issued, 0).await.unwrap_err().assert_error(400, "ThrottlingException");
}

#[tokio::test]
async fn the_limit_is_shown_replaced_and_removed_at_runtime() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let source = Client::new(&emulator, source());
    assert_eq!(admin(addr, "GET", "rate-limit", None).await, json!({ "settings": null, "throttled": {} }));

    let set = admin(addr, "POST", "rate-limit", Some(json!({ "requestsPerSecond": 0.001, "burst": 1 }))).await;
    assert_eq!(set["settings"], json!({ "requestsPerSecond": 0.001, "burst": 1 }));
    source.call("GET", "/certificates", None).await.assert_ok();
    source.call("GET", "/certificates", None).await.assert_error(400, "ThrottlingException");

    for invalid in [
        json!({ "requestsPerSecond": 0 }),
        json!({ "requestsPerSecond": 10, "burst": 0 }),
        json!({ "burst": 2 }),
        json!({ "requestsPerSecond": 10, "bursts": 2 }),
        json!("fast"),
    ] {
        let reply = admin_reply(addr, "POST", "rate-limit", Some(invalid.clone())).await;
        assert_eq!(reply.status, 400, "{invalid}");
        assert!(reply.message().starts_with("The rate limit is not valid"), "{}", reply.message());
    }
    assert_eq!(admin(addr, "GET", "rate-limit", None).await["settings"]["burst"], 1);

    // A new limit starts with full buckets; the default burst is the rate rounded up.
    let set = admin(addr, "POST", "rate-limit", Some(json!({ "requestsPerSecond": 1.5 }))).await;
    assert_eq!(set["settings"], json!({ "requestsPerSecond": 1.5, "burst": 2 }));
    source.call("GET", "/certificates", None).await.assert_ok();

    let removed = admin(addr, "DELETE", "rate-limit", None).await;
    assert_eq!(removed["settings"], Value::Null);
    for _ in 0..5 {
        source.call("GET", "/certificates", None).await.assert_ok();
    }
    assert_eq!(removed["throttled"], json!({ "ListCertificates": 1 }));

    admin(addr, "POST", "rate-limit", Some(json!({ "requestsPerSecond": 1 }))).await;
    admin(addr, "POST", "reset", None).await;
    assert_eq!(admin(addr, "GET", "rate-limit", None).await, json!({ "settings": null, "throttled": {} }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_calls_share_exactly_the_burst() {
    let limit = RateLimit { requests_per_second: 0.001, burst: Some(20) };
    let emulator = support::start_with(|config| config.rate_limit = Some(limit)).await;
    let addr = emulator.local_addr();
    let ids = certificates(addr, 60).await;
    let source = Client::new(&emulator, source());
    let mut tasks = Vec::new();
    for id in ids.clone() {
        let source = source.clone();
        tasks.push(tokio::spawn(async move { source.transfer(&id, "444455556666", None).await.status }));
    }
    let mut answered = BTreeMap::new();
    for task in tasks {
        *answered.entry(task.await.unwrap()).or_insert(0) += 1;
    }
    assert_eq!(answered, BTreeMap::from([(200, 20), (400, 40)]));

    let pending = statuses(addr).await.values().filter(|status| *status == "PENDING_TRANSFER").count();
    assert_eq!(pending, 20);
    let calls = admin(addr, "GET", "calls?operation=TransferCertificate", None).await;
    let calls = calls["calls"].as_array().unwrap();
    let outcomes = calls.iter().fold(BTreeMap::new(), |mut counts, call| {
        *counts.entry(call["outcome"].as_str().unwrap().to_owned()).or_insert(0) += 1;
        counts
    });
    assert_eq!(outcomes, BTreeMap::from([("applied".to_owned(), 20), ("throttled".to_owned(), 40)]));
    for id in &ids {
        assert_eq!(calls.iter().filter(|call| call["certificateId"] == id.as_str()).count(), 1, "{id}");
    }
}
