//! What to tell the user after the client checked a certificate's state: hints that say what the
//! check found and never advise undoing a transfer that may be the caller's own.

use crate::error::Error;
use crate::operation::describe_certificate::CertificateStatus;
use crate::operation::list_outgoing_certificates::OutgoingCertificate;
use std::time::{SystemTime, UNIX_EPOCH};

/// The certificate was already offered to the requested account before this call.
pub(super) fn already_pending_to_target(outgoing: &OutgoingCertificate) -> String {
    format!(
        "The certificate is already PENDING_TRANSFER to account {}{}, from a transfer made before this call: \
         it is offered to that account, which must accept it. Nothing needs to be done or undone.",
        outgoing.transferred_to.as_deref().unwrap_or("?"),
        since(outgoing.transfer_date),
    )
}

/// This call's transfer happened, but the service's answers did not carry the certificate's ARN.
pub(super) fn pending_to_target_without_arn(outgoing: &OutgoingCertificate) -> String {
    format!(
        "The transfer happened: the certificate is PENDING_TRANSFER to account {}{}, but the service did not \
         return its ARN. Do not transfer it again; the target account must accept it.",
        outgoing.transferred_to.as_deref().unwrap_or("?"),
        since(outgoing.transfer_date),
    )
}

/// The certificate is offered to another account than the one requested.
pub(super) fn pending_to_another_account(outgoing: &OutgoingCertificate, target: &str) -> String {
    format!(
        "The certificate is PENDING_TRANSFER to account {}{}, not to {target}: this call did not transfer it. \
         A certificate has one pending transfer at a time; that one ends when account {0} accepts or rejects it, \
         or when the certificate's owner cancels it.",
        outgoing.transferred_to.as_deref().unwrap_or("?"),
        since(outgoing.transfer_date),
    )
}

/// PENDING_TRANSFER, but the outgoing transfers did not say to whom.
pub(super) fn pending_unconfirmed() -> String {
    "DescribeCertificate shows the certificate PENDING_TRANSFER, but it is not among the caller's outgoing \
     transfers (ListOutgoingCertificates): it may have been accepted or rejected meanwhile, or the transfer may \
     be this call's. Check the certificate again before changing anything."
        .to_owned()
}

/// Any status but PENDING_TRANSFER.
pub(super) fn not_pending(status: &CertificateStatus, possibly_applied: bool) -> String {
    match status {
        CertificateStatus::Inactive if possibly_applied => {
            "DescribeCertificate shows the certificate INACTIVE: no transfer had been applied when it was checked. \
             An attempt whose response was lost may still reach the service, so check the certificate again \
             before trying the transfer again."
                .to_owned()
        }
        CertificateStatus::Inactive => {
            "DescribeCertificate now shows the certificate INACTIVE: its status changed after the service refused \
             the transfer. Try the transfer again."
                .to_owned()
        }
        CertificateStatus::Active => "The certificate is ACTIVE: deactivate it (UpdateCertificate with newStatus \
                                      INACTIVE), then transfer it."
            .to_owned(),
        CertificateStatus::Revoked => {
            "The certificate is REVOKED, and a revoked certificate cannot be transferred.".to_owned()
        }
        other => format!("The certificate is {}: only an INACTIVE certificate can be transferred.", other.as_str()),
    }
}

/// DescribeCertificate found no such certificate.
pub(super) fn not_found(possibly_applied: bool) -> String {
    let accepted = if possibly_applied {
        " If the transfer happened and the target account has already accepted it, it now belongs to that account."
    } else {
        ""
    };
    format!("DescribeCertificate finds no such certificate: check the certificate ID and the region.{accepted}")
}

/// The check itself failed.
pub(super) fn check_failed(check: &Error, possibly_applied: bool) -> String {
    let state = if possibly_applied { "The transfer may have happened, and checking" } else { "Checking" };
    format!(
        "{state} the certificate with DescribeCertificate failed too ({}: {}): check it before trying again.",
        check.code(),
        check.message()
    )
}

/// ` since Wed, 25 Nov 2026 10:00:00 GMT`, or nothing when the date is unknown or out of range.
fn since(date: Option<SystemTime>) -> String {
    /// 9999-12-31T23:59:59Z, the last time an HTTP date can show.
    const LAST_HTTP_DATE: u64 = 253_402_300_799;
    date.filter(|d| d.duration_since(UNIX_EPOCH).is_ok_and(|after| after.as_secs() <= LAST_HTTP_DATE))
        .map(|d| format!(" since {}", httpdate::fmt_http_date(d)))
        .unwrap_or_default()
}
