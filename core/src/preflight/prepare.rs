//! `prepare_and_transfer`: with the caller's explicit opt-ins, deactivates the certificate and
//! detaches its policies, then transfers it, and reports each step. It stops at the first step
//! that fails and the report says exactly what was changed before it.

use super::check::{TransferBlocker, TransferCheck};
use crate::client::Client;
use crate::error::Error;
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

    /// What state the steps left the certificate in, in one sentence.
    pub fn left_state(&self) -> String {
        let deactivated = self.done(|action| *action == StepAction::Deactivate);
        let detached: Vec<&str> = self
            .steps
            .iter()
            .filter(|step| step.outcome == StepOutcome::Done)
            .filter_map(|step| match &step.action {
                StepAction::DetachPolicy { policy_name } => Some(policy_name.as_str()),
                _ => None,
            })
            .collect();
        if self.transferred() {
            return "The certificate is PENDING_TRANSFER to the target account, which must accept it.".into();
        }
        let mut changes = Vec::new();
        if deactivated {
            changes.push("it was set INACTIVE".to_owned());
        }
        if !detached.is_empty() {
            changes.push(format!("these policies were detached: {}", detached.join(", ")));
        }
        if changes.is_empty() {
            "Nothing was changed: the certificate is as it was.".into()
        } else {
            format!("The certificate was not transferred; {}.", changes.join("; "))
        }
    }

    fn done(&self, matches: impl Fn(&StepAction) -> bool) -> bool {
        self.steps.iter().any(|step| step.outcome == StepOutcome::Done && matches(&step.action))
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

/// Adds the step's outcome to the report; false when it failed (the error is kept).
fn record<T>(report: &mut PrepareReport, action: StepAction, result: Result<T, Error>) -> bool {
    match result {
        Ok(_) => {
            report.steps.push(PrepareStep { action, outcome: StepOutcome::Done });
            true
        }
        Err(error) => {
            let outcome = StepOutcome::Failed { code: error.code().to_owned(), message: error.message().to_owned() };
            report.steps.push(PrepareStep { action, outcome });
            report.error = Some(error);
            false
        }
    }
}
