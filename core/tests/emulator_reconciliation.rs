//! Reconciliation end to end against the project's local IoT endpoint: a dropped response, an
//! attempt slower than its timeout and a call slower than its timeout, each compared with the
//! endpoint's own record of the certificate.

use crate::loopback;

use iot_emulator::Emulator;
use iot_transfer::{Client, Config, Credentials, ErrorKind, RetryConfig, TimeoutKind, TransferCertificateInput};
use loopback::{emulator, set_faults};
use serde_json::json;
use std::time::Duration;

const TARGET: &str = "444455556666";

/// The certificate's status and pending target, as the endpoint records them.
fn recorded(emulator: &Emulator, id: &str) -> (String, Option<String>) {
    emulator.app().store.read(|state| {
        let certificate = &state.certificates[id];
        let target = certificate.pending_transfer().map(|transfer| transfer.target_account.clone());
        (certificate.status.as_str().to_owned(), target)
    })
}

fn client(emulator: &Emulator, attempt: Option<Duration>, call: Option<Duration>) -> Client {
    let mut config = Config::builder()
        .region("us-east-1")
        .endpoint_url(emulator.url())
        .credentials(Credentials::new("AKIAEMULATORSOURCE", "emulator-source-secret", None, None))
        .retry(RetryConfig { initial_backoff: Duration::from_millis(10), ..RetryConfig::default() });
    if let Some(limit) = attempt {
        config = config.attempt_timeout(limit);
    }
    if let Some(limit) = call {
        config = config.call_timeout(limit);
    }
    Client::new(config.build())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_response_is_reported_as_the_transfer_it_was() {
    let (emulator, id) = emulator().await;
    set_faults(&emulator, json!({"script": [{"operation": "TransferCertificate", "fault": "dropResponse"}]}));
    let output = client(&emulator, None, None).transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await;
    let output = output.expect("the transfer happened, so the call succeeds");
    assert!(output.metadata.reconciled);
    assert_eq!(output.metadata.attempts, 2);
    assert!(output.transferred_certificate_arn.ends_with(&format!("cert/{id}")));
    assert_eq!(recorded(&emulator, &id), ("PENDING_TRANSFER".into(), Some(TARGET.into())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attempt_slower_than_its_timeout_ends_in_the_truth() {
    let (emulator, id) = emulator().await;
    let slow = json!({"operation": "TransferCertificate", "fault": "latency", "latencyMs": 600});
    set_faults(&emulator, json!({ "script": [slow] }));
    let client = client(&emulator, Some(Duration::from_millis(150)), None);
    let output = client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    assert_eq!(output.metadata.attempts, 2);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(recorded(&emulator, &id), ("PENDING_TRANSFER".into(), Some(TARGET.into())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_slower_than_its_timeout_says_the_transfer_may_have_happened() {
    let (emulator, id) = emulator().await;
    set_faults(&emulator, json!({"latencyMs": 800, "operations": ["TransferCertificate"]}));
    let client = client(&emulator, None, Some(Duration::from_millis(300)));
    let error = client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Timeout(TimeoutKind::Call));
    assert!(error.possibly_applied(), "the request was sent: it may still be applied");
    assert!(error.hint().unwrap().contains("DescribeCertificate"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_transfer_of_a_pending_certificate_is_explained() {
    let (emulator, id) = emulator().await;
    let client = client(&emulator, None, None);
    client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    let error = client.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::CertificateState);
    assert!(!error.possibly_applied() && error.metadata().reconciled);
    assert!(error.hint().unwrap().contains("already PENDING_TRANSFER to account 444455556666"));
}
