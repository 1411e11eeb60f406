//! SigV4 verification: who may call, with what signature, at what time.

use crate::support;

use iot_emulator::accounts::Account;
use std::time::{Duration, SystemTime};
use support::{send, sign_request, source, unsigned, Client};

#[tokio::test]
async fn a_correct_signature_is_accepted_and_every_reply_has_an_id_and_a_date() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let ok = source.call("GET", "/certificates", None).await;
    ok.assert_ok();
    let refused = source.describe(&"0".repeat(64)).await;
    for reply in [&ok, &refused] {
        let request_id = reply.headers["x-amzn-requestid"].to_str().unwrap();
        assert_eq!(request_id.len(), 36, "{request_id}");
        let date = httpdate::parse_http_date(reply.headers["date"].to_str().unwrap()).unwrap();
        let difference = SystemTime::now().duration_since(date).unwrap_or_default();
        assert!(difference < Duration::from_secs(5));
    }
    assert_ne!(ok.headers["x-amzn-requestid"], refused.headers["x-amzn-requestid"]);
}

#[tokio::test]
async fn a_wrong_secret_is_an_invalid_signature() {
    let emulator = support::start().await;
    let impostor = Client::new(&emulator, Account::new("111122223333", "AKIATESTSOURCE", "guessed"));
    let reply = impostor.call("GET", "/certificates", None).await;
    reply.assert_error(403, "InvalidSignatureException");
    assert!(reply.message().starts_with("The request signature we calculated does not match"), "{}", reply.message());
}

#[tokio::test]
async fn a_request_changed_after_signing_is_refused() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let mut request = source.request(
        "PATCH",
        &format!("/transfer-certificate/{}?targetAwsAccount=444455556666", "a".repeat(64)),
        None,
    );
    *request.uri_mut() =
        format!("/transfer-certificate/{}?targetAwsAccount=777788889999", "a".repeat(64)).parse().unwrap();
    send(source.addr, request).await.unwrap().assert_error(403, "InvalidSignatureException");
}

#[tokio::test]
async fn an_unknown_key_is_an_unrecognized_client() {
    let emulator = support::start().await;
    let stranger = Client::new(&emulator, Account::new("999999999999", "AKIANOBODY", "secret"));
    stranger.call("GET", "/certificates", None).await.assert_error(403, "UnrecognizedClientException");
}

#[tokio::test]
async fn no_signature_is_a_missing_token() {
    let emulator = support::start().await;
    let reply =
        send(emulator.local_addr(), unsigned(emulator.local_addr(), "GET", "/certificates", b"")).await.unwrap();
    reply.assert_error(403, "MissingAuthenticationTokenException");
}

#[tokio::test]
async fn a_stale_or_future_time_is_refused() {
    let emulator = support::start().await;
    let mut late = Client::new(&emulator, source());
    late.clock_offset_seconds = -16 * 60;
    let reply = late.call("GET", "/certificates", None).await;
    reply.assert_error(403, "InvalidSignatureException");
    assert!(reply.message().starts_with("Signature expired: "), "{}", reply.message());
    assert!(reply.message().ends_with(" - 15 min.)"), "{}", reply.message());

    let mut early = Client::new(&emulator, source());
    early.clock_offset_seconds = 16 * 60;
    let reply = early.call("GET", "/certificates", None).await;
    reply.assert_error(403, "InvalidSignatureException");
    assert!(reply.message().starts_with("Signature not yet current: "), "{}", reply.message());

    let mut slightly_off = Client::new(&emulator, source());
    slightly_off.clock_offset_seconds = -14 * 60;
    slightly_off.call("GET", "/certificates", None).await.assert_ok();
}

#[tokio::test]
async fn the_scope_must_name_iot() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let mut request = unsigned(addr, "GET", "/certificates", b"");
    sign_request(&mut request, b"", &source(), SystemTime::now(), "s3");
    let reply = send(addr, request).await.unwrap();
    reply.assert_error(403, "InvalidSignatureException");
    assert!(reply.message().contains("'iot'"), "{}", reply.message());
}

#[tokio::test]
async fn a_malformed_authorization_header_is_an_incomplete_signature() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let mut request = unsigned(addr, "GET", "/certificates", b"");
    request.headers_mut().insert("authorization", "AWS4-HMAC-SHA256 Credential=AKIATESTSOURCE/x".parse().unwrap());
    send(addr, request).await.unwrap().assert_error(403, "IncompleteSignatureException");
}

#[tokio::test]
async fn an_encoded_arn_in_the_path_verifies() {
    // The official clients percent-encode the ARN label and sign the path double-encoded.
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (_, arn) = source.create_certificate(false).await;
    let encoded = arn.replace(':', "%3A").replace('/', "%2F");
    let reply = source.call("POST", &format!("/attached-policies/{encoded}"), None).await;
    reply.assert_ok();
    assert_eq!(reply.json()["policies"], serde_json::json!([]));
}

#[tokio::test]
async fn session_tokens_are_signed_like_any_header() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let addr = emulator.local_addr();
    let mut request = unsigned(addr, "GET", "/certificates", b"");
    request.headers_mut().insert("x-amz-security-token", "token-from-sts".parse().unwrap());
    sign_request(&mut request, b"", &source.account, SystemTime::now(), "iot");
    send(addr, request).await.unwrap().assert_ok();
}
