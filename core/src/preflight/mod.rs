//! The workflow calls of a transfer, declared beside the operations (the registry's
//! `workflows`): what stands between a certificate and its transfer, found without changing
//! anything (`check_transfer`), and the steps that clear it, taken only with the caller's opt-ins
//! (`prepare_and_transfer`).

mod check;
mod prepare;

pub use check::{CheckTransferInput, TransferBlocker, TransferCheck};
pub(crate) use prepare::step_failure;
pub use prepare::{PrepareAndTransferInput, PrepareReport, PrepareStep, StepAction, StepOutcome};
