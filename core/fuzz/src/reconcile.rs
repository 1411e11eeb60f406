//! The reconciliation of a `TransferCertificate` whose outcome is unknown (or that the service
//! refused for the certificate's state): its state checks' responses read, classified and turned
//! into the call's answer, as the client does (`iot_transfer::settle_probe::reconcile_transfer`).
//!
//! Input: a first line naming the target account and, optionally, the word `applied` (an attempt
//! may have been applied); then the `DescribeCertificate` response as `text::http_response` reads
//! it; then, after a line `---`, the `ListOutgoingCertificates` response (left out: no page read).
//! The certificate is always [`CERTIFICATE_ID`].

use super::text::{http_response, lossy};
use iot_transfer::operation::describe_certificate::{self, CertificateStatus};
use iot_transfer::operation::list_outgoing_certificates;
use iot_transfer::settle_probe::reconcile_transfer;

/// The certificate every input transfers.
pub const CERTIFICATE_ID: &str = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";

/// The line between the two responses.
const SEPARATOR: &[u8] = b"\n---\n";

/// Checks that reconciling never panics and is deterministic, and that
/// - a transfer is answered as a success only when an attempt of it may have been applied, the
///   certificate is PENDING_TRANSFER, and the listing shows it pending to the requested account,
///   with the ARN reported;
/// - every failure has a hint;
/// - a failure says the transfer may still have been applied only when an attempt may have been;
/// - a failure whose check could not read the state (`settled: None`) tells the caller to check
///   the certificate with `DescribeCertificate` before trying again.
pub fn check(data: &[u8]) {
    let Some(newline) = data.iter().position(|b| *b == b'\n') else { return };
    let line = lossy(&data[..newline]);
    let mut words = line.split_whitespace();
    let Some(target) = words.next() else { return };
    let applied = words.any(|word| word == "applied");
    let rest = &data[newline + 1..];
    let (described, listed) = match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(at) => (&rest[..at], Some(&rest[at + SEPARATOR.len()..])),
        None => (rest, None),
    };
    let Some((d_status, d_headers, d_body)) = http_response(described) else { return };
    let listing = match listed.map(http_response) {
        Some(None) => return,
        Some(Some(response)) => Some(response),
        None => None,
    };
    let listing_ref = listing.as_ref().map(|(status, headers, body)| (*status, headers, *body));
    let outcome = reconcile_transfer(CERTIFICATE_ID, target, applied, (d_status, &d_headers, d_body), listing_ref);
    let again = reconcile_transfer(CERTIFICATE_ID, target, applied, (d_status, &d_headers, d_body), listing_ref);
    assert_eq!(outcome, again, "reconciling is not deterministic");

    if let Some(arn) = &outcome.transferred_arn {
        assert!(applied, "a success for a transfer no attempt of this call may have made");
        assert!(!arn.is_empty(), "a success without the certificate's ARN");
        let description = describe_certificate::parse_response(d_status, &d_headers, d_body)
            .expect("a success from a description that could not be read");
        assert_eq!(
            description.status,
            Some(CertificateStatus::PendingTransfer),
            "a success while not PENDING_TRANSFER"
        );
        let (status, headers, body) = listing_ref.expect("a success with no outgoing listing read");
        let page = list_outgoing_certificates::parse_response(status, headers, body)
            .expect("a success from a listing that could not be read");
        // The model's rule for one ID (no case, an optional `0x`), written here on purpose rather
        // than calling the core's matcher: the oracle must not share the code it checks.
        let bare = |id: &str| id.strip_prefix("0x").unwrap_or(id).to_ascii_lowercase();
        let entry = page
            .outgoing_certificates
            .iter()
            .find(|c| c.certificate_id.as_deref().is_some_and(|id| bare(id) == CERTIFICATE_ID))
            .expect("a success while the listing does not show the certificate");
        assert_eq!(entry.transferred_to.as_deref(), Some(target), "a success for a transfer to another account");
        let reported = entry.certificate_arn.as_ref().or(description.certificate_arn.as_ref());
        assert_eq!(reported, Some(arn), "a success reporting an ARN neither check gave");
        return;
    }
    let hint = outcome.hint.as_deref().unwrap_or_default();
    assert!(!hint.is_empty(), "a failure without a hint");
    match outcome.settled {
        Some(possibly_applied) => {
            assert!(applied || !possibly_applied, "a failure said to be possibly applied, but no attempt may have been")
        }
        None => assert!(
            hint.contains("DescribeCertificate") && hint.contains("before trying again"),
            "a check that failed does not say how to check the certificate: {hint}"
        ),
    }
}
