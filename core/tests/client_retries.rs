//! Retries in the standard mode against a loopback server: transient failures, throttling,
//! dropped and refused connections, backoff accounting, the service's retry-after hints and the
//! retry quota.

use crate::support;

use iot_transfer::runtime::TransportErrorKind;
use iot_transfer::{Client, DescribeCertificateInput, ErrorKind, RetryConfig};
use std::sync::Arc;
use std::time::Duration;
use support::fixtures::*;
use support::virtual_time::VirtualTime;
use support::{Reply, Response, Server};

/// A client of `server` with the tests' 1 ms backoff base, on virtual time: it waits for nothing
/// and `time` tells what it would have waited.
fn virtual_client(server: &Server, time: &Arc<VirtualTime>) -> Client {
    Client::new(config(&server.url()).clock(time.clone()).sleep(time.clone()).build())
}

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
    // Full jitter: each delay is at most base * 2^(i-1) = 1 ms, then 2 ms (the base is 1 ms here).
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
async fn throttling_backs_off_from_a_larger_base() {
    // With a 1 ms base, a throttling error backs off from 20 ms (the SDKs' 1 s against 50 ms).
    let replies = (0..3).map(|_| Reply::Respond(Response::error(400, "ThrottlingException", "slow down"))).collect();
    let server = Server::start(replies).await;
    let time = VirtualTime::starting_at(fixed_time());
    let error = virtual_client(&server, &time).transfer_certificate(input()).await.unwrap_err();
    let sleeps = time.sleeps();
    assert_eq!(sleeps.len(), 2);
    assert!(sleeps[0] <= Duration::from_millis(20) && sleeps[1] <= Duration::from_millis(40), "{sleeps:?}");
    assert_eq!(error.metadata().total_retry_delay, time.slept());
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
    // 500 tokens at 5 per throttling retry: 50 calls of 3 failing attempts spend 500.
    let server = Server::start(vec![]).await;
    for _ in 0..150 {
        server.push(Reply::Respond(throttled()));
    }
    let client = virtual_client(&server, &VirtualTime::starting_at(fixed_time()));
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
async fn a_transient_retry_costs_14_and_a_throttling_retry_5() {
    // 17 calls of 3 failed attempts (503, idempotent, so no state check) spend 17 * 28 = 476 of
    // the 500 tokens; 24 are left: one more transient retry (10 left), not two; then no
    // transient retry at all, but two throttling ones.
    let server = Server::start(vec![]).await;
    for _ in 0..(17 * 3 + 2 + 1) {
        server.push(Reply::Respond(Response::new(503, "")));
    }
    for _ in 0..3 {
        server.push(Reply::Respond(throttled()));
    }
    let client = virtual_client(&server, &VirtualTime::starting_at(fixed_time()));
    let describe = || client.describe_certificate(DescribeCertificateInput::new(CERTIFICATE_ID));
    for _ in 0..17 {
        assert_eq!(describe().await.unwrap_err().metadata().attempts, 3);
    }
    assert_eq!(describe().await.unwrap_err().metadata().attempts, 2, "24 tokens: one retry at 14");
    assert_eq!(describe().await.unwrap_err().metadata().attempts, 1, "10 tokens: no retry at 14");
    assert_eq!(describe().await.unwrap_err().metadata().attempts, 3, "10 tokens: two retries at 5");
}

#[tokio::test]
async fn a_success_after_retries_gives_back_only_its_last_retry() {
    // botocore RetryQuotaChecker.release_retry_quota and @smithy/core recordSuccess: the success
    // of a call retried after a 503 (14 tokens) and then after a throttle (5) gives back 5, the
    // cost of the retry that succeeded, leaving 486: enough for 48 calls of two throttling
    // retries (480), and one retry more.
    let server = Server::start(vec![
        Reply::Respond(Response::new(503, "")),
        Reply::Respond(throttled()),
        Reply::Respond(Response::success(ARN)),
    ])
    .await;
    let client = virtual_client(&server, &VirtualTime::starting_at(fixed_time()));
    assert_eq!(client.transfer_certificate(input()).await.unwrap().metadata.attempts, 3);
    for _ in 0..(48 * 3 + 2) {
        server.push(Reply::Respond(throttled()));
    }
    for _ in 0..48 {
        assert_eq!(client.transfer_certificate(input()).await.unwrap_err().metadata().attempts, 3);
    }
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.metadata().attempts, 2, "6 tokens left: one retry, not two");
}

/// What a client on virtual time waits before retrying once after `failure`.
async fn wait_after(failure: Response) -> Duration {
    let server = Server::start(vec![Reply::Respond(failure), Reply::Respond(Response::success(ARN))]).await;
    let time = VirtualTime::starting_at(fixed_time());
    let output = virtual_client(&server, &time).transfer_certificate(input()).await.unwrap();
    assert_eq!(output.metadata.attempts, 2);
    assert_eq!(time.sleeps().len(), 1);
    assert_eq!(output.metadata.total_retry_delay, time.slept());
    time.slept()
}

#[tokio::test]
async fn the_services_retry_after_hint_lengthens_the_wait_by_at_most_5_s() {
    // The backoff is at most 20 ms here (1 ms base, throttled), so the hint decides.
    assert_eq!(wait_after(throttled().header("x-amz-retry-after", "3000")).await, Duration::from_secs(3));
    assert_eq!(wait_after(Response::new(503, "").header("Retry-After", "2")).await, Duration::from_secs(2));
    let capped = wait_after(throttled().header("x-amz-retry-after", "60000")).await;
    assert!((Duration::from_secs(5)..=Duration::from_millis(5020)).contains(&capped), "{capped:?}");
    let ignored = wait_after(throttled().header("x-amz-retry-after", "1.5")).await;
    assert!(ignored <= Duration::from_millis(20), "botocore ignores a fraction: {ignored:?}");
}

#[tokio::test]
async fn a_retry_after_date_counts_from_the_services_clock() {
    // The service's clock is an hour ahead (its Date header): a Retry-After date 4 s after its
    // Date is a 4 s wait, not an hour and 4 s (which would be cut to 5 s and some).
    let service_now = fixed_time() + Duration::from_secs(3600);
    let retry_at = service_now + Duration::from_secs(4);
    let failure = throttled()
        .header("Date", &httpdate::fmt_http_date(service_now))
        .header("Retry-After", &httpdate::fmt_http_date(retry_at));
    assert_eq!(wait_after(failure).await, Duration::from_secs(4));
}
