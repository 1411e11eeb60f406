//! The operation's input and its validation.

use crate::operation::certificate_id::validate_certificate_id;
pub use crate::operation::shapes::DescribeCertificateInput;
use crate::operation::ValidationError;

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
}
