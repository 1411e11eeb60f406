//! Fault injection: every kind, scripted and seeded, set at startup and through the admin endpoint.

use crate::support;

use iot_emulator::faults::{FaultKind, FaultSettings, ScriptedFault};
use serde_json::json;
use std::time::{Duration, Instant, SystemTime};
use support::{admin, admin_reply, source, Client};

async fn script(addr: std::net::SocketAddr, operation: &str, fault: &str, times: u32) {
    admin(
        addr,
        "POST",
        "faults",
        Some(json!({ "script": [{ "operation": operation, "fault": fault, "times": times }] })),
    )
    .await;
}

#[tokio::test]
async fn throttling_and_server_errors_use_the_modelled_codes() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    for (fault, status, code) in [
        ("throttle", 400, "ThrottlingException"),
        ("serviceUnavailable", 503, "ServiceUnavailableException"),
        ("internalFailure", 500, "InternalFailureException"),
        ("accessDenied", 403, "AccessDeniedException"),
    ] {
        script(source.addr, "ListCertificates", fault, 2).await;
        source.call("GET", "/certificates", None).await.assert_error(status, code);
        source.call("GET", "/certificates", None).await.assert_error(status, code);
        source.call("GET", "/certificates", None).await.assert_ok();
    }
}

#[tokio::test]
async fn scripted_faults_only_hit_their_operation() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(false).await;
    script(source.addr, "TransferCertificate", "throttle", 1).await;
    source.describe(&id).await.assert_ok();
    source.transfer(&id, "444455556666", None).await.assert_error(400, "ThrottlingException");
    source.transfer(&id, "444455556666", None).await.assert_ok();
    let report = admin(source.addr, "GET", "faults", None).await;
    assert_eq!(report["injected"]["throttle"], 1);
    assert_eq!(report["settings"]["script"], json!([]));
}

#[tokio::test]
async fn latency_delays_the_answer() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    admin(source.addr, "POST", "faults", Some(json!({ "latencyMs": 300 }))).await;
    let started = Instant::now();
    source.call("GET", "/certificates", None).await.assert_ok();
    assert!(started.elapsed() >= Duration::from_millis(300), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_dropped_connection_runs_nothing() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(false).await;
    script(source.addr, "TransferCertificate", "dropConnection", 1).await;
    let error =
        source.try_call("PATCH", &format!("/transfer-certificate/{id}?targetAwsAccount=444455556666"), None).await;
    assert!(error.is_err(), "{error:?}");
    assert_eq!(source.description(&id).await["status"], "INACTIVE");
}

#[tokio::test]
async fn a_dropped_response_keeps_the_change() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(false).await;
    script(source.addr, "TransferCertificate", "dropResponse", 1).await;
    let error =
        source.try_call("PATCH", &format!("/transfer-certificate/{id}?targetAwsAccount=444455556666"), None).await;
    assert!(error.is_err(), "{error:?}");
    assert_eq!(source.description(&id).await["status"], "PENDING_TRANSFER");
    // The client's retry then finds the transfer already made.
    source.transfer(&id, "444455556666", None).await.assert_error(406, "CertificateStateException");
}

#[tokio::test]
async fn a_skewed_clock_moves_the_date_header_and_the_signature_window() {
    let emulator = support::start().await;
    let mut source = Client::new(&emulator, source());
    admin(source.addr, "POST", "faults", Some(json!({ "clockSkewSeconds": 3600 }))).await;

    let refused = source.call("GET", "/certificates", None).await;
    refused.assert_error(403, "InvalidSignatureException");
    let server_date = httpdate::parse_http_date(refused.headers["date"].to_str().unwrap()).unwrap();
    let ahead = server_date.duration_since(SystemTime::now()).unwrap();
    assert!(ahead > Duration::from_secs(3590) && ahead < Duration::from_secs(3610), "{ahead:?}");

    // A client that corrects its clock from the Date header gets through.
    source.clock_offset_seconds = 3600;
    source.call("GET", "/certificates", None).await.assert_ok();
    assert_eq!(admin(source.addr, "GET", "state", None).await["clockSkewSeconds"], 3600);
}

#[tokio::test]
async fn the_same_seed_injects_the_same_faults() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let settings = json!({ "seed": 1234, "throttleRate": 0.3, "serviceUnavailableRate": 0.2 });
    let mut runs = Vec::new();
    for _ in 0..2 {
        admin(source.addr, "POST", "faults", Some(settings.clone())).await;
        let mut statuses = Vec::new();
        for _ in 0..40 {
            statuses.push(source.call("GET", "/certificates", None).await.status);
        }
        runs.push(statuses);
    }
    assert_eq!(runs[0], runs[1]);
    assert!(runs[0].contains(&200) && runs[0].contains(&400) && runs[0].contains(&503), "{:?}", runs[0]);
    assert_eq!(admin(source.addr, "GET", "faults", None).await["settings"]["seed"], 1234);
}

#[tokio::test]
async fn faults_can_be_set_at_startup() {
    let emulator = support::start_with(|config| {
        config.faults = FaultSettings {
            script: vec![ScriptedFault {
                operation: Some("*".into()),
                fault: FaultKind::ServiceUnavailable,
                times: 1,
                latency_ms: 0,
            }],
            ..FaultSettings::default()
        };
    })
    .await;
    let source = Client::new(&emulator, source());
    source.call("GET", "/certificates", None).await.assert_error(503, "ServiceUnavailableException");
    source.call("GET", "/certificates", None).await.assert_ok();
}

#[tokio::test]
async fn the_admin_endpoint_refuses_bad_settings_and_clears_faults() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let too_much =
        admin_reply(addr, "POST", "faults", Some(json!({ "throttleRate": 0.8, "dropResponseRate": 0.5 }))).await;
    assert_eq!(too_much.status, 400);
    let unknown = admin_reply(addr, "POST", "faults", Some(json!({ "throttel": 1 }))).await;
    assert_eq!(unknown.status, 400);
    admin(addr, "POST", "faults", Some(json!({ "throttleRate": 1.0 }))).await;
    let source = Client::new(&emulator, source());
    source.call("GET", "/certificates", None).await.assert_error(400, "ThrottlingException");
    admin(addr, "DELETE", "faults", None).await;
    source.call("GET", "/certificates", None).await.assert_ok();
    assert_eq!(admin_reply(addr, "GET", "nothing-here", None).await.status, 404);
}

#[tokio::test]
async fn a_slow_answer_comes_late_but_the_change_is_made() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(false).await;
    admin(
        source.addr,
        "POST",
        "faults",
        Some(json!({ "seed": 5, "slowRate": 1.0, "slowMs": 1500, "operations": ["TransferCertificate"] })),
    )
    .await;
    let request = source.request("PATCH", &format!("/transfer-certificate/{id}?targetAwsAccount=444455556666"), None);
    let started = Instant::now();
    // A client whose timeout is shorter than the delay gives up before the answer...
    // (600 ms, so that even a loaded machine has run the transfer by then.)
    let gave_up = tokio::time::timeout(Duration::from_millis(600), support::send(source.addr, request)).await;
    assert!(gave_up.is_err(), "{gave_up:?}");
    assert!(started.elapsed() < Duration::from_millis(1500));
    // ...yet the transfer was made, and the next slow call answers after the delay.
    let started = Instant::now();
    source.transfer(&id, "444455556666", None).await.assert_error(406, "CertificateStateException");
    assert!(started.elapsed() >= Duration::from_millis(1500), "{:?}", started.elapsed());
    assert_eq!(source.description(&id).await["status"], "PENDING_TRANSFER");
    assert_eq!(admin(source.addr, "GET", "faults", None).await["injected"]["slow"], 2);
}

#[tokio::test]
async fn max_faults_bounds_the_random_faults() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    admin(source.addr, "POST", "faults", Some(json!({ "throttleRate": 1.0, "maxFaults": 2 }))).await;
    source.call("GET", "/certificates", None).await.assert_error(400, "ThrottlingException");
    source.call("GET", "/certificates", None).await.assert_error(400, "ThrottlingException");
    for _ in 0..5 {
        source.call("GET", "/certificates", None).await.assert_ok();
    }
    let report = admin(source.addr, "GET", "faults", None).await;
    assert_eq!((report["injected"]["throttle"].clone(), report["settings"]["maxFaults"].clone()), (json!(2), json!(2)));
}

#[tokio::test]
async fn random_faults_stop_at_the_end_of_their_window() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    admin(source.addr, "POST", "faults", Some(json!({ "serviceUnavailableRate": 1.0, "windowMs": 1500 }))).await;
    source.call("GET", "/certificates", None).await.assert_error(503, "ServiceUnavailableException");
    tokio::time::sleep(Duration::from_millis(1600)).await;
    source.call("GET", "/certificates", None).await.assert_ok();
}
