//! The adaptive retry mode against a loopback server, in virtual time: the rate limiter stays
//! off until the service throttles, then holds every attempt (first ones and retries) to its
//! rate; the standard mode never waits for it.

use crate::support;

use iot_transfer::retry::{RetryConfig, RetryMode};
use iot_transfer::{Client, DescribeCertificateInput};
use std::sync::Arc;
use std::time::Duration;
use support::fixtures::*;
use support::virtual_time::VirtualTime;
use support::{Reply, Response, Server};

fn throttled() -> Reply {
    Reply::Respond(Response::error(400, "ThrottlingException", "Rate exceeded"))
}

fn success() -> Reply {
    Reply::Respond(Response::success(ARN))
}

/// A client in `mode` on virtual time, `attempts` per call, 1 ms backoff base.
fn client(server: &Server, mode: RetryMode, attempts: u32, time: &Arc<VirtualTime>) -> Client {
    let retry = RetryConfig {
        mode,
        max_attempts: attempts,
        initial_backoff: Duration::from_millis(1),
        ..RetryConfig::default()
    };
    Client::new(config(&server.url()).retry(retry).clock(time.clone()).sleep(time.clone()).build())
}

/// Three throttled calls, then seven that succeed, one attempt each; what the client slept.
async fn throttled_then_served(mode: RetryMode) -> Vec<Duration> {
    let replies = (0..3).map(|_| throttled()).chain((0..7).map(|_| success())).collect();
    let server = Server::start(replies).await;
    let time = VirtualTime::starting_at(fixed_time());
    let client = client(&server, mode, 1, &time);
    for call in 0..10 {
        let outcome = client.transfer_certificate(input()).await;
        assert_eq!(outcome.is_ok(), call >= 3, "call {call}");
    }
    assert_eq!(server.requests().len(), 10);
    time.sleeps()
}

#[tokio::test]
async fn the_standard_mode_never_waits_for_a_token() {
    assert!(throttled_then_served(RetryMode::Standard).await.is_empty());
}

#[tokio::test]
async fn the_adaptive_mode_slows_down_once_throttled() {
    let sleeps = throttled_then_served(RetryMode::Adaptive).await;
    // The first call is sent at once; its throttle turns the limiter on at the lowest rate, half
    // a token a second (nothing was measured yet), and it stays there while the service throttles.
    assert_eq!(sleeps.len(), 9, "every call after the first waited for its token: {sleeps:?}");
    assert_eq!(sleeps[..3], [Duration::from_secs(2); 3], "{sleeps:?}");
    // Once calls succeed, CUBIC grows the rate back, bounded by twice the rate measured.
    let recovery = &sleeps[3..];
    assert!(recovery.iter().all(|wait| *wait < Duration::from_secs(2)), "{sleeps:?}");
    assert!(recovery.windows(2).all(|pair| pair[1] <= pair[0]), "the waits shrink: {sleeps:?}");
    assert!(recovery[recovery.len() - 1] < Duration::from_millis(500), "{sleeps:?}");
}

#[tokio::test]
async fn the_limiter_holds_retries_too_and_a_call_still_succeeds() {
    let server = Server::start(vec![throttled(), throttled(), success(), success()]).await;
    let time = VirtualTime::starting_at(fixed_time());
    let client = client(&server, RetryMode::Adaptive, 3, &time);
    let output = client.transfer_certificate(input()).await.unwrap();
    assert_eq!(output.metadata.attempts, 3);
    let limiter_waits = time.slept() - output.metadata.total_retry_delay;
    assert!(limiter_waits >= Duration::from_secs(2), "each retry waited for a token: {:?}", time.sleeps());
    client.transfer_certificate(input()).await.unwrap();
}

#[tokio::test]
async fn other_errors_do_not_turn_the_limiter_on() {
    let mut replies: Vec<Reply> = (0..3).map(|_| Reply::Respond(Response::new(503, ""))).collect();
    replies.push(Reply::Respond(Response::error(404, "ResourceNotFoundException", "no")));
    replies.extend((0..5).map(|_| Reply::Respond(Response::description("INACTIVE"))));
    let server = Server::start(replies).await;
    let time = VirtualTime::starting_at(fixed_time());
    let client = client(&server, RetryMode::Adaptive, 1, &time);
    let describe = || client.describe_certificate(DescribeCertificateInput::new(CERTIFICATE_ID));
    for _ in 0..4 {
        describe().await.unwrap_err();
    }
    for _ in 0..5 {
        describe().await.unwrap();
    }
    assert_eq!(server.requests().len(), 9);
    assert!(time.sleeps().is_empty(), "{:?}", time.sleeps());
}
