//! The operation's input and its validation.

use crate::operation::certificate_id::validate_certificate_id;
use crate::operation::ValidationError;

/// Which certificate to describe: its ID, or its full ARN (the ID is then taken from it; the
/// client refuses an ARN of another partition or region than its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DescribeCertificateInput {
    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
    pub certificate_id: String,
}

impl DescribeCertificateInput {
    /// An input for `certificate_id`.
    pub fn new(certificate_id: impl Into<String>) -> Self {
        Self { certificate_id: certificate_id.into() }
    }

    /// Checks the input against the model's constraints.
    pub fn validate(&self) -> Result<ValidatedInput, ValidationError> {
        let certificate_id = validate_certificate_id(&self.certificate_id)?;
        Ok(ValidatedInput { certificate_id: certificate_id.to_owned() })
    }
}

/// An input that satisfies the model; only [`DescribeCertificateInput::validate`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedInput {
    certificate_id: String,
}

impl ValidatedInput {
    /// The certificate ID (taken from the ARN when one was given).
    pub fn certificate_id(&self) -> &str {
        &self.certificate_id
    }

    pub(crate) fn from_valid_id(certificate_id: &str) -> Self {
        Self { certificate_id: certificate_id.to_owned() }
    }
}
