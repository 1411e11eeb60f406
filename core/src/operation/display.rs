//! How the enums the operations return print (`Display`), for people reading them: a status as
//! the service spells it (`PENDING_TRANSFER`), a blocker as the sentence saying what clears it, a
//! step of `prepare_and_transfer` as the operation it made and how it went.

use crate::operation::shapes::{CertificateStatus, StepAction, StepOutcome, TransferBlocker};
use std::fmt;

impl fmt::Display for CertificateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for TransferBlocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl fmt::Display for StepAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepAction::Deactivate => f.write_str("UpdateCertificate to INACTIVE"),
            StepAction::DetachPolicy { policy_name } => write!(f, "DetachPolicy of {policy_name}"),
            StepAction::Transfer => f.write_str("TransferCertificate"),
            StepAction::Accept => f.write_str("AcceptCertificateTransfer"),
            StepAction::Reject => f.write_str("RejectCertificateTransfer"),
        }
    }
}

impl fmt::Display for StepOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepOutcome::Done => f.write_str("done"),
            StepOutcome::Failed { code, message, possibly_applied, .. } => {
                write!(f, "failed ({code}: {message})")?;
                if *possibly_applied {
                    f.write_str(", and may have been applied")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_print_for_people() {
        assert_eq!(CertificateStatus::PendingTransfer.to_string(), "PENDING_TRANSFER");
        assert_eq!(CertificateStatus::Unknown("QUARANTINED".into()).to_string(), "QUARANTINED");
        let blocker = TransferBlocker::PoliciesAttached { policy_names: vec!["fleet".into()] };
        assert_eq!(blocker.to_string(), blocker.describe());
        assert_eq!(StepAction::DetachPolicy { policy_name: "fleet".into() }.to_string(), "DetachPolicy of fleet");
        let failed = StepOutcome::Failed {
            kind: "Throttling".into(),
            code: "ThrottlingException".into(),
            message: "slow down".into(),
            possibly_applied: true,
        };
        assert_eq!(failed.to_string(), "failed (ThrottlingException: slow down), and may have been applied");
    }
}
