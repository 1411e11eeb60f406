//! The preflight and the prepared transfer: the core's `check_transfer` and
//! `prepare_and_transfer`, async and blocking, with the report as a record.

use crate::client::{blocking, on_runtime, IotTransferClient};
use crate::error::IotTransferError;
use iot_transfer::{
    ErrorDetails, PrepareOptions, PrepareStep, TransferBlocker, TransferCertificateInput, TransferCertificateOutput,
    TransferCheck,
};

/// What `prepare_and_transfer` did, step by step.
#[derive(Debug, uniffi::Record)]
pub struct PrepareReport {
    /// What the check before any change found.
    pub check: TransferCheck,
    /// The blockers the options did not allow clearing: when any is left, nothing was changed.
    pub remaining_blockers: Vec<TransferBlocker>,
    /// The steps taken, in order; a failed step is the last one.
    pub steps: Vec<PrepareStep>,
    /// The transfer, when every step succeeded.
    pub transfer: Option<TransferCertificateOutput>,
    /// The failed step's error, when a step failed: its kind, code, message, hint and metadata.
    pub error: Option<ErrorDetails>,
    /// The failed step's hint, when it has one (the same as `error`'s).
    pub hint: Option<String>,
    /// What state the steps left the certificate in, in one sentence.
    pub left_state: String,
}

impl PrepareReport {
    fn new(report: iot_transfer::PrepareReport, options: PrepareOptions) -> Self {
        Self {
            remaining_blockers: report.remaining_blockers(options).into_iter().cloned().collect(),
            error: report.error.as_ref().map(iot_transfer::Error::details),
            hint: report.error.as_ref().and_then(|error| error.hint()).map(str::to_owned),
            left_state: report.left_state(),
            check: report.check,
            steps: report.steps,
            transfer: report.transfer,
        }
    }
}

#[uniffi::export]
impl IotTransferClient {
    /// What would make `transfer_certificate` of `certificate_id` to `target_account` fail,
    /// found without changing anything: not found, ACTIVE, REVOKED, already pending and to whom,
    /// offered to this account rather than owned, the target owning it, attached policies.
    pub async fn check_transfer(
        &self,
        certificate_id: String,
        target_account: String,
    ) -> Result<TransferCheck, IotTransferError> {
        let client = self.client.clone();
        on_runtime(async move { Ok(client.check_transfer(certificate_id, target_account).await?) }).await
    }

    /// The same as `check_transfer`, blocking.
    pub fn check_transfer_blocking(
        &self,
        certificate_id: String,
        target_account: String,
    ) -> Result<TransferCheck, IotTransferError> {
        blocking(async { Ok(self.client.check_transfer(certificate_id, target_account).await?) })
    }

    /// Checks the transfer; when every blocker is one `options` allow clearing, deactivates the
    /// certificate and detaches its policies as allowed, then transfers it. Stops at the first
    /// failed step; the report says what each step did and what state it left.
    pub async fn prepare_and_transfer(
        &self,
        input: TransferCertificateInput,
        options: PrepareOptions,
    ) -> Result<PrepareReport, IotTransferError> {
        let client = self.client.clone();
        let report = on_runtime(async move { Ok(client.prepare_and_transfer(input, options).await?) }).await?;
        Ok(PrepareReport::new(report, options))
    }

    /// The same as `prepare_and_transfer`, blocking.
    pub fn prepare_and_transfer_blocking(
        &self,
        input: TransferCertificateInput,
        options: PrepareOptions,
    ) -> Result<PrepareReport, IotTransferError> {
        let report = blocking(async { Ok(self.client.prepare_and_transfer(input, options).await?) })?;
        Ok(PrepareReport::new(report, options))
    }
}
