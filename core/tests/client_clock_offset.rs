//! The clock offset against a loopback server: learned from the `Date` of every response (a
//! success, any error), as smithy-rs and the JS SDK learn it, even when no attempt is retried;
//! not from a cached response; and a denied action is not taken for a clock problem.

use crate::support;

use iot_transfer::runtime::FixedClock;
use iot_transfer::{Client, DescribeCertificateInput, ErrorKind};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use support::fixtures::*;
use support::{Reply, Response, Server};

/// The service's clock: an hour ahead of the client's fixed clock.
fn service_time() -> SystemTime {
    fixed_time() + Duration::from_secs(3600)
}

fn dated(response: Response) -> Response {
    response.header("Date", &httpdate::fmt_http_date(service_time()))
}

fn signing_dates(server: &Server) -> Vec<String> {
    server.requests().iter().map(|r| r.header("x-amz-date").unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn a_success_teaches_the_offset_even_with_one_attempt() {
    let server =
        Server::start(vec![Reply::Respond(dated(Response::success(ARN))), Reply::Respond(Response::success(ARN))])
            .await;
    let client = Client::new(fixed_clock_config(&server.url()).max_attempts(1).build());
    client.transfer_certificate(input()).await.unwrap();
    let output = client.transfer_certificate(input()).await.unwrap();
    assert_eq!(output.metadata.attempts, 1);
    assert_eq!(
        signing_dates(&server),
        ["20261125T120000Z", "20261125T130000Z"],
        "the second call signs at the service's time"
    );
    // So does a request signed without being sent.
    let signed = client.sign_transfer_certificate(input()).await.unwrap();
    assert!(signed.headers.iter().any(|(name, value)| name == "x-amz-date" && value == "20261125T130000Z"));
}

#[tokio::test]
async fn an_error_teaches_the_offset_too() {
    let not_found = dated(Response::error(404, "ResourceNotFoundException", "no such certificate"));
    let server =
        Server::start(vec![Reply::Respond(not_found), Reply::Respond(Response::description("INACTIVE"))]).await;
    let client = Client::new(fixed_clock_config(&server.url()).build());
    let error = client.describe_certificate(DescribeCertificateInput::new(CERTIFICATE_ID)).await.unwrap_err();
    assert_eq!((error.kind(), error.metadata().attempts), (&ErrorKind::ResourceNotFound, 1));
    client.describe_certificate(DescribeCertificateInput::new(CERTIFICATE_ID)).await.unwrap();
    assert_eq!(signing_dates(&server), ["20261125T120000Z", "20261125T130000Z"]);
}

#[tokio::test]
async fn a_denied_action_with_a_skewed_date_is_returned_as_it_is() {
    let denied =
        dated(Response::error(403, "AccessDeniedException", "not authorized to perform iot:TransferCertificate"));
    let server = Server::start(vec![Reply::Respond(denied), Reply::Respond(Response::success(ARN))]).await;
    let client = Client::new(fixed_clock_config(&server.url()).build());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (&ErrorKind::Auth, "AccessDeniedException"));
    assert_eq!((error.metadata().attempts, error.http_status()), (1, Some(403)));
    assert!(!error.possibly_applied());
    assert_eq!(server.requests().len(), 1, "not resent: a denied action was refused after its time was accepted");
    // Its Date still set the offset.
    client.transfer_certificate(input()).await.unwrap();
    assert_eq!(signing_dates(&server), ["20261125T120000Z", "20261125T130000Z"]);
}

#[tokio::test]
async fn other_auth_codes_with_a_skewed_date_are_not_resent() {
    for code in ["ExpiredTokenException", "UnrecognizedClientException", "ForbiddenException"] {
        let server = Server::start(vec![Reply::Respond(dated(Response::error(403, code, "no")))]).await;
        let error = Client::new(fixed_clock_config(&server.url()).build()).transfer_certificate(input()).await;
        assert_eq!(error.unwrap_err().metadata().attempts, 1, "{code}");
    }
    let server = Server::start(vec![Reply::Respond(dated(Response::new(403, "")))]).await;
    let error = Client::new(fixed_clock_config(&server.url()).build()).transfer_certificate(input()).await;
    assert_eq!(error.unwrap_err().metadata().attempts, 1, "a 403 without a code");
}

#[tokio::test]
async fn every_clock_skew_code_is_resent_once() {
    for code in [
        "RequestTimeTooSkewed",
        "RequestExpired",
        "RequestInTheFuture",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "AuthFailure",
    ] {
        let server = Server::start(vec![
            Reply::Respond(dated(Response::error(403, code, "Signature expired"))),
            Reply::Respond(Response::success(ARN)),
        ])
        .await;
        let output = Client::new(fixed_clock_config(&server.url()).build()).transfer_certificate(input()).await;
        assert_eq!(output.unwrap().metadata.attempts, 2, "{code}");
        assert_eq!(signing_dates(&server), ["20261125T120000Z", "20261125T130000Z"], "{code}");
    }
}

#[tokio::test]
async fn a_cached_response_teaches_nothing() {
    let cached = dated(Response::success(ARN)).header("Age", "120");
    let server = Server::start(vec![Reply::Respond(cached), Reply::Respond(Response::success(ARN))]).await;
    let client = Client::new(fixed_clock_config(&server.url()).build());
    client.transfer_certificate(input()).await.unwrap();
    client.transfer_certificate(input()).await.unwrap();
    assert_eq!(signing_dates(&server), ["20261125T120000Z", "20261125T120000Z"]);
}

#[tokio::test]
async fn the_latest_response_wins() {
    // The clock was put right after an offset was learned: the next Date says so.
    let server = Server::start(vec![
        Reply::Respond(dated(Response::success(ARN))),
        Reply::Respond(Response::success(ARN).header("Date", &httpdate::fmt_http_date(fixed_time()))),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let client = Client::new(config(&server.url()).clock(Arc::new(FixedClock(fixed_time()))).build());
    for _ in 0..3 {
        client.transfer_certificate(input()).await.unwrap();
    }
    assert_eq!(signing_dates(&server), ["20261125T120000Z", "20261125T130000Z", "20261125T120000Z"]);
}
