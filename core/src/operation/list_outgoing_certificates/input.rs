//! The operation's input and its validation.

use crate::operation::paging::validate_paging;
use crate::operation::ValidationError;

/// Which page of the caller's outgoing transfers to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOutgoingCertificatesInput {
    /// Results per page, 1 to 250 (the service's default when absent).
    pub page_size: Option<u32>,
    /// Where the page starts: the previous page's `next_marker`.
    pub marker: Option<String>,
    /// Oldest first when true (the service lists newest first by default).
    pub ascending_order: Option<bool>,
}

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
