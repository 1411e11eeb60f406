//! The transfer rules as AWS documents them, through signed HTTP calls.

use crate::support;

use serde_json::json;
use support::{outsider, source, target, Client};

#[tokio::test]
async fn an_active_certificate_cannot_be_transferred() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(true).await;
    source.transfer(&id, "444455556666", None).await.assert_error(406, "CertificateStateException");
    assert_eq!(source.description(&id).await["status"], "ACTIVE");
}

#[tokio::test]
async fn a_certificate_with_policies_cannot_be_transferred() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, arn) = source.create_certificate(false).await;
    source.create_policy("p1").await.assert_ok();
    source.attach_policy("p1", &arn).await.assert_ok();
    let refused = source.transfer(&id, "444455556666", None).await;
    refused.assert_error(409, "TransferConflictException");
    assert!(refused.message().contains("p1"), "{}", refused.message());
    source.detach_policy("p1", &arn).await.assert_ok();
    source.transfer(&id, "444455556666", None).await.assert_ok();
}

#[tokio::test]
async fn a_pending_transfer_shows_in_the_description_and_both_lists() {
    let emulator = support::start().await;
    let (source, target) = (Client::new(&emulator, source()), Client::new(&emulator, target()));
    let (id, arn) = source.create_certificate(false).await;
    let reply = source.transfer(&id, "444455556666", Some("hello")).await;
    reply.assert_ok();
    assert_eq!(reply.json(), json!({ "transferredCertificateArn": arn }));

    let description = source.description(&id).await;
    assert_eq!(description["status"], "PENDING_TRANSFER");
    assert_eq!(description["ownedBy"], "111122223333");
    assert_eq!(description["transferData"]["transferMessage"], "hello");
    assert!(description["transferData"]["transferDate"].is_number());
    assert!(description["creationDate"].is_number());

    let outgoing = source.call("GET", "/certificates-out-going", None).await.json();
    assert_eq!(outgoing["outgoingCertificates"][0]["certificateId"], id.as_str());
    assert_eq!(outgoing["outgoingCertificates"][0]["transferredTo"], "444455556666");
    let incoming = target.call("GET", "/certificates", None).await.json();
    assert_eq!(incoming["certificates"][0]["status"], "PENDING_TRANSFER");
    assert_eq!(target.description(&id).await["status"], "PENDING_TRANSFER");
    source.update_status(&id, "ACTIVE").await.assert_error(406, "CertificateStateException");
    source.transfer(&id, "444455556666", None).await.assert_error(406, "CertificateStateException");
}

#[tokio::test]
async fn accepting_moves_ownership_and_cannot_be_repeated() {
    let emulator = support::start().await;
    let (source, target) = (Client::new(&emulator, source()), Client::new(&emulator, target()));
    let (id, _) = source.create_certificate(false).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();
    target.accept(&id, true).await.assert_ok();

    let description = target.description(&id).await;
    assert_eq!(description["status"], "ACTIVE");
    assert_eq!(description["ownedBy"], "444455556666");
    assert_eq!(description["previousOwnedBy"], "111122223333");
    assert_eq!(description["certificateArn"], format!("arn:aws:iot:{}:444455556666:cert/{id}", support::REGION));
    assert!(description["transferData"]["acceptDate"].is_number());
    source.describe(&id).await.assert_error(404, "ResourceNotFoundException");

    target.accept(&id, false).await.assert_error(410, "TransferAlreadyCompletedException");
    target.reject(&id, None).await.assert_error(410, "TransferAlreadyCompletedException");
    source.cancel(&id).await.assert_error(410, "TransferAlreadyCompletedException");
}

#[tokio::test]
async fn accepting_without_set_as_active_leaves_it_inactive() {
    let emulator = support::start().await;
    let (source, target) = (Client::new(&emulator, source()), Client::new(&emulator, target()));
    let (id, _) = source.create_certificate(false).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();
    target.call("PATCH", &format!("/accept-certificate-transfer/{id}"), None).await.assert_ok();
    assert_eq!(target.description(&id).await["status"], "INACTIVE");
}

#[tokio::test]
async fn rejecting_returns_it_inactive_with_the_reason() {
    let emulator = support::start().await;
    let (source, target) = (Client::new(&emulator, source()), Client::new(&emulator, target()));
    let (id, _) = source.create_certificate(false).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();
    target.reject(&id, Some("wrong fleet")).await.assert_ok();
    let description = source.description(&id).await;
    assert_eq!(description["status"], "INACTIVE");
    assert_eq!(description["ownedBy"], "111122223333");
    assert_eq!(description["transferData"]["rejectReason"], "wrong fleet");
    assert!(description["transferData"]["rejectDate"].is_number());
    target.describe(&id).await.assert_error(404, "ResourceNotFoundException");
    target.accept(&id, false).await.assert_error(410, "TransferAlreadyCompletedException");
    source.cancel(&id).await.assert_error(410, "TransferAlreadyCompletedException");
}

#[tokio::test]
async fn cancelling_returns_it_inactive_and_ends_the_transfer() {
    let emulator = support::start().await;
    let (source, target) = (Client::new(&emulator, source()), Client::new(&emulator, target()));
    let (id, _) = source.create_certificate(false).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();
    source.cancel(&id).await.assert_ok();
    assert_eq!(source.description(&id).await["status"], "INACTIVE");
    target.accept(&id, false).await.assert_error(410, "TransferAlreadyCompletedException");
    source.cancel(&id).await.assert_error(410, "TransferAlreadyCompletedException");
    // A new transfer may follow.
    source.transfer(&id, "444455556666", None).await.assert_ok();
}

#[tokio::test]
async fn only_the_target_answers_and_only_the_source_cancels() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let target = Client::new(&emulator, target());
    let outsider = Client::new(&emulator, outsider());
    let (id, _) = source.create_certificate(false).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();

    source.accept(&id, false).await.assert_error(401, "UnauthorizedException");
    source.reject(&id, None).await.assert_error(401, "UnauthorizedException");
    target.cancel(&id).await.assert_error(401, "UnauthorizedException");
    outsider.accept(&id, false).await.assert_error(404, "ResourceNotFoundException");
    outsider.cancel(&id).await.assert_error(404, "ResourceNotFoundException");
    outsider.describe(&id).await.assert_error(404, "ResourceNotFoundException");
    target.update_status(&id, "ACTIVE").await.assert_error(401, "UnauthorizedException");
    assert_eq!(source.description(&id).await["status"], "PENDING_TRANSFER");
}

#[tokio::test]
async fn unknown_certificates_are_not_found() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let unknown = "ab".repeat(32);
    source.describe(&unknown).await.assert_error(404, "ResourceNotFoundException");
    source.transfer(&unknown, "444455556666", None).await.assert_error(404, "ResourceNotFoundException");
    source.accept(&unknown, false).await.assert_error(404, "ResourceNotFoundException");
    source.cancel(&unknown).await.assert_error(404, "ResourceNotFoundException");
}

#[tokio::test]
async fn invalid_input_is_an_invalid_request() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(false).await;
    source.describe(&id[1..]).await.assert_error(400, "InvalidRequestException");
    source.describe(&format!("{}zz", &id[2..])).await.assert_error(400, "InvalidRequestException");
    source.transfer(&id, "4444555566", None).await.assert_error(400, "InvalidRequestException");
    source.transfer(&id, "44445555666x", None).await.assert_error(400, "InvalidRequestException");
    source.transfer(&id, "111122223333", None).await.assert_error(400, "InvalidRequestException");
    let long = "m".repeat(129);
    source.transfer(&id, "444455556666", Some(&long)).await.assert_error(400, "InvalidRequestException");
    source
        .call("PATCH", &format!("/transfer-certificate/{id}"), None)
        .await
        .assert_error(400, "InvalidRequestException");
    source.update_status(&id, "PENDING_TRANSFER").await.assert_error(400, "InvalidRequestException");
    source.update_status(&id, "SHINY").await.assert_error(400, "InvalidRequestException");
    let garbage = source.request("PATCH", &format!("/transfer-certificate/{id}?targetAwsAccount=444455556666"), None);
    let (parts, _) = garbage.into_parts();
    let mut broken = http::Request::from_parts(parts, http_body_util::Full::new(bytes::Bytes::from_static(b"{")));
    // Re-sign with the broken body so that only the JSON is wrong.
    support::sign_request(&mut broken, b"{", &source.account, source.signing_time(), "iot");
    support::send(source.addr, broken).await.unwrap().assert_error(400, "InvalidRequestException");
    // The upper-case form of an ID names the same certificate.
    assert_eq!(source.description(&id.to_ascii_uppercase()).await["certificateId"], id.as_str());
}

#[tokio::test]
async fn revoked_certificates_stay_revoked_and_updates_are_idempotent() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let (id, _) = source.create_certificate(true).await;
    source.update_status(&id, "ACTIVE").await.assert_ok();
    assert_eq!(source.description(&id).await["customerVersion"], 1);
    source.update_status(&id, "REVOKED").await.assert_ok();
    source.update_status(&id, "ACTIVE").await.assert_error(406, "CertificateStateException");
    source.transfer(&id, "444455556666", None).await.assert_error(406, "CertificateStateException");
}
