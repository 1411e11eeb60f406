//! The paging members the list operations share (`pageSize`, `marker`), checked against the
//! model's constraints.

use super::certificate_id::pattern_error;
use super::{InputField, ValidationError, ValidationRule};

const PAGE_SIZE_MIN: i32 = 1;
const PAGE_SIZE_MAX: i32 = 250;
const MARKER_MAX_LENGTH: usize = 1024;
pub(crate) const MARKER_PATTERN: &str = "[A-Za-z0-9+/]+={0,2}";

/// Checks `pageSize` (1 to 250) and `marker` (at most 1024 characters of `[A-Za-z0-9+/]+={0,2}`).
pub(crate) fn validate_paging(page_size: Option<i32>, marker: Option<&str>) -> Result<(), ValidationError> {
    if let Some(size) = page_size {
        if !(PAGE_SIZE_MIN..=PAGE_SIZE_MAX).contains(&size) {
            let rule =
                ValidationRule::Range { min: PAGE_SIZE_MIN.into(), max: PAGE_SIZE_MAX.into(), actual: size.into() };
            return Err(ValidationError::new(InputField::PageSize, rule));
        }
    }
    if let Some(marker) = marker {
        let actual = marker.chars().count();
        if actual > MARKER_MAX_LENGTH {
            let rule = ValidationRule::MaxLength { max: MARKER_MAX_LENGTH, actual };
            return Err(ValidationError::new(InputField::Marker, rule));
        }
        if !is_marker(marker) {
            return Err(pattern_error(InputField::Marker, MARKER_PATTERN));
        }
    }
    Ok(())
}

/// `[A-Za-z0-9+/]+={0,2}`, the whole value.
fn is_marker(value: &str) -> bool {
    let body = value.trim_end_matches('=');
    value.len() - body.len() <= 2
        && !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(page_size: Option<i32>, marker: Option<&str>) -> (InputField, ValidationRule) {
        let error = validate_paging(page_size, marker).unwrap_err();
        (error.field(), error.rule().clone())
    }

    #[test]
    fn accepts_the_model_ranges() {
        for size in [None, Some(1), Some(250)] {
            assert!(validate_paging(size, None).is_ok());
        }
        for marker in ["25", "AbC+/9==", "x="] {
            assert!(validate_paging(None, Some(marker)).is_ok(), "{marker}");
        }
    }

    #[test]
    fn rejects_what_the_model_forbids() {
        for size in [0, 251, -1, i32::MAX, i32::MIN] {
            let expected = ValidationRule::Range { min: 1, max: 250, actual: size.into() };
            assert_eq!(rule(Some(size), None), (InputField::PageSize, expected));
        }
        for marker in ["", "a b", "===", "a===", "ä"] {
            let expected = (InputField::Marker, ValidationRule::Pattern { pattern: MARKER_PATTERN });
            assert_eq!(rule(None, Some(marker)), expected, "{marker}");
        }
        let long = "a".repeat(1025);
        assert_eq!(
            rule(None, Some(&long)),
            (InputField::Marker, ValidationRule::MaxLength { max: 1024, actual: 1025 })
        );
    }
}
