//! What stands between a certificate and its transfer, found without changing anything
//! ([`Client::check_transfer`](crate::Client::check_transfer)), and the steps that clear it,
//! taken only with the caller's opt-ins ([`Client::prepare_and_transfer`](crate::Client::prepare_and_transfer)).

mod check;
mod prepare;

pub use check::{TransferBlocker, TransferCheck};
pub use prepare::{PrepareOptions, PrepareReport, PrepareStep, StepAction, StepOutcome};
