//! `prepare_and_transfer`: with the caller's explicit opt-ins, deactivates the certificate and
//! detaches its policies, then transfers it, and reports each step. It stops at the first step
//! that fails and the report says exactly what was changed before it.

use super::check::{CheckTransferInput, TransferBlocker, TransferCheck};
use crate::batch::Journal;
use crate::client::{Cancellation, Client};
use crate::error::{Error, ErrorKind};
use crate::operation::describe_certificate::CertificateStatus;
pub use crate::operation::shapes::{PrepareAndTransferInput, PrepareReport, PrepareStep, StepAction, StepOutcome};
use crate::operation::transfer_certificate::{TransferCertificateInput, TransferCertificateOutput};
use crate::operation::{DetachPolicyInput, OperationInput, UpdateCertificateInput, WorkflowInput};

impl WorkflowInput for PrepareAndTransferInput {
    const NAME: &'static str = "PrepareAndTransfer";
    type Output = PrepareReport;
}

impl PrepareAndTransferInput {
    /// A transfer of `certificate_id` to `target_aws_account` that changes nothing else.
    pub fn new(certificate_id: impl Into<String>, target_aws_account: impl Into<String>) -> Self {
        Self { certificate_id: certificate_id.into(), target_aws_account: target_aws_account.into(), ..Self::default() }
    }

    /// The transfer itself.
    fn transfer(&self) -> TransferCertificateInput {
        TransferCertificateInput {
            certificate_id: self.certificate_id.clone(),
            target_aws_account: self.target_aws_account.clone(),
            transfer_message: self.transfer_message.clone(),
        }
    }

    /// Whether the input allows clearing `blocker`.
    pub(crate) fn clears(&self, blocker: &TransferBlocker) -> bool {
        match blocker {
            TransferBlocker::Active => self.deactivate,
            TransferBlocker::PoliciesAttached { .. } => self.detach_policies,
            _ => false,
        }
    }
}

impl PrepareReport {
    /// Whether the certificate was transferred.
    pub fn transferred(&self) -> bool {
        self.transfer.is_some()
    }
}

/// What the steps did so far, with the failed step's error itself.
#[derive(Debug)]
struct Progress {
    check: TransferCheck,
    steps: Vec<PrepareStep>,
    transfer: Option<TransferCertificateOutput>,
    error: Option<Error>,
}

impl Progress {
    /// Whether the certificate was already offered to the target, by an earlier transfer: nothing
    /// was changed, and nothing needs to be.
    fn already_pending_to_target(&self) -> bool {
        self.check.blockers == [TransferBlocker::AlreadyPendingToTarget]
    }

    /// What state the steps left the certificate in, in a sentence or two. A step whose outcome is
    /// unknown (its response was lost, it timed out, the service failed) is said to be unknown,
    /// never to have failed.
    fn left_state(&self) -> String {
        if self.transfer.is_some() {
            return "The certificate is PENDING_TRANSFER to the target account, which must accept it.".into();
        }
        if self.already_pending_to_target() {
            return "The certificate was already PENDING_TRANSFER to the target account: nothing was changed, and \
                    nothing needs to be."
                .into();
        }
        let mut changes = Vec::new();
        let mut unknown = Vec::new();
        for step in &self.steps {
            let what = match &step.action {
                StepAction::Deactivate => "set INACTIVE".to_owned(),
                StepAction::DetachPolicy { policy_name } => format!("policy {policy_name} detached"),
                StepAction::Transfer => "transferred".to_owned(),
                StepAction::Accept => "accepted".to_owned(),
                StepAction::Reject => "rejected".to_owned(),
            };
            match step.outcome {
                StepOutcome::Done => changes.push(what),
                StepOutcome::Failed { possibly_applied: true, .. } => unknown.push(what),
                StepOutcome::Failed { .. } => {}
            }
        }
        let mut state = if changes.is_empty() && unknown.is_empty() {
            "Nothing was changed: the certificate is as it was.".to_owned()
        } else if changes.is_empty() {
            "No step is known to have changed the certificate.".to_owned()
        } else {
            format!("The certificate was {}.", changes.join(", "))
        };
        if !unknown.is_empty() {
            state.push_str(&format!(
                " Whether it was also {} is not known (the step's outcome was lost): check it with DescribeCertificate \
                 before trying again.",
                unknown.join(", ")
            ));
        }
        state
    }

    /// The report of these steps for `input`.
    fn report(self, input: &PrepareAndTransferInput) -> PrepareReport {
        let remaining = self.check.blockers.iter().filter(|blocker| !input.clears(blocker)).cloned().collect();
        PrepareReport {
            left_state: self.left_state(),
            remaining_blockers: remaining,
            error: self.error.as_ref().map(Error::details),
            check: self.check,
            steps: self.steps,
            transfer: self.transfer,
        }
    }
}

impl Client {
    /// The runner of `prepare_and_transfer` (declared in the registry): checks the transfer (as
    /// `check_transfer`); when every blocker is one the input allows clearing, deactivates the
    /// certificate (`deactivate`), detaches its policies (`detach_policies`), then transfers it.
    /// Stops at the first failed step; the report says what each step did and what it left.
    /// Blockers the input does not clear stop it before any change. The error is the check's, when
    /// the certificate could not be read. Each call it sends is ended early by `cancellation`.
    pub(crate) async fn prepare(
        &self,
        input: PrepareAndTransferInput,
        cancellation: Option<&Cancellation>,
    ) -> Result<PrepareReport, Error> {
        self.prepare_recorded(input, cancellation, None).await
    }

    /// [`prepare`](Self::prepare), recording in a batch's `journal` that the transfer is about to
    /// be sent, before it is (an error writing it is returned, and nothing is sent).
    pub(crate) async fn prepare_recorded(
        &self,
        input: PrepareAndTransferInput,
        cancellation: Option<&Cancellation>,
        journal: Option<&Journal>,
    ) -> Result<PrepareReport, Error> {
        // The whole input is checked before anything is changed: a transfer that cannot be sent
        // must not cost the certificate its ACTIVE status or its policies.
        let transfer = input.transfer();
        transfer.validate()?;
        let check_input = CheckTransferInput::new(&input.certificate_id, &input.target_aws_account);
        let check = self.preflight(check_input, cancellation).await?;
        let mut progress = Progress { check, steps: Vec::new(), transfer: None, error: None };
        if progress.check.blockers.iter().any(|blocker| !input.clears(blocker)) {
            return Ok(progress.report(&input));
        }
        let blockers = progress.check.blockers.clone();
        if blockers.contains(&TransferBlocker::Active) {
            let update = UpdateCertificateInput::new(&input.certificate_id, CertificateStatus::Inactive);
            if !record(&mut progress, StepAction::Deactivate, self.call(update, cancellation).await) {
                return Ok(progress.report(&input));
            }
        }
        let arn = progress.check.certificate.as_ref().and_then(|c| c.certificate_arn.clone()).unwrap_or_default();
        for blocker in &blockers {
            let TransferBlocker::PoliciesAttached { policy_names } = blocker else { continue };
            for policy_name in policy_names {
                let detach = DetachPolicyInput::new(policy_name, &arn);
                let action = StepAction::DetachPolicy { policy_name: policy_name.clone() };
                if !record(&mut progress, action, self.call(detach, cancellation).await) {
                    return Ok(progress.report(&input));
                }
            }
        }
        if let Some(journal) = journal {
            journal.sending(&input.certificate_id, TransferCertificateInput::NAME).await?;
        }
        match self.transfer(transfer, cancellation).await {
            Ok(output) => {
                progress.steps.push(PrepareStep { action: StepAction::Transfer, outcome: StepOutcome::Done });
                progress.transfer = Some(output);
            }
            Err(error) => {
                record::<()>(&mut progress, StepAction::Transfer, Err(error));
            }
        }
        Ok(progress.report(&input))
    }
}

/// Whether a failed step may have been applied all the same: a transfer says so itself; an
/// update or detach (idempotent, so never marked) may have been when its response was lost, it
/// timed out, or the service failed.
fn may_have_applied(error: &Error) -> bool {
    error.possibly_applied()
        || matches!(error.kind(), ErrorKind::Timeout(_) | ErrorKind::Transport(_) | ErrorKind::InvalidResponse)
        || error.http_status().is_some_and(|status| status >= 500)
}

/// The outcome of a step that failed with `error`.
pub(crate) fn step_failure(error: &Error) -> StepOutcome {
    StepOutcome::Failed {
        kind: error.kind().name().to_owned(),
        code: error.code().to_owned(),
        message: error.message().to_owned(),
        possibly_applied: may_have_applied(error),
    }
}

/// Adds the step's outcome to the report; false when it failed (the error is kept).
fn record<T>(progress: &mut Progress, action: StepAction, result: Result<T, Error>) -> bool {
    match result {
        Ok(_) => {
            progress.steps.push(PrepareStep { action, outcome: StepOutcome::Done });
            true
        }
        Err(error) => {
            progress.steps.push(PrepareStep { action, outcome: step_failure(&error) });
            progress.error = Some(error);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(blockers: Vec<TransferBlocker>, steps: Vec<(StepAction, StepOutcome)>) -> Progress {
        Progress {
            check: TransferCheck { certificate: None, blockers },
            steps: steps.into_iter().map(|(action, outcome)| PrepareStep { action, outcome }).collect(),
            transfer: None,
            error: None,
        }
    }

    fn failed(possibly_applied: bool) -> StepOutcome {
        StepOutcome::Failed {
            kind: "Timeout".into(),
            code: "TimeoutError".into(),
            message: "no response".into(),
            possibly_applied,
        }
    }

    #[test]
    fn a_transfer_whose_outcome_is_unknown_is_not_called_untransferred() {
        let lost = report(
            vec![TransferBlocker::Active],
            vec![(StepAction::Deactivate, StepOutcome::Done), (StepAction::Transfer, failed(true))],
        );
        let state = lost.left_state();
        assert!(state.starts_with("The certificate was set INACTIVE."), "{state}");
        assert!(state.contains("Whether it was also transferred is not known"), "{state}");
        assert!(!state.contains("not transferred"), "{state}");
    }

    #[test]
    fn a_refused_step_after_a_change_says_what_was_changed() {
        let detach = StepAction::DetachPolicy { policy_name: "p1".into() };
        let refused = StepOutcome::Failed {
            kind: "Unauthorized".into(),
            code: "UnauthorizedException".into(),
            message: "no".into(),
            possibly_applied: false,
        };
        let state = report(vec![], vec![(StepAction::Deactivate, StepOutcome::Done), (detach, refused)]).left_state();
        assert_eq!(state, "The certificate was set INACTIVE.");
        let unknown = report(vec![], vec![(StepAction::Deactivate, failed(true))]).left_state();
        assert!(unknown.starts_with("No step is known to have changed the certificate."), "{unknown}");
    }

    #[test]
    fn a_certificate_already_offered_to_the_target_needs_nothing() {
        let pending = report(vec![TransferBlocker::AlreadyPendingToTarget], vec![]);
        assert!(pending.already_pending_to_target());
        assert!(pending.left_state().contains("nothing needs to be"));
        assert!(!pending.left_state().to_lowercase().contains("cancel"));
        assert_eq!(report(vec![], vec![]).left_state(), "Nothing was changed: the certificate is as it was.");
    }
}
