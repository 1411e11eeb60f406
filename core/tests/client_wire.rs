//! The client against a loopback server: the exact wire request, the output, connection reuse.

use crate::support;

use iot_transfer::{Client, ErrorKind};
use std::time::Duration;
use support::fixtures::*;
use support::{Reply, Response, Server};

#[tokio::test]
async fn sends_the_exact_signed_request_and_returns_the_arn() {
    let server = Server::start(vec![Reply::Respond(Response::success(ARN))]).await;
    let client = Client::new(fixed_clock_config(&server.url()).build());
    let output = client.transfer_certificate(input().with_transfer_message("hello \"world\"\n✓")).await.unwrap();

    assert_eq!(output.transferred_certificate_arn, ARN);
    assert_eq!(output.metadata.http_status, Some(200));
    assert_eq!(output.metadata.request_id.as_deref(), Some("req-200"));
    assert_eq!((output.metadata.attempts, output.metadata.total_retry_delay), (1, Duration::ZERO));

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.target, format!("/transfer-certificate/{CERTIFICATE_ID}?targetAwsAccount={TARGET_ACCOUNT}"));
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("x-amz-date"), Some("20261125T120000Z"));
    assert_eq!(request.header("x-amz-security-token"), Some(TOKEN));
    assert_eq!(request.header("host"), Some(server.url().trim_start_matches("http://")));
    let agent = request.header("user-agent").unwrap();
    assert!(agent.starts_with(&format!("iot-transfer/{} lang/rust", env!("CARGO_PKG_VERSION"))), "{agent}");
    let authorization = request.header("authorization").unwrap();
    assert!(
        authorization.starts_with(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/iot/aws4_request, \
             SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="
        ),
        "{authorization}"
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, serde_json::json!({ "transferMessage": "hello \"world\"\n✓" }));
}

#[tokio::test]
async fn without_a_message_the_body_is_an_empty_object() {
    let server = Server::start(vec![Reply::Respond(Response::success(ARN))]).await;
    Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap();
    assert_eq!(server.requests()[0].body, b"{}");
}

#[tokio::test]
async fn a_certificate_arn_is_sent_as_its_id() {
    let server = Server::start(vec![Reply::Respond(Response::success(ARN))]).await;
    let client = Client::new(config(&server.url()).build());
    client.transfer_certificate(iot_transfer::TransferCertificateInput::new(ARN, TARGET_ACCOUNT)).await.unwrap();
    assert!(server.requests()[0].target.starts_with(&format!("/transfer-certificate/{CERTIFICATE_ID}?")));
}

#[tokio::test]
async fn a_client_and_its_clones_reuse_one_connection() {
    let server = Server::start((0..4).map(|_| Reply::Respond(Response::success(ARN))).collect()).await;
    let client = Client::new(config(&server.url()).build());
    let clone = client.clone();
    for c in [&client, &clone, &client, &clone] {
        c.transfer_certificate(input()).await.unwrap();
    }
    assert_eq!(server.requests().len(), 4);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn the_signing_only_call_returns_what_would_be_sent() {
    let server = Server::start(vec![Reply::Respond(Response::success(ARN))]).await;
    let client = Client::new(fixed_clock_config(&server.url()).build());
    let signed = client.sign_transfer_certificate(input()).await.unwrap();
    client.transfer_certificate(input()).await.unwrap();
    let sent = &server.requests()[0];
    assert_eq!(server.requests().len(), 1, "signing alone sends nothing");
    assert_eq!(signed.method, sent.method);
    assert_eq!(signed.url, format!("{}{}", server.url(), sent.target));
    for (name, value) in &signed.headers {
        assert_eq!(sent.header(name), Some(value.as_str()), "{name}");
    }
    assert_eq!(signed.body.as_bytes(), sent.body);
    assert!(!format!("{signed:?}").contains(TOKEN), "Debug must redact the session token");
}

#[tokio::test]
async fn validation_errors_send_nothing() {
    let server = Server::start(vec![]).await;
    let client = Client::new(config(&server.url()).build());
    let error =
        client.transfer_certificate(iot_transfer::TransferCertificateInput::new("nope", "1")).await.unwrap_err();
    let ErrorKind::Validation(validation) = error.kind() else { panic!("{error:?}") };
    assert_eq!(validation.field(), iot_transfer::InputField::CertificateId);
    assert_eq!(error.code(), "ValidationError");
    assert_eq!(error.metadata().attempts, 0);
    assert!(error.to_string().contains("certificateId must be exactly 64 characters"), "{error}");
    assert!(server.requests().is_empty());
}
