//! Settles a `TransferCertificate` call whose outcome is unknown. The operation is not
//! idempotent: when an attempt may have been applied (its response was lost, it timed out, it
//! was a 5xx or its body was unreadable) and the call would end in an error, or when the service
//! says the certificate's state forbids the transfer, the client reads the certificate's state
//! with `DescribeCertificate` (and `ListOutgoingCertificates` for the target account) before it
//! answers. A transfer found pending to the requested account is a success marked `reconciled`;
//! anything else is the error, with a hint saying what the check found.

use super::attempts::{attempt_loop, Attempted, Progress};
use super::state_hints;
use super::Client;
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind};
use crate::operation::describe_certificate::{CertificateDescription, CertificateStatus, DescribeCertificateInput};
use crate::operation::list_outgoing_certificates::{ListOutgoingCertificatesInput, OutgoingCertificate};
use crate::operation::transfer_certificate::{TransferCertificateInput, TransferCertificateOutput, ValidatedInput};
use crate::operation::{same_certificate_id, ResponseMetadata};
use crate::operation::{OperationInput, PreparedCall};
use crate::runtime::HttpTransport;

/// The most pages of outgoing transfers read to find the certificate's: 250 each, in the
/// service's order (by the certificates' creation, newest first), so up to 10,000 transfers.
const MAX_OUTGOING_PAGES: usize = 40;

/// Runs the transfer's attempts, then settles an unknown or refused outcome from the certificate's state.
pub(super) async fn transfer(
    client: &Client,
    call: &PreparedCall<TransferCertificateInput>,
    input: &ValidatedInput,
    endpoint: &Endpoint,
    transport: &dyn HttpTransport,
    progress: &mut Progress,
) -> Result<TransferCertificateOutput, Error> {
    let mut error = match attempt_loop(client, call, endpoint, transport, progress).await {
        Ok(Attempted { output, metadata }) => {
            return Ok(TransferCertificateOutput { transferred_certificate_arn: output, metadata })
        }
        Err(error) => error,
    };
    let possibly_applied = progress.possibly_applied;
    if !possibly_applied && *error.kind() != ErrorKind::CertificateState {
        return Err(error);
    }
    let checker = Checker { client, endpoint, transport, parent: progress };
    let finding = checker.find(input.certificate_id()).await;
    match verdict(finding, input.target_aws_account(), possibly_applied) {
        TransferVerdict::Transferred { arn, listing } => {
            let mut metadata = progress.metadata(listing.http_status, listing.request_id);
            metadata.reconciled = true;
            Ok(TransferCertificateOutput { transferred_certificate_arn: arn, metadata })
        }
        TransferVerdict::Failed { hint, settled } => {
            error.set_state_hint(hint);
            if let Some(possibly_applied) = settled {
                error.set_reconciled(possibly_applied);
            }
            Err(error)
        }
    }
}

/// What a transfer whose attempts failed answers once its state is known.
#[derive(Debug)]
pub(super) enum TransferVerdict {
    /// It was transferred, as the outgoing listing shows: its ARN, and the listing's metadata.
    Transferred { arn: String, listing: ResponseMetadata },
    /// The error, with a hint saying what was found; `settled` is `Some(possibly applied)` when
    /// the check settled the outcome, `None` when it could not.
    Failed { hint: String, settled: Option<bool> },
}

/// The answer to a transfer to `target` whose attempts failed, from what the check found and
/// whether an attempt may have been applied. Pure: the runner only carries it out.
pub(super) fn verdict(finding: Result<Finding, Error>, target: &str, possibly_applied: bool) -> TransferVerdict {
    let failed = |hint: String, settled: Option<bool>| TransferVerdict::Failed { hint, settled };
    match finding {
        Ok(Finding::PendingTo { outgoing, metadata }) if outgoing.transferred_to.as_deref() == Some(target) => {
            if !possibly_applied {
                failed(state_hints::already_pending_to_target(&outgoing), Some(false))
            } else if let Some(arn) = outgoing.certificate_arn.clone().filter(|arn| !arn.is_empty()) {
                TransferVerdict::Transferred { arn, listing: metadata }
            } else {
                // The transfer happened, but neither answer carried the ARN to report it with.
                failed(state_hints::pending_to_target_without_arn(&outgoing), Some(true))
            }
        }
        // A certificate has one pending transfer at a time: another account's is not this call's.
        Ok(Finding::PendingTo { outgoing, .. }) => {
            failed(state_hints::pending_to_another_account(&outgoing, target), Some(false))
        }
        Ok(Finding::PendingUnconfirmed) => failed(state_hints::pending_unconfirmed(), Some(possibly_applied)),
        Ok(Finding::NotPending(status)) => {
            failed(state_hints::not_pending(&status, possibly_applied), Some(possibly_applied))
        }
        Err(check) if *check.kind() == ErrorKind::ResourceNotFound => {
            failed(state_hints::not_found(possibly_applied), Some(possibly_applied))
        }
        Err(check) => failed(state_hints::check_failed(&check, possibly_applied), None),
    }
}

/// What the certificate's state shows.
pub(super) enum Finding {
    /// The certificate is offered to `outgoing.transferred_to`; `metadata` is the listing call's.
    PendingTo { outgoing: Box<OutgoingCertificate>, metadata: ResponseMetadata },
    /// PENDING_TRANSFER, but not among the caller's outgoing transfers (or too far down the list).
    PendingUnconfirmed,
    /// Any other status.
    NotPending(CertificateStatus),
}

/// What the description alone shows: `None` while the certificate is PENDING_TRANSFER, when the
/// outgoing listing must say to whom.
pub(super) fn unless_pending(description: &CertificateDescription) -> Option<Finding> {
    match &description.status {
        Some(CertificateStatus::PendingTransfer) => None,
        Some(status) => Some(Finding::NotPending(status.clone())),
        None => Some(Finding::NotPending(CertificateStatus::Unknown("without a status".into()))),
    }
}

/// The certificate's entry among one page of outgoing transfers, with the description's ARN when
/// the listing left it out.
pub(super) fn outgoing_of(
    page: Vec<OutgoingCertificate>,
    certificate_id: &str,
    description: &CertificateDescription,
) -> Option<OutgoingCertificate> {
    let mut outgoing = page
        .into_iter()
        .find(|c| c.certificate_id.as_deref().is_some_and(|id| same_certificate_id(id, certificate_id)))?;
    outgoing.certificate_arn = outgoing.certificate_arn.or_else(|| description.certificate_arn.clone());
    Some(outgoing)
}

/// Reads a certificate's state with the client's retries, as the calls of the caller.
struct Checker<'a> {
    client: &'a Client,
    endpoint: &'a Endpoint,
    transport: &'a dyn HttpTransport,
    /// The transfer's progress: the checks can be cancelled with it.
    parent: &'a Progress,
}

impl Checker<'_> {
    async fn find(&self, certificate_id: &str) -> Result<Finding, Error> {
        let description: CertificateDescription =
            self.send(&DescribeCertificateInput::new(certificate_id).prepare()?).await?.output;
        if let Some(finding) = unless_pending(&description) {
            return Ok(finding);
        }
        let mut marker = None;
        for _ in 0..MAX_OUTGOING_PAGES {
            let input = ListOutgoingCertificatesInput { page_size: Some(250), marker, ascending_order: None };
            let Attempted { output: page, metadata } = self.send(&input.prepare()?).await?;
            if let Some(outgoing) = outgoing_of(page.outgoing_certificates, certificate_id, &description) {
                return Ok(Finding::PendingTo { outgoing: Box::new(outgoing), metadata });
            }
            match page.next_marker {
                Some(next) => marker = Some(next),
                None => break,
            }
        }
        Ok(Finding::PendingUnconfirmed)
    }

    async fn send<O: crate::operation::Operation>(&self, operation: &O) -> Result<Attempted<O::Output>, Error> {
        let mut progress = Progress::on_behalf_of(self.parent);
        attempt_loop(self.client, operation, self.endpoint, self.transport, &mut progress).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending_to(account: &str, arn: Option<&str>) -> Result<Finding, Error> {
        let outgoing = OutgoingCertificate {
            transferred_to: Some(account.to_owned()),
            certificate_arn: arn.map(str::to_owned),
            ..Default::default()
        };
        Ok(Finding::PendingTo { outgoing: Box::new(outgoing), metadata: ResponseMetadata::default() })
    }

    fn settled(verdict: TransferVerdict) -> Option<bool> {
        match verdict {
            TransferVerdict::Failed { settled, .. } => settled,
            TransferVerdict::Transferred { .. } => panic!("a failure was expected"),
        }
    }

    #[test]
    fn only_a_transfer_this_call_may_have_made_is_a_success() {
        let arn = "arn:aws:iot:us-east-1:111122223333:cert/abc";
        let found = verdict(pending_to("444455556666", Some(arn)), "444455556666", true);
        assert!(matches!(found, TransferVerdict::Transferred { arn: ref a, .. } if a == arn), "{found:?}");
        // Pending to the target before any attempt could have applied: someone's earlier transfer.
        assert_eq!(settled(verdict(pending_to("444455556666", Some(arn)), "444455556666", false)), Some(false));
        // Applied, but no ARN to report it with: an error that says it may have happened.
        assert_eq!(settled(verdict(pending_to("444455556666", None), "444455556666", true)), Some(true));
        // Another account's pending transfer is not this call's.
        assert_eq!(settled(verdict(pending_to("999988887777", Some(arn)), "444455556666", true)), Some(false));
        assert_eq!(settled(verdict(Ok(Finding::PendingUnconfirmed), "444455556666", true)), Some(true));
        let throttled = Error::of_kind(ErrorKind::Throttling, "slow");
        assert_eq!(settled(verdict(Err(throttled), "444455556666", true)), None, "a failed check settles nothing");
    }
}
