//! Clock offset and adaptive retries end to end against the project's local IoT endpoint, whose
//! clock can be set ahead and which can throttle or deny calls on demand.

use crate::support;

use crate::loopback;

use iot_emulator::Emulator;
use iot_transfer::retry::RetryMode;
use iot_transfer::{
    Client, Config, Credentials, DescribeCertificateInput, ErrorKind, RetryConfig, TransferCertificateInput,
};
use loopback::{emulator, set_faults};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use support::virtual_time::VirtualTime;

const TARGET: &str = "444455556666";

fn requests(emulator: &Emulator, operation: &str) -> u64 {
    emulator.app().request_counts().get(operation).copied().unwrap_or_default()
}

fn config(emulator: &Emulator, retry: RetryConfig) -> iot_transfer::ConfigBuilder {
    Config::builder()
        .region("us-east-1")
        .endpoint_url(emulator.url())
        .credentials(Credentials::new("AKIAEMULATORSOURCE", "emulator-source-secret", None, None))
        .retry(RetryConfig { initial_backoff: Duration::from_millis(10), ..retry })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offset_learned_from_a_success_signs_the_next_call() {
    let (emulator, id) = emulator().await;
    // Ten minutes ahead: within the 15-minute signature window, so the first call passes.
    set_faults(&emulator, json!({"clockSkewSeconds": 600}));
    let one_attempt = RetryConfig { max_attempts: 1, ..RetryConfig::default() };
    let client = Client::new(config(&emulator, one_attempt.clone()).build());
    let output = client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    assert_eq!(output.metadata.attempts, 1);

    // Twenty minutes ahead: a request signed by the local clock would be refused, and with one
    // attempt it would not be resent. Signed ten minutes ahead, as learned, it is 10 minutes off.
    set_faults(&emulator, json!({"clockSkewSeconds": 1200}));
    let described = client.describe_certificate(DescribeCertificateInput::new(&id)).await;
    let described = described.expect("signed with the time learned from the first call's Date");
    assert_eq!(described.metadata.attempts, 1);
    assert_eq!(requests(&emulator, "TransferCertificate") + requests(&emulator, "DescribeCertificate"), 2);

    // A client that learned nothing is refused.
    let fresh = Client::new(config(&emulator, one_attempt).build());
    let error = fresh.describe_certificate(DescribeCertificateInput::new(&id)).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (&ErrorKind::Auth, "InvalidSignatureException"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_denied_is_not_resent_and_a_signature_expired_is() {
    let (emulator, id) = emulator().await;
    let denied = json!({"operation": "TransferCertificate", "fault": "accessDenied"});
    set_faults(&emulator, json!({"clockSkewSeconds": 1200, "script": [denied]}));
    let client = Client::new(config(&emulator, RetryConfig::default()).build());
    let error = client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap_err();
    assert_eq!(
        (error.kind(), error.code(), error.http_status()),
        (&ErrorKind::Auth, "AccessDeniedException", Some(403))
    );
    assert_eq!(error.metadata().attempts, 1);
    assert_eq!(requests(&emulator, "TransferCertificate"), 1, "not resent, though its Date is 20 minutes ahead");
    assert!(!error.possibly_applied());

    // Its Date taught the offset: the next call passes at once.
    let output = client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    assert_eq!((output.metadata.attempts, requests(&emulator, "TransferCertificate")), (1, 2));

    // A client that learned nothing is refused for its time, signs again and passes.
    let fresh = Client::new(config(&emulator, RetryConfig::default()).build());
    let described = fresh.describe_certificate(DescribeCertificateInput::new(&id)).await.unwrap();
    assert_eq!((described.metadata.attempts, described.metadata.total_retry_delay), (2, Duration::ZERO));
}

/// Ten DescribeCertificate calls of one attempt each, the first three throttled, on virtual time
/// (the emulator's clock is real; ten calls' waits are far within its signature window).
async fn ten_calls_throttled_three_times(mode: RetryMode) -> Arc<VirtualTime> {
    let (emulator, id) = emulator().await;
    let throttle = json!({"operation": "DescribeCertificate", "fault": "throttle", "times": 3});
    set_faults(&emulator, json!({ "script": [throttle] }));
    // At a whole second, so that the first throttle comes before any half second was measured.
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970");
    let time = VirtualTime::starting_at(UNIX_EPOCH + Duration::from_secs(now.as_secs()));
    let retry = RetryConfig { mode, max_attempts: 1, ..RetryConfig::default() };
    let client = Client::new(config(&emulator, retry).clock(time.clone()).sleep(time.clone()).build());
    for call in 0..10 {
        let outcome = client.describe_certificate(DescribeCertificateInput::new(&id)).await;
        match outcome {
            Ok(_) => assert!(call >= 3, "call {call}"),
            Err(error) => assert!(call < 3 && error.is_throttling(), "call {call}: {error}"),
        }
    }
    assert_eq!(requests(&emulator, "DescribeCertificate"), 10);
    time
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_adaptive_mode_slows_down_under_throttling() {
    let standard = ten_calls_throttled_three_times(RetryMode::Standard).await;
    assert!(standard.sleeps().is_empty(), "{:?}", standard.sleeps());

    let adaptive = ten_calls_throttled_three_times(RetryMode::Adaptive).await;
    let sleeps = adaptive.sleeps();
    assert_eq!(sleeps.len(), 9, "every call after the first throttle waited: {sleeps:?}");
    assert_eq!(sleeps[..3], [Duration::from_secs(2); 3], "half a call a second while throttled: {sleeps:?}");
    assert!(sleeps[3..].iter().all(|wait| *wait < Duration::from_secs(2)), "and faster once served: {sleeps:?}");
    assert!(adaptive.slept() >= Duration::from_secs(6), "{sleeps:?}");
}
