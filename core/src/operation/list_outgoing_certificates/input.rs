//! The operation's input and its validation.

use crate::operation::paging::validate_paging;
pub use crate::operation::shapes::ListOutgoingCertificatesInput;
use crate::operation::ValidationError;

impl ListOutgoingCertificatesInput {
    /// Checks the input against the model's constraints.
    pub fn validate(&self) -> Result<ValidatedInput, ValidationError> {
        validate_paging(self.page_size, self.marker.as_deref())?;
        Ok(ValidatedInput(self.clone()))
    }
}

/// An input that satisfies the model; only [`ListOutgoingCertificatesInput::validate`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedInput(ListOutgoingCertificatesInput);

impl ValidatedInput {
    /// The validated input.
    pub fn input(&self) -> &ListOutgoingCertificatesInput {
        &self.0
    }
}
