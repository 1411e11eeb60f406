//! Cancelling a call: the retries stop, the attempt in flight is dropped, and the error says
//! whether the transfer may have been applied.

use crate::support;

use iot_transfer::runtime::{BoxFuture, Sleep};
use iot_transfer::{Cancellation, CheckTransferInput, Client, ErrorKind, PrepareAndTransferInput};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::fixtures::*;
use support::{Reply, Response, Server};

fn cancel_after(cancellation: &Cancellation, delay: Duration) {
    let cancellation = cancellation.clone();
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        cancellation.cancel();
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_an_attempt_in_flight_drops_it_and_says_it_may_have_been_applied() {
    let server = Server::start(vec![Reply::Hang]).await;
    let client = Client::new(config(&server.url()).build());
    let cancellation = Cancellation::new();
    cancel_after(&cancellation, Duration::from_millis(150));
    let started = Instant::now();
    let error = client.transfer_certificate_cancellable(input(), &cancellation).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!((error.kind(), error.code()), (&ErrorKind::Cancelled, "CancelledError"));
    assert!(error.possibly_applied() && cancellation.possibly_applied());
    assert_eq!(error.metadata().attempts, 1);
    assert!(error.hint().unwrap().contains("may have taken effect"));
    for _ in 0..100 {
        if server.hung_connections_closed() == 1 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the cancelled attempt's connection is still open");
}

/// A backoff that never ends, so that a cancellation surely finds the call waiting to retry.
struct EndlessBackoff;

impl Sleep for EndlessBackoff {
    fn sleep(&self, _duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn cancelling_during_a_backoff_stops_the_retries() {
    let server = Server::start(vec![Reply::Respond(Response::error(400, "ThrottlingException", "slow down"))]).await;
    let client = Client::new(config(&server.url()).sleep(Arc::new(EndlessBackoff)).build());
    let cancellation = Cancellation::new();
    cancel_after(&cancellation, Duration::from_millis(100));
    let error = client.transfer_certificate_cancellable(input(), &cancellation).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled);
    assert!(!error.possibly_applied(), "a throttled attempt was not applied");
    assert_eq!((error.metadata().attempts, server.requests().len()), (1, 1), "no retry after the cancellation");
}

#[tokio::test]
async fn a_call_cancelled_before_it_starts_sends_nothing() {
    let server = Server::start(vec![]).await;
    let cancellation = Cancellation::new();
    cancellation.cancel();
    let error = Client::new(config(&server.url()).build())
        .transfer_certificate_cancellable(input(), &cancellation)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled);
    assert!(!error.possibly_applied() && !cancellation.possibly_applied());
    assert_eq!((error.metadata().attempts, server.requests().len()), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workflow_call_is_cancelled_as_an_operation_is() {
    let id = input().certificate_id;
    let server = Server::start(vec![Reply::Hang]).await;
    let client = Client::new(config(&server.url()).build());
    let cancellation = Cancellation::new();
    cancel_after(&cancellation, Duration::from_millis(150));
    let check = CheckTransferInput::new(&id, "444455556666");
    let error = client.check_transfer_cancellable(check, &cancellation).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled);
    assert_eq!(server.requests().len(), 1, "the check's first call, dropped");

    let cancelled = Cancellation::new();
    cancelled.cancel();
    let prepare = PrepareAndTransferInput { deactivate: true, ..PrepareAndTransferInput::new(&id, "444455556666") };
    let error = client.prepare_and_transfer_cancellable(prepare, &cancelled).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled);
    assert!(!error.possibly_applied());
    assert_eq!(server.requests().len(), 1, "nothing more sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_call_still_says_whether_it_may_have_been_applied() {
    let server = Server::start(vec![Reply::Hang]).await;
    let client = Client::new(config(&server.url()).build());
    let cancellation = Cancellation::new();
    let call = client.transfer_certificate_cancellable(input(), &cancellation);
    assert!(tokio::time::timeout(Duration::from_millis(150), call).await.is_err(), "the call was dropped");
    assert!(cancellation.possibly_applied(), "the dropped attempt had been sent");
}
