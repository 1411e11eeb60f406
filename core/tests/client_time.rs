//! Time against a loopback server: per-attempt and whole-call timeouts, and clock-skew correction.

use crate::support;

use iot_transfer::runtime::FixedClock;
use iot_transfer::{Client, ErrorKind, TimeoutKind};
use std::sync::Arc;
use std::time::Duration;
use support::fixtures::*;
use support::{Reply, Response, Server};

#[tokio::test]
async fn a_slow_response_times_out_the_attempt_and_is_retried() {
    let server = Server::start(vec![
        Reply::Delayed(Duration::from_millis(500), Response::success(ARN)),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let client = Client::new(config(&server.url()).attempt_timeout(Duration::from_millis(100)).build());
    let output = client.transfer_certificate(input()).await.unwrap();
    assert_eq!(output.metadata.attempts, 2);
}

#[tokio::test]
async fn attempt_timeouts_that_persist_end_as_a_timeout_error() {
    let slow = || Reply::Delayed(Duration::from_millis(400), Response::success(ARN));
    let server = Server::start(vec![slow(), slow(), Reply::Respond(Response::description("INACTIVE"))]).await;
    let client = Client::new(config(&server.url()).attempt_timeout(Duration::from_millis(50)).max_attempts(2).build());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (&ErrorKind::Timeout(TimeoutKind::Attempt), "TimeoutError"));
    assert!(error.is_retryable() && error.possibly_applied());
    assert!(error.metadata().reconciled, "the certificate was checked before answering");
    assert_eq!(error.metadata().attempts, 2);
}

#[tokio::test]
async fn the_call_timeout_bounds_retries_and_reports_progress() {
    let server = Server::start(vec![
        Reply::Respond(Response::new(503, "")),
        Reply::Delayed(Duration::from_secs(5), Response::success(ARN)),
    ])
    .await;
    let client = Client::new(config(&server.url()).call_timeout(Duration::from_millis(300)).build());
    let started = std::time::Instant::now();
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3), "the call timeout cut the slow attempt short");
    assert_eq!(error.kind(), &ErrorKind::Timeout(TimeoutKind::Call));
    assert!(!error.is_retryable());
    assert_eq!(error.metadata().attempts, 2);
    assert!(error.possibly_applied(), "the attempt cut short had been sent");
}

fn skewed(status: u16, server_time: std::time::SystemTime) -> Response {
    Response::new(status, r#"{"message":"Signature expired: 20261125T110000Z is now earlier than 20261125T115500Z"}"#)
        .header("x-amzn-ErrorType", "InvalidSignatureException")
        .header("Date", &httpdate::fmt_http_date(server_time))
}

#[tokio::test]
async fn a_skewed_clock_is_corrected_and_the_request_resent() {
    let server_time = fixed_time();
    let server = Server::start(vec![
        Reply::Respond(skewed(403, server_time)),
        Reply::Respond(Response::success(ARN)),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let local_clock = Arc::new(FixedClock(server_time - Duration::from_secs(3600)));
    let client = Client::new(config(&server.url()).clock(local_clock).build());
    let output = client.transfer_certificate(input()).await.unwrap();
    assert_eq!((output.metadata.attempts, output.metadata.total_retry_delay), (2, Duration::ZERO));
    let dates: Vec<String> = server.requests().iter().map(|r| r.header("x-amz-date").unwrap().to_owned()).collect();
    assert_eq!(dates, ["20261125T110000Z", "20261125T120000Z"]);

    // The offset is kept for the client's later calls.
    client.transfer_certificate(input()).await.unwrap();
    assert_eq!(server.requests()[2].header("x-amz-date"), Some("20261125T120000Z"));
}

#[tokio::test]
async fn an_auth_error_without_skew_is_not_retried() {
    let server = Server::start(vec![Reply::Respond(skewed(403, fixed_time() + Duration::from_secs(60)))]).await;
    let client = Client::new(fixed_clock_config(&server.url()).build());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!((error.kind(), error.metadata().attempts), (&ErrorKind::Auth, 1));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn skew_is_corrected_once_per_call() {
    let far = fixed_time() + Duration::from_secs(7200);
    let server = Server::start(vec![
        Reply::Respond(skewed(403, far)),
        Reply::Respond(skewed(403, far + Duration::from_secs(7200))),
    ])
    .await;
    let error = Client::new(fixed_clock_config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!((error.kind(), error.metadata().attempts), (&ErrorKind::Auth, 2));
}

#[tokio::test]
async fn a_connect_timeout_is_retried_and_reported() {
    // A listener that never accepts, with its accept queue filled: the kernel drops further SYNs,
    // so connecting hangs until the connect timeout.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..8 {
        if let Ok(Ok(stream)) =
            tokio::time::timeout(Duration::from_millis(200), tokio::net::TcpStream::connect(addr)).await
        {
            fillers.push(stream);
        }
    }
    let client = Client::new(
        config(&format!("http://{addr}")).connect_timeout(Duration::from_millis(150)).max_attempts(2).build(),
    );
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::Transport(iot_transfer::runtime::TransportErrorKind::ConnectTimeout),
        "{error:?}"
    );
    assert_eq!((error.code(), error.metadata().attempts), ("TimeoutError", 2));
    assert!(error.is_retryable() && !error.possibly_applied());
    drop(listener);
}

#[test]
fn the_default_connect_timeout_is_3_1_seconds() {
    assert_eq!(iot_transfer::TimeoutConfig::default().connect, Duration::from_millis(3100));
    assert_eq!(
        (iot_transfer::TimeoutConfig::default().attempt, iot_transfer::TimeoutConfig::default().call),
        (None, None)
    );
}
