//! A certificate's outcome in a batch: its name in the journal, whether a rerun skips it, and the
//! counter of [`BatchProgress`](crate::operation::shapes::BatchProgress) it counts in.

use crate::operation::shapes::CertificateOutcome;

/// The outcome's name, as the journal records it and the bindings name the variant.
pub(crate) fn outcome_name(outcome: &CertificateOutcome) -> &'static str {
    match outcome {
        CertificateOutcome::Transferred { .. } => "Transferred",
        CertificateOutcome::Accepted { .. } => "Accepted",
        CertificateOutcome::Rejected { .. } => "Rejected",
        CertificateOutcome::Ready { .. } => "Ready",
        CertificateOutcome::Blocked { .. } => "Blocked",
        CertificateOutcome::Failed { .. } => "Failed",
        CertificateOutcome::Skipped { .. } => "Skipped",
    }
}

/// The outcomes a rerun does not try again: the certificate is where the batch takes it.
const DONE: [&str; 4] = ["Transferred", "Accepted", "Rejected", "Skipped"];

/// `Some(name)` when a journal's outcome `name` means the certificate is done.
pub(crate) fn is_done(name: &str) -> Option<&'static str> {
    DONE.into_iter().find(|done| *done == name)
}

/// Which counter of the progress an outcome counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tally {
    /// Transferred, accepted or rejected.
    Done,
    /// Ready (a plan-only run).
    Ready,
    /// Blocked by its state.
    Blocked,
    /// Failed with an error.
    Failed,
    /// Nothing to do.
    Skipped,
}

impl Tally {
    /// The counter `outcome` counts in.
    pub(crate) fn of(outcome: &CertificateOutcome) -> Self {
        match outcome {
            CertificateOutcome::Transferred { .. }
            | CertificateOutcome::Accepted { .. }
            | CertificateOutcome::Rejected { .. } => Tally::Done,
            CertificateOutcome::Ready { .. } => Tally::Ready,
            CertificateOutcome::Blocked { .. } => Tally::Blocked,
            CertificateOutcome::Failed { .. } => Tally::Failed,
            CertificateOutcome::Skipped { .. } => Tally::Skipped,
        }
    }
}

impl CertificateOutcome {
    /// The outcome's name: `Transferred`, `Accepted`, `Rejected`, `Ready`, `Blocked`, `Failed`
    /// or `Skipped`.
    pub fn name(&self) -> &'static str {
        outcome_name(self)
    }

    /// What goes with the outcome, in a sentence or two, as the journal records it and the command
    /// line prints it: what blocks the certificate, the error and the state it left, or why it
    /// was skipped; `None` for the others.
    pub fn detail(&self) -> Option<String> {
        match self {
            CertificateOutcome::Blocked { blockers } => {
                Some(blockers.iter().map(|blocker| blocker.describe()).collect::<Vec<_>>().join(" "))
            }
            CertificateOutcome::Failed { error, left_state } => {
                Some(format!("{}: {} {left_state}", error.code, error.message))
            }
            CertificateOutcome::Skipped { reason } => Some(reason.clone()),
            _ => None,
        }
    }

    /// Whether the batch took the certificate where it was asked to, now or before.
    pub fn is_done(&self) -> bool {
        matches!(Tally::of(self), Tally::Done | Tally::Skipped)
    }
}
