//! The settling of an unknown outcome from its state checks' raw responses, for the fuzz targets
//! `settle` (an accept, reject or cancel) and `reconcile` (a transfer) in `core/fuzz`: the same
//! parsers, classification and verdicts the client runs.

use super::reconcile::{self, Finding, TransferVerdict};
use super::settle::{settle, verdict, TransferEnd, Verdict};
use crate::operation::{describe_certificate, list_outgoing_certificates, ResponseMetadata};
use http::HeaderMap;

/// A raw HTTP response: status, headers and body.
pub type RawResponse<'a> = (u16, &'a HeaderMap, &'a [u8]);

/// What a settled call answers: whether it succeeds, the hint of a failure, and whether the
/// failure says the call may still have been applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettleOutcome {
    /// The call is answered as a (reconciled) success.
    pub succeeded: bool,
    /// A failure's hint, saying what the check found.
    pub hint: Option<String>,
    /// A failure may still have been applied.
    pub possibly_applied: bool,
}

/// The answer to an `end` call (`accept`, `reject` or `cancel`; `None` for another name) whose
/// attempts failed, when its `DescribeCertificate` check got the response `status`, `headers`,
/// `body`; `wants_active` is an accept's `setAsActive`, `possibly_applied` whether an attempt may
/// have been applied, `completed` whether the service said the transfer had already ended.
pub fn settle_end(
    end: &str,
    wants_active: bool,
    possibly_applied: bool,
    completed: bool,
    response: RawResponse<'_>,
) -> Option<SettleOutcome> {
    let end = match end {
        "accept" => TransferEnd::Accept,
        "reject" => TransferEnd::Reject,
        "cancel" => TransferEnd::Cancel,
        _ => return None,
    };
    let (status, headers, body) = response;
    let found = describe_certificate::parse_response(status, headers, body);
    let settlement = settle(end, wants_active && end == TransferEnd::Accept, found.as_ref());
    Some(match verdict(end, settlement, possibly_applied, completed) {
        Verdict::Succeeded(_) => SettleOutcome { succeeded: true, hint: None, possibly_applied: false },
        Verdict::Failed { hint, possibly_applied } => {
            SettleOutcome { succeeded: false, hint: Some(hint), possibly_applied }
        }
    })
}

/// What a reconciled transfer answers: the ARN of a (reconciled) success, or a failure's hint and
/// whether the check settled the outcome (`Some(possibly applied)`) or could not (`None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconcileOutcome {
    /// The transferred certificate's ARN, when the call is answered as a success.
    pub transferred_arn: Option<String>,
    /// A failure's hint, saying what the check found.
    pub hint: Option<String>,
    /// For a failure: `Some(whether it may still have been applied)` when the check settled it,
    /// `None` when the check failed.
    pub settled: Option<bool>,
}

/// The answer to a transfer of `certificate_id` to `target` whose attempts failed (or were
/// refused for the certificate's state), when its `DescribeCertificate` check got `description`
/// and, for a certificate PENDING_TRANSFER, its `ListOutgoingCertificates` check got `listing`
/// (one page; `None` when no page was read, as when the pages ran out). `possibly_applied` is
/// whether an attempt may have been applied.
pub fn reconcile_transfer(
    certificate_id: &str,
    target: &str,
    possibly_applied: bool,
    description: RawResponse<'_>,
    listing: Option<RawResponse<'_>>,
) -> ReconcileOutcome {
    let finding = (|| {
        let description = describe_certificate::parse_response(description.0, description.1, description.2)?;
        if let Some(finding) = reconcile::unless_pending(&description) {
            return Ok(finding);
        }
        let Some((status, headers, body)) = listing else { return Ok(Finding::PendingUnconfirmed) };
        let page = list_outgoing_certificates::parse_response(status, headers, body)?;
        Ok(match reconcile::outgoing_of(page.outgoing_certificates, certificate_id, &description) {
            Some(outgoing) => {
                Finding::PendingTo { outgoing: Box::new(outgoing), metadata: ResponseMetadata::default() }
            }
            None => Finding::PendingUnconfirmed,
        })
    })();
    match reconcile::verdict(finding, target, possibly_applied) {
        TransferVerdict::Transferred { arn, .. } => {
            ReconcileOutcome { transferred_arn: Some(arn), hint: None, settled: None }
        }
        TransferVerdict::Failed { hint, settled } => {
            ReconcileOutcome { transferred_arn: None, hint: Some(hint), settled }
        }
    }
}
