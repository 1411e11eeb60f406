//! `check_transfer`: reads the certificate (`DescribeCertificate`), to whom it is pending
//! (`ListOutgoingCertificates`) and its policies (`ListAttachedPolicies`), and says what would
//! make `TransferCertificate` fail.

use crate::client::{Cancellation, Client};
use crate::error::{Error, ErrorKind};
use crate::operation::describe_certificate::{CertificateDescription, CertificateStatus, DescribeCertificateInput};
use crate::operation::list_outgoing_certificates::ListOutgoingCertificatesInput;
pub use crate::operation::shapes::{CheckTransferInput, TransferBlocker, TransferCheck};
use crate::operation::transfer_certificate::TransferCertificateInput;
use crate::operation::{same_certificate_id, ListAttachedPoliciesInput, WorkflowInput};

impl WorkflowInput for CheckTransferInput {
    const NAME: &'static str = "CheckTransfer";
    type Output = TransferCheck;
}

impl CheckTransferInput {
    /// The check of a transfer of `certificate_id` to `target_aws_account`.
    pub fn new(certificate_id: impl Into<String>, target_aws_account: impl Into<String>) -> Self {
        Self { certificate_id: certificate_id.into(), target_aws_account: target_aws_account.into() }
    }
}

impl TransferBlocker {
    /// What the blocker means and what clears it, in one sentence.
    pub fn describe(&self) -> String {
        match self {
            TransferBlocker::NotFound => {
                "No such certificate in this account and region: check the ID and the region.".into()
            }
            TransferBlocker::Active => {
                "The certificate is ACTIVE: deactivate it first (UpdateCertificate to INACTIVE).".into()
            }
            TransferBlocker::Revoked => "The certificate is REVOKED, and a revoked certificate cannot be transferred.".into(),
            TransferBlocker::AlreadyPendingToTarget => "The certificate is already PENDING_TRANSFER to the target \
                 account, from an earlier transfer: nothing needs to be done; that account must accept it."
                .into(),
            TransferBlocker::PendingTransfer { target_account } => format!(
                "The certificate is already PENDING_TRANSFER to account {}: that transfer must end first (the account \
                 accepts or rejects it, or the certificate's owner cancels it).",
                target_account.as_deref().unwrap_or("unknown")
            ),
            TransferBlocker::NotOwned { owner } => format!(
                "The certificate belongs to account {} and is offered to this account: accept it before transferring it.",
                owner.as_deref().unwrap_or("unknown")
            ),
            TransferBlocker::Status { status } => format!("The certificate is {status}, which cannot be transferred."),
            TransferBlocker::TargetIsOwner => "The target account already owns the certificate.".into(),
            TransferBlocker::PoliciesAttached { policy_names } => format!(
                "Policies are attached ({}): detach them first (DetachPolicy).",
                policy_names.join(", ")
            ),
        }
    }
}

impl TransferCheck {
    /// Whether `TransferCertificate` would be allowed.
    pub fn is_transferable(&self) -> bool {
        self.blockers.is_empty()
    }
}

impl Client {
    /// The runner of `check_transfer` (declared in the registry): says what would make
    /// `TransferCertificate` fail, without changing anything: not found, ACTIVE, REVOKED, already
    /// pending and to whom, offered to this account rather than owned, the target already owning
    /// it, and the names of attached policies. The input is checked as the transfer's would be; a
    /// call that fails is the error. Each call it sends is ended early by `cancellation`.
    pub(crate) async fn preflight(
        &self,
        input: CheckTransferInput,
        cancellation: Option<&Cancellation>,
    ) -> Result<TransferCheck, Error> {
        let input = TransferCertificateInput::new(input.certificate_id, input.target_aws_account);
        let valid = input.validate()?;
        let describe = DescribeCertificateInput::new(&input.certificate_id);
        let described = self.call(describe, cancellation).await;
        let certificate = match described {
            Ok(output) => output.certificate_description,
            Err(error) if *error.kind() == ErrorKind::ResourceNotFound => {
                return Ok(TransferCheck { certificate: None, blockers: vec![TransferBlocker::NotFound] })
            }
            Err(error) => return Err(error),
        };
        let mut blockers = Vec::new();
        match &certificate.status {
            Some(CertificateStatus::Inactive) => {}
            Some(CertificateStatus::Active) => blockers.push(TransferBlocker::Active),
            Some(CertificateStatus::Revoked) => blockers.push(TransferBlocker::Revoked),
            Some(CertificateStatus::PendingTransfer) => {
                let (id, target) = (valid.certificate_id(), valid.target_aws_account());
                blockers.push(self.pending_blocker(&certificate, id, target, cancellation).await?)
            }
            Some(other) => blockers.push(TransferBlocker::Status { status: other.as_str().to_owned() }),
            None => blockers.push(TransferBlocker::Status { status: "unknown".into() }),
        }
        if certificate.owned_by.as_deref() == Some(input.target_aws_account.as_str()) {
            blockers.push(TransferBlocker::TargetIsOwner);
        }
        // Another account's certificate offered to the caller: its policies are not the caller's to list.
        let owned = !blockers.iter().any(|blocker| matches!(blocker, TransferBlocker::NotOwned { .. }));
        if let Some(arn) = certificate.certificate_arn.as_ref().filter(|_| owned) {
            let listing = self.list_attached_policies_paginator(ListAttachedPoliciesInput::new(arn));
            let policies = listing.cancelled_by(cancellation).collect_items().await?;
            if !policies.is_empty() {
                let policy_names = policies.into_iter().filter_map(|policy| policy.policy_name).collect();
                blockers.push(TransferBlocker::PoliciesAttached { policy_names });
            }
        }
        Ok(TransferCheck { certificate: Some(certificate), blockers })
    }

    /// A PENDING_TRANSFER certificate is either the caller's, offered to an account (it is among
    /// the caller's outgoing transfers: the target asked for, or another), or another account's,
    /// offered to the caller.
    async fn pending_blocker(
        &self,
        certificate: &CertificateDescription,
        certificate_id: &str,
        target: &str,
        cancellation: Option<&Cancellation>,
    ) -> Result<TransferBlocker, Error> {
        let input = ListOutgoingCertificatesInput { page_size: Some(250), ..Default::default() };
        let listing = self.list_outgoing_certificates_paginator(input);
        let outgoing = listing.cancelled_by(cancellation).collect_items().await?;
        let mine = outgoing
            .into_iter()
            .find(|c| c.certificate_id.as_deref().is_some_and(|id| same_certificate_id(id, certificate_id)));
        Ok(match mine {
            Some(outgoing) if outgoing.transferred_to.as_deref() == Some(target) => {
                TransferBlocker::AlreadyPendingToTarget
            }
            Some(outgoing) => TransferBlocker::PendingTransfer { target_account: outgoing.transferred_to },
            None => TransferBlocker::NotOwned { owner: certificate.owned_by.clone() },
        })
    }
}
