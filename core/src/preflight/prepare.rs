//! `prepare_and_transfer`: with the caller's explicit opt-ins, deactivates the certificate and
//! detaches its policies, then transfers it, and reports each step. It stops at the first step
//! that fails and the report says exactly what was changed before it.

use super::check::{TransferBlocker, TransferCheck};
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::operation::describe_certificate::CertificateStatus;
pub use crate::operation::shapes::{PrepareOptions, PrepareStep, StepAction, StepOutcome};
use crate::operation::transfer_certificate::{TransferCertificateInput, TransferCertificateOutput};
use crate::operation::{DetachPolicyInput, UpdateCertificateInput};

/// What `prepare_and_transfer` did, step by step.
#[derive(Debug)]
pub struct PrepareReport {
    /// What the check before any change found.
    pub check: TransferCheck,
    /// The steps taken, in order; the last one failed when `error` is set.
    pub steps: Vec<PrepareStep>,
    /// The transfer, when every step succeeded.
    pub transfer: Option<TransferCertificateOutput>,
    /// Why it stopped: a failed step's error, or `None` when blockers the options do not clear
    /// stopped it before any change (see `check.blockers`), or when the transfer was made.
    pub error: Option<Error>,
}

impl PrepareReport {
    /// Whether the certificate was transferred.
    pub fn transferred(&self) -> bool {
        self.transfer.is_some()
    }

    /// The blockers of the check that the options did not allow clearing: when any is left,
    /// nothing was changed.
    pub fn remaining_blockers(&self, options: PrepareOptions) -> Vec<&TransferBlocker> {
        self.check.blockers.iter().filter(|blocker| !clears(options, blocker)).collect()
    }

    /// Whether the certificate was already offered to the target, by an earlier transfer: nothing
    /// was changed, and nothing needs to be.
    pub fn already_pending_to_target(&self) -> bool {
        self.check.blockers == [TransferBlocker::AlreadyPendingToTarget]
    }

    /// What state the steps left the certificate in, in a sentence or two. A step whose outcome is
    /// unknown (its response was lost, it timed out, the service failed) is said to be unknown,
    /// never to have failed.
    pub fn left_state(&self) -> String {
        if self.transferred() {
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
}

/// Whether `options` allow clearing `blocker`.
fn clears(options: PrepareOptions, blocker: &TransferBlocker) -> bool {
    match blocker {
        TransferBlocker::Active => options.deactivate,
        TransferBlocker::PoliciesAttached { .. } => options.detach_policies,
        _ => false,
    }
}

impl Client {
    /// Checks the transfer ([`check_transfer`](Self::check_transfer)); when every blocker is
    /// one `options` allow clearing, deactivates the certificate (`options.deactivate`), detaches
    /// its policies (`options.detach_policies`), then transfers it. Stops at the first failed
    /// step; the report says what each step did and [`PrepareReport::left_state`] what was left.
    /// Blockers the options do not clear stop it before any change. The error is the check's,
    /// when the certificate could not be read.
    pub async fn prepare_and_transfer(
        &self,
        input: TransferCertificateInput,
        options: PrepareOptions,
    ) -> Result<PrepareReport, Error> {
        // The whole input is checked before anything is changed: a transfer that cannot be sent
        // must not cost the certificate its ACTIVE status or its policies.
        input.validate()?;
        let check = self.check_transfer(&input.certificate_id, &input.target_aws_account).await?;
        let mut report = PrepareReport { check, steps: Vec::new(), transfer: None, error: None };
        if !report.remaining_blockers(options).is_empty() {
            return Ok(report);
        }
        let blockers = report.check.blockers.clone();
        if blockers.contains(&TransferBlocker::Active) {
            let update = UpdateCertificateInput::new(&input.certificate_id, CertificateStatus::Inactive);
            if !record(&mut report, StepAction::Deactivate, self.update_certificate(update).await) {
                return Ok(report);
            }
        }
        let arn = report.check.certificate.as_ref().and_then(|c| c.certificate_arn.clone()).unwrap_or_default();
        for blocker in &blockers {
            let TransferBlocker::PoliciesAttached { policy_names } = blocker else { continue };
            for policy_name in policy_names {
                let detach = DetachPolicyInput::new(policy_name, &arn);
                let action = StepAction::DetachPolicy { policy_name: policy_name.clone() };
                if !record(&mut report, action, self.detach_policy(detach).await) {
                    return Ok(report);
                }
            }
        }
        match self.transfer_certificate(input).await {
            Ok(output) => {
                report.steps.push(PrepareStep { action: StepAction::Transfer, outcome: StepOutcome::Done });
                report.transfer = Some(output);
            }
            Err(error) => {
                record::<()>(&mut report, StepAction::Transfer, Err(error));
            }
        }
        Ok(report)
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

/// Adds the step's outcome to the report; false when it failed (the error is kept).
fn record<T>(report: &mut PrepareReport, action: StepAction, result: Result<T, Error>) -> bool {
    match result {
        Ok(_) => {
            report.steps.push(PrepareStep { action, outcome: StepOutcome::Done });
            true
        }
        Err(error) => {
            let outcome = StepOutcome::Failed {
                kind: error.kind().name().to_owned(),
                code: error.code().to_owned(),
                message: error.message().to_owned(),
                possibly_applied: may_have_applied(&error),
            };
            report.steps.push(PrepareStep { action, outcome });
            report.error = Some(error);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(blockers: Vec<TransferBlocker>, steps: Vec<(StepAction, StepOutcome)>) -> PrepareReport {
        PrepareReport {
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
