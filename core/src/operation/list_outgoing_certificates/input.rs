//! The operation's input and its validation.

use crate::operation::certificate_id::pattern_error;
use crate::operation::{InputField, ValidationError, ValidationRule};

const PAGE_SIZE_MIN: u32 = 1;
const PAGE_SIZE_MAX: u32 = 250;
const MARKER_MAX_LENGTH: usize = 1024;
const MARKER_PATTERN: &str = "[A-Za-z0-9+/]+={0,2}";

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
        if let Some(size) = self.page_size {
            if !(PAGE_SIZE_MIN..=PAGE_SIZE_MAX).contains(&size) {
                let rule = ValidationRule::Range { min: PAGE_SIZE_MIN.into(), max: PAGE_SIZE_MAX.into() };
                return Err(ValidationError::new(InputField::PageSize, rule));
            }
        }
        if let Some(marker) = &self.marker {
            let actual = marker.chars().count();
            if actual > MARKER_MAX_LENGTH {
                let rule = ValidationRule::MaxLength { max: MARKER_MAX_LENGTH, actual };
                return Err(ValidationError::new(InputField::Marker, rule));
            }
            if !is_marker(marker) {
                return Err(pattern_error(InputField::Marker, MARKER_PATTERN));
            }
        }
        Ok(ValidatedInput(self.clone()))
    }
}

/// `[A-Za-z0-9+/]+={0,2}`, the whole value.
fn is_marker(value: &str) -> bool {
    let body = value.trim_end_matches('=');
    value.len() - body.len() <= 2
        && !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(input: ListOutgoingCertificatesInput) -> (InputField, ValidationRule) {
        let error = input.validate().unwrap_err();
        (error.field(), error.rule().clone())
    }

    #[test]
    fn accepts_the_model_ranges() {
        for size in [None, Some(1), Some(250)] {
            assert!(ListOutgoingCertificatesInput { page_size: size, ..Default::default() }.validate().is_ok());
        }
        for marker in ["25", "AbC+/9==", "x="] {
            let input = ListOutgoingCertificatesInput { marker: Some(marker.into()), ..Default::default() };
            assert!(input.validate().is_ok(), "{marker}");
        }
    }

    #[test]
    fn rejects_what_the_model_forbids() {
        for size in [0, 251, u32::MAX] {
            let input = ListOutgoingCertificatesInput { page_size: Some(size), ..Default::default() };
            assert_eq!(rule(input), (InputField::PageSize, ValidationRule::Range { min: 1, max: 250 }));
        }
        for marker in ["", "a b", "===", "a===", "ä"] {
            let input = ListOutgoingCertificatesInput { marker: Some(marker.into()), ..Default::default() };
            assert_eq!(
                rule(input),
                (InputField::Marker, ValidationRule::Pattern { pattern: MARKER_PATTERN }),
                "{marker}"
            );
        }
        let long = ListOutgoingCertificatesInput { marker: Some("a".repeat(1025)), ..Default::default() };
        assert_eq!(rule(long), (InputField::Marker, ValidationRule::MaxLength { max: 1024, actual: 1025 }));
    }
}
