//! The settling of an accept, reject or cancel whose outcome is unknown: the state check's
//! response read, classified and turned into the call's answer, as the client does
//! (`iot_transfer::settle_probe`).
//!
//! Input: a first line naming the end asked for (`accept`, `reject` or `cancel`) and any of the
//! words `active` (an accept's `setAsActive`), `applied` (an attempt may have been applied) and
//! `completed` (the service said the transfer had already ended); then the `DescribeCertificate`
//! response as `text::http_response` reads it.

use super::text::http_response;
use iot_transfer::operation::describe_certificate::{self, CertificateStatus};
use iot_transfer::settle_probe::settle_end;

/// Checks that settling never panics and is deterministic, and that
/// - a call is answered as a success only when an attempt of it may have been applied: no
///   success is reported for an end this call cannot have made;
/// - a failure says the call may still have been applied only when an attempt may have been;
/// - a certificate found still PENDING_TRANSFER is never a success;
/// - a check that could not read the state (an error other than not found) is never a success,
///   and its hint sends the caller to `DescribeCertificate` before trying again;
/// - every failure has a hint.
pub fn check(data: &[u8]) {
    let Some(newline) = data.iter().position(|b| *b == b'\n') else { return };
    let Ok(line) = std::str::from_utf8(&data[..newline]) else { return };
    let mut words = line.split_whitespace();
    let Some(end) = words.next() else { return };
    let flags: Vec<&str> = words.collect();
    let (active, applied, completed) =
        (flags.contains(&"active"), flags.contains(&"applied"), flags.contains(&"completed"));
    let Some((status, headers, body)) = http_response(&data[newline + 1..]) else { return };
    let Some(outcome) = settle_end(end, active, applied, completed, (status, &headers, body)) else { return };
    let again = settle_end(end, active, applied, completed, (status, &headers, body));
    assert_eq!(Some(&outcome), again.as_ref(), "settling is not deterministic");

    if outcome.succeeded {
        assert!(applied, "a success for an end no attempt of this call may have made");
    } else {
        assert!(outcome.hint.as_deref().is_some_and(|hint| !hint.is_empty()), "a failure without a hint");
        assert!(
            applied || !outcome.possibly_applied,
            "a failure said to be possibly applied, but no attempt may have been"
        );
    }
    match describe_certificate::parse_response(status, &headers, body) {
        Ok(description) if description.status == Some(CertificateStatus::PendingTransfer) => {
            assert!(!outcome.succeeded, "a success while the certificate is still PENDING_TRANSFER");
        }
        Ok(_) => {}
        Err(error) if error.kind() == &iot_transfer::ErrorKind::ResourceNotFound => {}
        Err(_) => {
            assert!(!outcome.succeeded, "a success from a state that could not be read");
            let hint = outcome.hint.unwrap_or_default();
            assert!(
                hint.contains("DescribeCertificate"),
                "an unreadable state's hint does not say how to check it: {hint}"
            );
        }
    }
}
