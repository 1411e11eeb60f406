//! The call log: every IoT call in order, with who made it, the certificate it names, its status
//! and what became of it (applied, refused, throttled, or stopped by a fault).

use crate::support;

use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};
use support::{admin, admin_reply, source, target, Client};

fn now_millis() -> i64 {
    i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis()).unwrap()
}

/// The logged calls without their times, and the times checked to lie in `since..=now`.
async fn calls(addr: std::net::SocketAddr, query: &str, since: i64) -> Vec<Value> {
    let listing = admin(addr, "GET", &format!("calls{query}"), None).await;
    assert_eq!(listing["dropped"], 0);
    let until = now_millis();
    let mut calls = listing["calls"].as_array().unwrap().clone();
    for call in &mut calls {
        let at = call.as_object_mut().unwrap().remove("atMillis").unwrap().as_i64().unwrap();
        assert!((since..=until).contains(&at), "{at} not in {since}..={until}");
    }
    calls
}

async fn script(addr: std::net::SocketAddr, fault: &str) {
    let body = json!({ "script": [{ "operation": "TransferCertificate", "fault": fault }] });
    admin(addr, "POST", "faults", Some(body)).await;
}

#[tokio::test]
async fn every_call_is_logged_with_what_became_of_it() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let since = now_millis();
    let bulk = admin(addr, "POST", "certificates", Some(json!({ "accountId": "111122223333", "count": 4 }))).await;
    let ids: Vec<&str> = bulk["certificateIds"].as_array().unwrap().iter().map(|id| id.as_str().unwrap()).collect();
    let source = Client::new(&emulator, source());
    let target = Client::new(&emulator, target());
    let transfer = |id: &str| format!("/transfer-certificate/{id}?targetAwsAccount=444455556666");

    script(addr, "dropResponse").await;
    assert!(source.try_call("PATCH", &transfer(ids[0]), None).await.is_err());
    source.transfer(ids[0], "444455556666", None).await.assert_error(406, "CertificateStateException");
    script(addr, "throttle").await;
    source.transfer(ids[1], "444455556666", None).await.assert_error(400, "ThrottlingException");
    source.transfer(&ids[1].to_ascii_uppercase(), "444455556666", None).await.assert_ok();
    script(addr, "dropConnection").await;
    assert!(source.try_call("PATCH", &transfer(ids[2]), None).await.is_err());
    let unsigned = support::unsigned(addr, "PATCH", &transfer(ids[3]), b"");
    support::send(addr, unsigned).await.unwrap().assert_error(403, "MissingAuthenticationTokenException");
    target.accept(ids[0], false).await.assert_ok();
    source.create_policy("fleet").await.assert_ok();
    // Matches no operation: not an IoT call of any operation, so not logged.
    source.call("GET", "/no-such-operation", None).await.assert_error(404, "UnknownOperationException");

    let (s, t) = ("111122223333", "444455556666");
    let transfer = |id: &str, account: Option<&str>, status: Option<u16>, outcome: &str, fault: Option<&str>| {
        let mut call = json!({ "operation": "TransferCertificate", "certificateId": id, "outcome": outcome });
        for (name, value) in [("accountId", account.map(Value::from)), ("status", status.map(Value::from))] {
            if let Some(value) = value {
                call[name] = value;
            }
        }
        if let Some(fault) = fault {
            call["fault"] = json!(fault);
        }
        call
    };
    let transfers = vec![
        transfer(ids[0], Some(s), None, "applied", Some("dropResponse")),
        transfer(ids[0], Some(s), Some(406), "refused", None),
        transfer(ids[1], Some(s), Some(400), "fault:throttle", Some("throttle")),
        transfer(ids[1], Some(s), Some(200), "applied", None),
        transfer(ids[2], Some(s), None, "fault:dropConnection", Some("dropConnection")),
        transfer(ids[3], None, Some(403), "refused", None),
    ];
    let mut everything = transfers.clone();
    everything.push(json!({ "operation": "AcceptCertificateTransfer", "accountId": t, "certificateId": ids[0],
                            "status": 200, "outcome": "applied" }));
    everything.push(json!({ "operation": "CreatePolicy", "accountId": s, "status": 200, "outcome": "applied" }));
    assert_eq!(calls(addr, "", since).await, everything);
    assert_eq!(calls(addr, "?operation=TransferCertificate", since).await, transfers);
    assert_eq!(calls(addr, "?operation=DescribeCertificate", since).await, Vec::<Value>::new());

    // What a batch's test asserts: which certificates had exactly one applied transfer.
    let applied = |id: &str| transfers.iter().filter(|c| c["certificateId"] == id && c["outcome"] == "applied").count();
    assert_eq!(ids.iter().map(|id| applied(id)).collect::<Vec<_>>(), [1, 1, 0, 0]);

    for bad in ["?operation=DeleteEverything", "?certificateId=x"] {
        assert_eq!(admin_reply(addr, "GET", &format!("calls{bad}"), None).await.status, 400, "{bad}");
    }
    admin(addr, "POST", "reset", None).await;
    assert_eq!(admin(addr, "GET", "calls", None).await, json!({ "calls": [], "dropped": 0 }));
}

#[tokio::test]
async fn a_slow_answer_is_logged_as_applied_with_its_fault() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(false).await;
    let body = json!({ "script": [{ "operation": "TransferCertificate", "fault": "slow", "latencyMs": 50 }] });
    admin(addr, "POST", "faults", Some(body)).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();
    let calls = admin(addr, "GET", "calls?operation=TransferCertificate", None).await;
    let call = &calls["calls"][0];
    assert_eq!((&call["outcome"], &call["fault"], &call["status"]), (&json!("applied"), &json!("slow"), &json!(200)));
}
