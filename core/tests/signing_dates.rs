//! Signing times the signer cannot carry, and credentials a header cannot carry, are typed errors
//! before anything is signed or sent: never a panic inside the signer.

use crate::support;

use iot_transfer::runtime::FixedClock;
use iot_transfer::{Client, Credentials, ErrorKind, InputField, ValidationRule};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use support::fixtures::*;
use support::Server;

/// 9999-12-31T23:59:59Z.
fn last_second() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(253_402_300_799)
}

fn assert_signing_date_error(error: &iot_transfer::Error) {
    let ErrorKind::Validation(validation) = error.kind() else { panic!("not a validation error: {error}") };
    assert_eq!(validation.field(), InputField::SigningDate);
    assert_eq!(validation.rule(), &ValidationRule::SigningDateRange);
    assert_eq!(error.code(), "ValidationError");
    assert_eq!(error.message(), "signingDate must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
}

#[tokio::test]
async fn times_outside_1970_to_9999_are_validation_errors() {
    let client = Client::new(config("https://iot.us-east-1.amazonaws.com").build());
    for time in [
        UNIX_EPOCH - Duration::from_millis(1),
        UNIX_EPOCH - Duration::from_secs(86_400 * 365 * 3000),
        last_second() + Duration::from_secs(1),
        UNIX_EPOCH + Duration::from_secs(u64::from(u32::MAX) * 1000),
    ] {
        let error = client.sign_transfer_certificate_at(input(), time).await.unwrap_err();
        assert_signing_date_error(&error);
    }
}

#[tokio::test]
async fn the_first_and_last_representable_seconds_sign() {
    let client = Client::new(config("https://iot.us-east-1.amazonaws.com").build());
    for (time, stamp) in
        [(UNIX_EPOCH, "19700101T000000Z"), (last_second() + Duration::from_millis(999), "99991231T235959Z")]
    {
        let signed = client.sign_transfer_certificate_at(input(), time).await.unwrap();
        assert_eq!(signed.header("x-amz-date"), Some(stamp));
    }
}

#[tokio::test]
async fn a_clock_beyond_9999_sends_nothing() {
    let server = Server::start(vec![]).await;
    let clock = Arc::new(FixedClock(last_second() + Duration::from_secs(60)));
    let client = Client::new(config(&server.url()).clock(clock).build());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_signing_date_error(&error);
    assert_eq!(error.metadata().attempts, 0);
    assert_eq!(server.requests().len(), 0);
}

#[tokio::test]
async fn credentials_a_header_cannot_carry_are_a_credentials_error() {
    for (key, token, named) in [
        ("AKID\nEXAMPLE", None, "access key id"),
        ("AKIDEXAMPLE", Some("token\r\nx-injected: 1".to_owned()), "session token"),
    ] {
        let client = Client::new(
            config("https://iot.us-east-1.amazonaws.com")
                .credentials(Credentials::new(key, SECRET, token, None))
                .build(),
        );
        let error = client.sign_transfer_certificate_at(input(), fixed_time()).await.unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::Credentials);
        assert!(error.message().contains(named), "{}", error.message());
        assert!(!error.message().contains("injected"), "the message echoes a secret: {}", error.message());
    }
}
