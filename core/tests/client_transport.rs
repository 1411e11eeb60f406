//! What the native transport refuses to do: follow a redirect, keep a timed-out attempt's
//! connection open while its retry is sent, or read a body without bound.

use crate::support;

use iot_transfer::protocol::MAX_RESPONSE_BODY;
use iot_transfer::runtime::TransportErrorKind;
use iot_transfer::{Client, ErrorKind};
use std::time::Duration;
use support::fixtures::*;
use support::{Reply, Response, Server};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_to_another_host_is_not_followed() {
    for status in [302, 307] {
        let elsewhere = Server::start(vec![Reply::Respond(Response::success(ARN))]).await;
        let target =
            format!("{}/transfer-certificate/{CERTIFICATE_ID}?targetAwsAccount={TARGET_ACCOUNT}", elsewhere.url());
        let redirect = Response::new(status, "").header("location", &target);
        let server = Server::start(vec![Reply::Respond(redirect)]).await;
        let client = Client::new(config(&server.url()).build());

        let error = client.transfer_certificate(input()).await.unwrap_err();

        assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::Redirect), "{status}");
        assert_eq!(error.http_status(), Some(status));
        assert!(error.message().contains(&target), "{}", error.message());
        assert!(!error.is_retryable() && !error.possibly_applied());
        assert!(error.hint().is_some_and(|hint| hint.contains("do not redirect")));
        assert_eq!(error.metadata().attempts, 1);
        assert_eq!(elsewhere.requests().len(), 0, "HTTP {status}: the other host was called");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_attempt_is_closed_before_its_retry_is_sent() {
    let server = Server::start(vec![Reply::Hang, Reply::Respond(Response::success(ARN))]).await;
    let client = Client::new(config(&server.url()).attempt_timeout(Duration::from_millis(200)).build());

    let output = client.transfer_certificate(input()).await.unwrap();

    assert_eq!(output.metadata.attempts, 2);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].hung_connections_closed_before, 1, "the retry raced the attempt it replaces");
    assert_eq!(server.connections(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_timeout_closes_the_attempt_in_flight() {
    let server = Server::start(vec![Reply::Hang]).await;
    let client = Client::new(config(&server.url()).call_timeout(Duration::from_millis(200)).build());

    let error = client.transfer_certificate(input()).await.unwrap_err();

    assert_eq!(error.code(), "TimeoutError");
    for _ in 0..100 {
        if server.hung_connections_closed() == 1 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the connection of the cancelled attempt is still open");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_is_a_typed_error_with_or_without_a_length() {
    for chunked in [false, true] {
        let server = Server::start(vec![
            Reply::Large { bytes: MAX_RESPONSE_BODY + 1, chunked },
            Reply::Respond(Response::description("INACTIVE")),
        ])
        .await;
        let client = Client::new(config(&server.url()).build());

        let error = client.transfer_certificate(input()).await.unwrap_err();

        assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::BodyTooLarge), "chunked: {chunked}");
        assert!(error.message().contains("larger than the 1048576 byte limit"), "{}", error.message());
        assert!(error.possibly_applied() && !error.is_retryable());
        let methods: Vec<String> = server.requests().into_iter().map(|r| r.method).collect();
        assert_eq!(methods, ["PATCH", "GET"], "not sent again; the certificate is checked");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_at_the_limit_is_read() {
    let server = Server::start(vec![Reply::Large { bytes: MAX_RESPONSE_BODY, chunked: true }]).await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    // Spaces are not JSON: the body was read whole and then refused by the parser.
    assert_eq!(error.kind(), &ErrorKind::InvalidResponse);
}

/// A host transport that answers every request with a 200 whose body is `bytes` long.
struct OversizedAnswer {
    bytes: usize,
}

impl iot_transfer::runtime::HttpTransport for OversizedAnswer {
    fn send(
        &self,
        _request: http::Request<Vec<u8>>,
    ) -> iot_transfer::runtime::BoxFuture<
        '_,
        Result<iot_transfer::runtime::HttpResponse, iot_transfer::runtime::TransportError>,
    > {
        let body = vec![b' '; self.bytes];
        Box::pin(async move {
            Ok(iot_transfer::runtime::HttpResponse { status: 200, headers: http::HeaderMap::new(), body })
        })
    }
}

#[tokio::test]
async fn a_host_transport_is_held_to_the_same_limit() {
    let transport = std::sync::Arc::new(OversizedAnswer { bytes: MAX_RESPONSE_BODY + 1 });
    let client = Client::new(config("https://iot.us-east-1.amazonaws.com").transport(transport).build());

    let error = client.transfer_certificate(input()).await.unwrap_err();

    assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::BodyTooLarge));
    assert_eq!(error.message(), "the HTTP 200 response body is larger than the 1048576 byte limit");
    assert!(error.possibly_applied() && !error.is_retryable());
}
