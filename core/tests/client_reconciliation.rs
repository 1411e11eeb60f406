//! A transfer whose outcome is unknown is settled from the certificate's state before the client
//! answers: lost responses, timeouts, 5xx and unreadable bodies, and CertificateStateException.

use crate::support;

use iot_transfer::{Client, DescribeCertificateInput, ErrorKind, ListOutgoingCertificatesInput, TimeoutKind};
use std::time::Duration;
use support::fixtures::*;
use support::{Recorded, Reply, Response, Server};

fn lost() -> Reply {
    Reply::Drop
}

fn refused_as_pending() -> Reply {
    Reply::Respond(Response::error(406, "CertificateStateException", "Certificate is PENDING_TRANSFER"))
}

fn respond(response: Response) -> Reply {
    Reply::Respond(response)
}

/// `METHOD path` of every request.
fn calls(requests: &[Recorded]) -> Vec<String> {
    requests.iter().map(|r| format!("{} {}", r.method, r.target.split('?').next().unwrap_or_default())).collect()
}

const TRANSFER: &str = "PATCH /transfer-certificate/3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const DESCRIBE: &str = "GET /certificates/3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const OUTGOING: &str = "GET /certificates-out-going";

fn never_advises_cancelling(hint: Option<&str>) {
    let hint = hint.unwrap_or_default().to_lowercase();
    assert!(!hint.contains("cancel it") && !hint.contains("cancel the"), "{hint}");
}

#[tokio::test]
async fn a_lost_response_then_certificate_state_is_the_transfer_it_made() {
    let server = Server::start(vec![
        lost(),
        refused_as_pending(),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing(TARGET_ACCOUNT, 3, None)),
    ])
    .await;
    let output = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap();
    assert_eq!(output.transferred_certificate_arn, ARN);
    assert!(output.metadata.reconciled);
    assert_eq!((output.metadata.attempts, output.metadata.http_status), (2, Some(200)));
    assert_eq!(calls(&server.requests()), [TRANSFER, TRANSFER, DESCRIBE, OUTGOING]);
    assert!(server.requests()[3].target.contains("pageSize=250"));
}

#[tokio::test]
async fn an_unreadable_2xx_is_settled_without_a_second_transfer() {
    let server = Server::start(vec![
        respond(Response::new(200, "{\"transferredCertificateArn\":")),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing("", 250, Some("250"))),
        respond(Response::outgoing(TARGET_ACCOUNT, 0, None)),
    ])
    .await;
    let output = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap();
    assert_eq!((output.transferred_certificate_arn.as_str(), output.metadata.reconciled), (ARN, true));
    assert_eq!(calls(&server.requests()), [TRANSFER, DESCRIBE, OUTGOING, OUTGOING]);
    assert!(server.requests()[3].target.contains("marker=250"), "the second page is read from the marker");
}

#[tokio::test]
async fn a_timed_out_attempt_then_certificate_state_is_settled() {
    let server = Server::start(vec![
        Reply::Delayed(Duration::from_millis(500), Response::success(ARN)),
        refused_as_pending(),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing(TARGET_ACCOUNT, 0, None)),
    ])
    .await;
    let client = Client::new(config(&server.url()).attempt_timeout(Duration::from_millis(100)).build());
    let output = client.transfer_certificate(input()).await.unwrap();
    assert!(output.metadata.reconciled);
    assert_eq!(output.metadata.attempts, 2);
}

#[tokio::test]
async fn a_transfer_pending_to_another_account_is_not_this_calls() {
    let server = Server::start(vec![
        lost(),
        refused_as_pending(),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing("777788889999", 0, None)),
    ])
    .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::CertificateState);
    assert!(!error.possibly_applied(), "a certificate has one pending transfer, and it is not to the target");
    assert!(error.metadata().reconciled);
    let hint = error.hint().unwrap();
    assert!(hint.contains("777788889999") && hint.contains("did not transfer"), "{hint}");
}

#[tokio::test]
async fn a_transfer_already_pending_before_the_call_is_explained_not_undone() {
    let server = Server::start(vec![
        refused_as_pending(),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing(TARGET_ACCOUNT, 0, None)),
    ])
    .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::CertificateState);
    assert!(!error.possibly_applied() && error.metadata().reconciled);
    let hint = error.hint().unwrap();
    assert!(hint.contains("already PENDING_TRANSFER to account 444455556666"), "{hint}");
    assert!(hint.contains("Nothing needs to be done or undone"), "{hint}");
    never_advises_cancelling(Some(hint));
}

#[tokio::test]
async fn an_active_certificate_is_named_in_the_hint() {
    let server = Server::start(vec![
        respond(Response::error(406, "CertificateStateException", "not allowed")),
        respond(Response::description("ACTIVE")),
    ])
    .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert!(error.hint().unwrap().starts_with("The certificate is ACTIVE: deactivate it"));
    never_advises_cancelling(error.hint());
}

#[tokio::test]
async fn lost_responses_and_no_transfer_found_stay_possibly_applied() {
    let server = Server::start(vec![lost(), lost(), lost(), respond(Response::description("INACTIVE"))]).await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert!(error.possibly_applied() && error.metadata().reconciled);
    assert!(error.hint().unwrap().contains("INACTIVE: no transfer had been applied when it was checked"));
    never_advises_cancelling(error.hint());
}

#[tokio::test]
async fn a_failed_check_leaves_the_outcome_unknown_and_says_so() {
    let server = Server::start(vec![
        lost(),
        refused_as_pending(),
        respond(Response::error(403, "AccessDeniedException", "no iot:DescribeCertificate")),
    ])
    .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::CertificateState);
    assert!(error.possibly_applied() && !error.metadata().reconciled);
    let hint = error.hint().unwrap();
    assert!(hint.contains("may have happened") && hint.contains("AccessDeniedException"), "{hint}");
    never_advises_cancelling(Some(hint));
}

#[tokio::test]
async fn a_pending_certificate_missing_from_the_outgoing_list_is_unconfirmed() {
    let server = Server::start(vec![
        lost(),
        refused_as_pending(),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing("", 2, None)),
    ])
    .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert!(error.possibly_applied() && error.metadata().reconciled);
    never_advises_cancelling(error.hint());
}

#[tokio::test]
async fn the_call_timeout_bounds_the_check_too() {
    let server = Server::start(vec![lost(), refused_as_pending(), Reply::Hang]).await;
    let client = Client::new(config(&server.url()).call_timeout(Duration::from_millis(400)).build());
    let started = std::time::Instant::now();
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(error.kind(), &ErrorKind::Timeout(TimeoutKind::Call));
    assert!(error.possibly_applied(), "the lost response may have been applied");
    assert_eq!(error.metadata().attempts, 2, "the transfer's attempts, not the check's");
}

#[tokio::test]
async fn describe_and_list_are_calls_of_their_own() {
    let server = Server::start(vec![
        respond(Response::new(503, "")),
        respond(Response::description("INACTIVE")),
        respond(Response::outgoing(TARGET_ACCOUNT, 1, Some("2"))),
    ])
    .await;
    let client = Client::new(config(&server.url()).build());
    let described = client.describe_certificate(DescribeCertificateInput::new(ARN)).await.unwrap();
    assert_eq!(described.certificate_description.status, Some(iot_transfer::CertificateStatus::Inactive));
    assert_eq!((described.metadata.attempts, described.metadata.reconciled), (2, false));
    let page = client
        .list_outgoing_certificates(ListOutgoingCertificatesInput { page_size: Some(2), ..Default::default() })
        .await
        .unwrap();
    assert_eq!((page.outgoing_certificates.len(), page.next_marker.as_deref()), (2, Some("2")));
    let requests = server.requests();
    assert_eq!(calls(&requests), [DESCRIBE, DESCRIBE, OUTGOING]);
    assert!(requests[2].target.ends_with("?pageSize=2"));
    assert!(requests.iter().all(|r| r.header("authorization").is_some_and(|a| a.contains("/iot/aws4_request"))));

    let error = client.describe_certificate(DescribeCertificateInput::new("nope")).await.unwrap_err();
    assert_eq!(error.kind().name(), "Validation");
    assert_eq!(server.requests().len(), 3, "nothing is sent for bad input");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_never_reach_the_reconciled_cancelled_or_described_printouts() {
    let server = Server::start(vec![
        lost(),
        refused_as_pending(),
        respond(Response::description("PENDING_TRANSFER")),
        respond(Response::outgoing(TARGET_ACCOUNT, 0, None)),
        refused_as_pending(),
        respond(Response::description("ACTIVE")),
        respond(Response::description("PENDING_TRANSFER")),
        Reply::Hang,
    ])
    .await;
    let client = Client::new(config(&server.url()).build());
    let reconciled = client.transfer_certificate(input()).await.unwrap();
    let explained = client.transfer_certificate(input()).await.unwrap_err();
    let described = client.describe_certificate(DescribeCertificateInput::new(ARN)).await.unwrap();
    let cancellation = iot_transfer::Cancellation::new();
    let stopper = cancellation.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        stopper.cancel();
    });
    let cancelled = client.transfer_certificate_cancellable(input(), &cancellation).await.unwrap_err();
    let printed = format!(
        "{reconciled:?} {explained:?} {explained} {:?} {described:?} {cancellation:?} {cancelled:?} {cancelled} {:?}",
        explained.hint(),
        cancelled.hint()
    );
    assert!(!printed.contains(SECRET), "secret key leaked: {printed}");
    assert!(!printed.contains(TOKEN), "session token leaked: {printed}");
}

#[tokio::test]
async fn a_transfer_found_without_an_arn_is_not_reported_as_someone_elses() {
    let server = Server::start(vec![
        lost(),
        refused_as_pending(),
        respond(Response::new(200, r#"{"certificateDescription":{"status":"PENDING_TRANSFER"}}"#)),
        respond(Response::new(
            200,
            &format!(r#"{{"outgoingCertificates":[{{"certificateId":"{CERTIFICATE_ID}","transferredTo":"{TARGET_ACCOUNT}"}}]}}"#),
        )),
    ])
    .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert!(error.possibly_applied() && error.metadata().reconciled);
    let hint = error.hint().unwrap();
    assert!(hint.starts_with("The transfer happened") && hint.contains("Do not transfer it again"), "{hint}");
    never_advises_cancelling(Some(hint));
}
