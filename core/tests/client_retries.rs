//! Retries in the standard mode against a loopback server: transient failures, throttling,
//! dropped and refused connections, backoff accounting and the retry quota.

mod support;

use iot_transfer::runtime::TransportErrorKind;
use iot_transfer::{Client, ErrorKind, RetryConfig};
use std::time::Duration;
use support::fixtures::*;
use support::{Reply, Response, Server};

#[tokio::test]
async fn two_503s_then_success() {
    let server = Server::start(vec![
        Reply::Respond(Response::error(503, "ServiceUnavailableException", "busy")),
        Reply::Respond(Response::new(503, "")),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let output = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap();
    assert_eq!(output.transferred_certificate_arn, ARN);
    assert_eq!(output.metadata.attempts, 3);
    // Full jitter: each delay is at most base * 2^(i-1) = 1 ms, then 2 ms.
    assert!(output.metadata.total_retry_delay <= Duration::from_millis(3), "{:?}", output.metadata);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.target == requests[0].target && r.body == requests[0].body));
}

#[tokio::test]
async fn backoff_delays_are_reported_and_respected() {
    let server = Server::start(vec![
        Reply::Respond(Response::new(500, "")),
        Reply::Respond(Response::new(500, "")),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let retry = RetryConfig { initial_backoff: Duration::from_millis(40), ..RetryConfig::default() };
    let client = Client::new(config(&server.url()).retry(retry).build());
    let started = std::time::Instant::now();
    let output = client.transfer_certificate(input()).await.unwrap();
    let delay = output.metadata.total_retry_delay;
    assert!(delay <= Duration::from_millis(120), "at most 40 ms + 80 ms: {delay:?}");
    assert!(started.elapsed() >= delay, "the client waited the delays it reports");
}

#[tokio::test]
async fn a_throttling_burst_exhausts_the_attempts() {
    let replies =
        (0..5).map(|_| Reply::Respond(Response::error(400, "ThrottlingException", "Rate exceeded"))).collect();
    let server = Server::start(replies).await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Throttling);
    assert!(error.is_throttling() && error.is_retryable());
    assert_eq!(error.metadata().attempts, 3);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_throttling_burst_that_ends_succeeds() {
    let server = Server::start(vec![
        Reply::Respond(Response::new(429, "")),
        Reply::Respond(Response::error(400, "ThrottlingException", "Rate exceeded")),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let output = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap();
    assert_eq!(output.metadata.attempts, 3);
}

#[tokio::test]
async fn max_attempts_is_configurable() {
    let replies = (0..5).map(|_| Reply::Respond(Response::new(503, ""))).collect();
    let server = Server::start(replies).await;
    let client = Client::new(config(&server.url()).max_attempts(5).build());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.metadata().attempts, 5);

    let server = Server::start(vec![Reply::Respond(Response::new(503, ""))]).await;
    let client = Client::new(config(&server.url()).max_attempts(1).build());
    assert_eq!(client.transfer_certificate(input()).await.unwrap_err().metadata().attempts, 1);
}

#[tokio::test]
async fn a_dropped_connection_is_retried_and_flagged_as_possibly_applied() {
    let server = Server::start(vec![Reply::Drop, Reply::Respond(Response::success(ARN))]).await;
    let output = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap();
    assert_eq!(output.metadata.attempts, 2);

    let server =
        Server::start(vec![Reply::Drop, Reply::Drop, Reply::Drop, Reply::Respond(Response::description("INACTIVE"))])
            .await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::Io), "{error:?}");
    assert_eq!((error.metadata().attempts, error.http_status()), (3, None));
    assert!(error.possibly_applied(), "the request reached the server before the connection dropped");
    assert!(error.hint().is_some_and(|h| h.contains("DescribeCertificate")));
}

#[tokio::test]
async fn a_refused_connection_is_retried_and_not_possibly_applied() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let error = Client::new(config(&url).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::Connect), "{error:?}");
    assert_eq!(error.metadata().attempts, 3);
    assert!(!error.possibly_applied());
    assert!(error.message().contains("connect"), "{}", error.message());
}

/// A retryable error that says nothing was applied, so no state check follows it.
fn throttled() -> Response {
    Response::error(400, "ThrottlingException", "slow down")
}

#[tokio::test]
async fn the_retry_quota_stops_retries_when_empty_and_refills_on_success() {
    // 500 tokens at 5 per retry: 50 calls of 3 failing attempts spend 500.
    let server = Server::start(vec![]).await;
    for _ in 0..150 {
        server.push(Reply::Respond(throttled()));
    }
    let client = Client::new(config(&server.url()).build());
    for _ in 0..50 {
        assert_eq!(client.transfer_certificate(input()).await.unwrap_err().metadata().attempts, 3);
    }
    server.push(Reply::Respond(throttled()));
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.metadata().attempts, 1, "an empty quota returns the error instead of retrying");

    // A first-try success refunds one token: not enough for a retry (5).
    server.push(Reply::Respond(Response::success(ARN)));
    client.transfer_certificate(input()).await.unwrap();
    server.push(Reply::Respond(throttled()));
    assert_eq!(client.transfer_certificate(input()).await.unwrap_err().metadata().attempts, 1);

    // A client without the quota keeps retrying.
    let unlimited =
        RetryConfig { use_retry_quota: false, initial_backoff: Duration::from_millis(1), ..RetryConfig::default() };
    let client = Client::new(config(&server.url()).retry(unlimited).build());
    for _ in 0..3 {
        server.push(Reply::Respond(throttled()));
    }
    assert_eq!(client.transfer_certificate(input()).await.unwrap_err().metadata().attempts, 3);
}

#[tokio::test]
async fn a_success_after_retries_gives_back_only_its_last_retry() {
    // botocore RetryQuotaChecker.release_retry_quota and @smithy/util-retry recordSuccess: the
    // success of a call retried twice (10 tokens) gives back 5, the cost of the retry that
    // succeeded, leaving 495: enough for 49 calls of two retries, and one retry more.
    let server = Server::start(vec![
        Reply::Respond(Response::new(503, "")),
        Reply::Respond(Response::new(503, "")),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let client = Client::new(config(&server.url()).build());
    assert_eq!(client.transfer_certificate(input()).await.unwrap().metadata.attempts, 3);
    for _ in 0..(49 * 3 + 2) {
        server.push(Reply::Respond(throttled()));
    }
    for _ in 0..49 {
        assert_eq!(client.transfer_certificate(input()).await.unwrap_err().metadata().attempts, 3);
    }
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.metadata().attempts, 2, "5 tokens left: one retry, not two");
}
