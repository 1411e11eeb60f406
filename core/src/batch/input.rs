//! A batch's input, checked whole before anything is sent: every certificate, the accounts, the
//! message or reason, and the batch's settings.

use crate::operation::shapes::{HandoverInput, IncomingTransfersInput};
use crate::operation::transfer_certificate::check_account;
use crate::operation::{
    validate_certificate_id, InputField, OperationInput, RejectCertificateTransferInput, ValidationError,
    ValidationRule,
};
use crate::TransferCertificateInput;

/// The most certificates worked on at once.
pub(crate) const MAX_CONCURRENCY: u32 = 64;
/// The highest request rate a batch may be given, in requests per second.
const MAX_REQUESTS_PER_SECOND: u32 = 100_000;

/// A certificate ID no certificate has, for checking members that go with one.
const ANY_CERTIFICATE_ID: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The settings every batch has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settings {
    /// How many certificates are worked on at once.
    pub(crate) max_concurrency: usize,
    /// The batch's request rate (0: no limit of its own).
    pub(crate) requests_per_second: u32,
    /// Stop starting certificates after this many failures (0: never).
    pub(crate) max_failures: u32,
}

impl Settings {
    fn checked(max_concurrency: u32, requests_per_second: u32, max_failures: u32) -> Result<Self, ValidationError> {
        in_range(InputField::MaxConcurrency, max_concurrency, 1, MAX_CONCURRENCY)?;
        in_range(InputField::RequestsPerSecond, requests_per_second, 0, MAX_REQUESTS_PER_SECOND)?;
        Ok(Self { max_concurrency: max_concurrency as usize, requests_per_second, max_failures })
    }
}

fn in_range(field: InputField, value: u32, min: u32, max: u32) -> Result<(), ValidationError> {
    if (min..=max).contains(&value) {
        return Ok(());
    }
    let rule = ValidationRule::Range { min: min.into(), max: max.into(), actual: value.into() };
    Err(ValidationError::new(field, rule))
}

/// The error of the certificate at `index` breaking `error`'s rule.
fn in_list(index: usize, error: ValidationError) -> ValidationError {
    let index = u32::try_from(index).unwrap_or(u32::MAX);
    ValidationError::new(
        InputField::Certificates,
        ValidationRule::ListItem { index, rule: Box::new(error.rule().clone()) },
    )
}

impl HandoverInput {
    /// A handover of `certificates` to `target_aws_account` that changes nothing else, with the
    /// default settings.
    pub fn new(
        certificates: impl IntoIterator<Item = impl Into<String>>,
        target_aws_account: impl Into<String>,
    ) -> Self {
        Self {
            certificates: certificates.into_iter().map(Into::into).collect(),
            target_aws_account: target_aws_account.into(),
            max_concurrency: 4,
            requests_per_second: 10,
            ..Self::default()
        }
    }

    /// Checks every member; returns the certificate IDs (taken from ARNs) and the settings.
    pub(crate) fn check(&self) -> Result<(Vec<String>, Settings), ValidationError> {
        if self.certificates.is_empty() {
            return Err(ValidationError::new(InputField::Certificates, ValidationRule::Required));
        }
        let mut ids = Vec::with_capacity(self.certificates.len());
        for (index, certificate) in self.certificates.iter().enumerate() {
            let transfer = TransferCertificateInput {
                certificate_id: certificate.clone(),
                target_aws_account: self.target_aws_account.clone(),
                transfer_message: self.transfer_message.clone(),
            };
            match transfer.validate() {
                Ok(valid) => ids.push(valid.certificate_id().to_owned()),
                Err(error) if error.field() == InputField::CertificateId => return Err(in_list(index, error)),
                Err(error) => return Err(error),
            }
        }
        Ok((ids, Settings::checked(self.max_concurrency, self.requests_per_second, self.max_failures)?))
    }
}

impl HandoverInput {
    /// Checks every member but the certificates, which `handover_stream` (native) takes from its stream
    /// (each checked as it arrives): the input's own list must be empty. Returns the settings.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn check_streamed(&self) -> Result<Settings, ValidationError> {
        if !self.certificates.is_empty() {
            let rule = ValidationRule::NotApplicable { call: "handover_stream" };
            return Err(ValidationError::new(InputField::Certificates, rule));
        }
        let transfer = TransferCertificateInput {
            certificate_id: ANY_CERTIFICATE_ID.to_owned(),
            target_aws_account: self.target_aws_account.clone(),
            transfer_message: self.transfer_message.clone(),
        };
        transfer.validate()?;
        Settings::checked(self.max_concurrency, self.requests_per_second, self.max_failures)
    }
}

impl IncomingTransfersInput {
    /// Every transfer offered to the caller's account, with the default settings.
    pub fn all_offered() -> Self {
        Self { max_concurrency: 4, requests_per_second: 10, ..Self::default() }
    }

    /// Checks every member for `call` (`accept_transfers` or `reject_transfers`); returns the
    /// certificate IDs asked for (taken from ARNs) and the settings.
    pub(crate) fn check(
        &self,
        call: &'static str,
        rejecting: bool,
    ) -> Result<(Vec<String>, Settings), ValidationError> {
        if rejecting && self.set_as_active {
            return Err(ValidationError::new(InputField::SetAsActive, ValidationRule::NotApplicable { call }));
        }
        if !rejecting && self.reject_reason.is_some() {
            return Err(ValidationError::new(InputField::RejectReason, ValidationRule::NotApplicable { call }));
        }
        if let Some(account) = &self.from_account {
            check_account(InputField::FromAccount, account)?;
        }
        let reject = |certificate_id: &str| RejectCertificateTransferInput {
            certificate_id: certificate_id.to_owned(),
            reject_reason: self.reject_reason.clone(),
        };
        reject(ANY_CERTIFICATE_ID).validate()?;
        let mut ids = Vec::with_capacity(self.certificates.len());
        for (index, certificate) in self.certificates.iter().enumerate() {
            match validate_certificate_id(certificate) {
                Ok(id) => ids.push(id.to_owned()),
                Err(error) => return Err(in_list(index, error)),
            }
        }
        Ok((ids, Settings::checked(self.max_concurrency, self.requests_per_second, self.max_failures)?))
    }
}
