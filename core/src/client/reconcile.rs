//! Settles a `TransferCertificate` call whose outcome is unknown. The operation is not
//! idempotent: when an attempt may have been applied (its response was lost, it timed out, it
//! was a 5xx or its body was unreadable) and the call would end in an error, or when the service
//! says the certificate's state forbids the transfer, the client reads the certificate's state
//! with `DescribeCertificate` (and `ListOutgoingCertificates` for the target account) before it
//! answers. A transfer found pending to the requested account is a success marked `reconciled`;
//! anything else is the error, with a hint saying what the check found.

use super::attempts::{attempt_loop, read, Attempted, Progress, SharedProgress};
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
    progress: &SharedProgress,
) -> Result<TransferCertificateOutput, Error> {
    let mut error = match attempt_loop(client, call, endpoint, transport, progress).await {
        Ok(Attempted { output, metadata }) => {
            return Ok(TransferCertificateOutput { transferred_certificate_arn: output, metadata })
        }
        Err(error) => error,
    };
    let possibly_applied = read(progress, |p| p.possibly_applied);
    if !possibly_applied && *error.kind() != ErrorKind::CertificateState {
        return Err(error);
    }
    let checker = Checker { client, endpoint, transport, parent: progress };
    match checker.find(input.certificate_id()).await {
        Ok(Finding::PendingTo { outgoing, metadata })
            if outgoing.transferred_to.as_deref() == Some(input.target_aws_account()) =>
        {
            if !possibly_applied {
                error.set_state_hint(state_hints::already_pending_to_target(&outgoing));
                error.set_reconciled(false);
            } else if let Some(arn) = outgoing.certificate_arn.clone().filter(|arn| !arn.is_empty()) {
                let metadata = read(progress, |p| {
                    let mut settled = p.metadata(metadata.http_status, metadata.request_id);
                    settled.reconciled = true;
                    settled
                });
                return Ok(TransferCertificateOutput { transferred_certificate_arn: arn, metadata });
            } else {
                // The transfer happened, but neither answer carried the ARN to report it with.
                error.set_state_hint(state_hints::pending_to_target_without_arn(&outgoing));
                error.set_reconciled(true);
            }
        }
        Ok(Finding::PendingTo { outgoing, .. }) => {
            // A certificate has one pending transfer at a time: another account's is not this call's.
            error.set_state_hint(state_hints::pending_to_another_account(&outgoing, input.target_aws_account()));
            error.set_reconciled(false);
        }
        Ok(Finding::PendingUnconfirmed) => {
            error.set_state_hint(state_hints::pending_unconfirmed());
            error.set_reconciled(possibly_applied);
        }
        Ok(Finding::NotPending(status)) => {
            error.set_state_hint(state_hints::not_pending(&status, possibly_applied));
            error.set_reconciled(possibly_applied);
        }
        Err(check) if *check.kind() == ErrorKind::ResourceNotFound => {
            error.set_state_hint(state_hints::not_found(possibly_applied));
            error.set_reconciled(possibly_applied);
        }
        Err(check) => error.set_state_hint(state_hints::check_failed(&check, possibly_applied)),
    }
    Err(error)
}

/// What the certificate's state shows.
enum Finding {
    /// The certificate is offered to `outgoing.transferred_to`; `metadata` is the listing call's.
    PendingTo { outgoing: Box<OutgoingCertificate>, metadata: ResponseMetadata },
    /// PENDING_TRANSFER, but not among the caller's outgoing transfers (or too far down the list).
    PendingUnconfirmed,
    /// Any other status.
    NotPending(CertificateStatus),
}

/// Reads a certificate's state with the client's retries, as the calls of the caller.
struct Checker<'a> {
    client: &'a Client,
    endpoint: &'a Endpoint,
    transport: &'a dyn HttpTransport,
    /// The transfer's progress: the checks can be cancelled with it.
    parent: &'a SharedProgress,
}

impl Checker<'_> {
    async fn find(&self, certificate_id: &str) -> Result<Finding, Error> {
        let description: CertificateDescription =
            self.send(&DescribeCertificateInput::new(certificate_id).prepare()?).await?.output;
        match description.status {
            Some(CertificateStatus::PendingTransfer) => {}
            Some(status) => return Ok(Finding::NotPending(status)),
            None => return Ok(Finding::NotPending(CertificateStatus::Unknown("without a status".into()))),
        }
        let mut marker = None;
        for _ in 0..MAX_OUTGOING_PAGES {
            let input = ListOutgoingCertificatesInput { page_size: Some(250), marker, ascending_order: None };
            let Attempted { output: page, metadata } = self.send(&input.prepare()?).await?;
            let found = page
                .outgoing_certificates
                .into_iter()
                .find(|c| c.certificate_id.as_deref().is_some_and(|id| same_certificate_id(id, certificate_id)));
            if let Some(mut outgoing) = found {
                outgoing.certificate_arn = outgoing.certificate_arn.or(description.certificate_arn);
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
        let progress = Progress::on_behalf_of(self.parent);
        attempt_loop(self.client, operation, self.endpoint, self.transport, &progress).await
    }
}
