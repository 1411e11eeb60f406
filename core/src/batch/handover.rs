//! The fleet handover: each certificate checked, prepared as the input allows, and transferred,
//! as `prepare_and_transfer` does it, or only checked (`plan_only`). The journal records each
//! transfer before it is sent; a certificate an earlier run left in flight is found already
//! offered to the target by the check, and is settled as transferred without a second transfer.

use super::engine::{ends_batch, BatchWork, Item, Source, Worked};
use super::journal::{Journal, JournalHeader};
use crate::client::Client;
use crate::error::Error;
use crate::operation::shapes::{
    CertificateOutcome, CheckTransferInput, HandoverInput, PrepareAndTransferInput, PrepareReport, StepAction,
    TransferBlocker, TransferCheck,
};
use crate::runtime::BoxFuture;
use std::sync::Arc;

/// The journal's name for a handover.
const HANDOVER: &str = "handover";

/// A handover's work: its input, without the certificates (the engine takes those).
pub(crate) struct Handover {
    input: HandoverInput,
    certificates: std::sync::Mutex<Option<Source>>,
}

impl Handover {
    /// The work of `input` over `certificates` (its own, checked, or a caller's stream).
    pub(crate) fn new(mut input: HandoverInput, certificates: Source) -> Self {
        input.certificates = Vec::new();
        Self { input, certificates: std::sync::Mutex::new(Some(certificates)) }
    }

    fn prepare_input(&self, certificate_id: &str) -> PrepareAndTransferInput {
        PrepareAndTransferInput {
            certificate_id: certificate_id.to_owned(),
            target_aws_account: self.input.target_aws_account.clone(),
            transfer_message: self.input.transfer_message.clone(),
            deactivate: self.input.deactivate,
            detach_policies: self.input.detach_policies,
        }
    }

    async fn hand_over(
        &self,
        client: &Client,
        item: Item,
        settle: bool,
        journal: Option<&Journal>,
    ) -> Result<Worked, Error> {
        let input = self.prepare_input(&item.certificate_id);
        if self.input.plan_only {
            let check = CheckTransferInput::new(&input.certificate_id, &input.target_aws_account);
            return Ok(match client.check_transfer(check).await {
                Ok(check) => plan(&input, check),
                Err(error) => unchecked(error),
            });
        }
        match client.prepare_recorded(input, None, journal).await {
            Ok(report) => Ok(transferred(report, settle)),
            Err(error) if ends_batch(&error) => Err(error),
            Err(error) => Ok(unchecked(error)),
        }
    }
}

impl BatchWork for Handover {
    fn header(&self) -> JournalHeader {
        JournalHeader::new(HANDOVER, Some(&self.input.target_aws_account))
    }

    fn items<'a>(&'a self, _client: &'a Client, _journal: Option<&'a Journal>) -> BoxFuture<'a, Result<Source, Error>> {
        let source = self.certificates.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        Box::pin(async move { Ok(source.unwrap_or_else(|| Source::list(Vec::new()))) })
    }

    fn run(
        self: Arc<Self>,
        client: Client,
        item: Item,
        settle: bool,
        journal: Option<Arc<Journal>>,
    ) -> BoxFuture<'static, Result<Worked, Error>> {
        Box::pin(async move { self.hand_over(&client, item, settle, journal.as_deref()).await })
    }
}

/// The outcome of a certificate that could not be read: nothing was changed.
fn unchecked(error: Error) -> Worked {
    let outcome = CertificateOutcome::Failed {
        error: error.details(),
        left_state: "Nothing was changed: the certificate could not be checked.".into(),
    };
    Worked::without_steps(outcome)
}

/// What a plan-only run says of a checked certificate: the steps that would be taken, or what
/// blocks it.
fn plan(input: &PrepareAndTransferInput, check: TransferCheck) -> Worked {
    if check.blockers == [TransferBlocker::AlreadyPendingToTarget] {
        let reason = TransferBlocker::AlreadyPendingToTarget.describe();
        return Worked::without_steps(CertificateOutcome::Skipped { reason });
    }
    let blockers: Vec<_> = check.blockers.iter().filter(|blocker| !input.clears(blocker)).cloned().collect();
    if !blockers.is_empty() {
        return Worked::without_steps(CertificateOutcome::Blocked { blockers });
    }
    let mut steps = Vec::new();
    for blocker in &check.blockers {
        match blocker {
            TransferBlocker::Active => steps.insert(0, StepAction::Deactivate),
            TransferBlocker::PoliciesAttached { policy_names } => steps.extend(
                policy_names.iter().map(|policy_name| StepAction::DetachPolicy { policy_name: policy_name.clone() }),
            ),
            _ => {}
        }
    }
    steps.push(StepAction::Transfer);
    Worked::without_steps(CertificateOutcome::Ready { steps })
}

/// The outcome of `prepare_and_transfer`'s report. A certificate found already offered to the
/// target is transferred (settled) when an earlier run sent its transfer, else skipped.
fn transferred(report: PrepareReport, settle: bool) -> Worked {
    let steps = report.steps;
    let outcome = if let Some(transfer) = report.transfer {
        CertificateOutcome::Transferred {
            certificate_arn: transfer.transferred_certificate_arn,
            reconciled: transfer.metadata.reconciled,
        }
    } else if report.remaining_blockers == [TransferBlocker::AlreadyPendingToTarget] {
        let arn = report.check.certificate.and_then(|certificate| certificate.certificate_arn);
        match (settle, arn) {
            (true, Some(certificate_arn)) => CertificateOutcome::Transferred { certificate_arn, reconciled: true },
            _ => CertificateOutcome::Skipped { reason: TransferBlocker::AlreadyPendingToTarget.describe() },
        }
    } else if settle && report.remaining_blockers == [TransferBlocker::NotFound] {
        CertificateOutcome::Skipped {
            reason: "No longer in this account: an earlier run sent its transfer, and the target account has since \
                     accepted it (or it was deleted)."
                .into(),
        }
    } else if !report.remaining_blockers.is_empty() {
        CertificateOutcome::Blocked { blockers: report.remaining_blockers }
    } else {
        match report.error {
            Some(error) => CertificateOutcome::Failed { error, left_state: report.left_state },
            None => CertificateOutcome::Blocked { blockers: report.check.blockers },
        }
    };
    Worked { outcome, steps }
}
