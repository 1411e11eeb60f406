//! The `certificateId` member every certificate operation shares: 64 hexadecimal characters
//! (optionally `0x`-prefixed), or given as the certificate's ARN.

use super::certificate_arn;
use super::validation::{InputField, ValidationError, ValidationRule};

pub(crate) const CERTIFICATE_ID_LENGTH: usize = 64;
pub(crate) const CERTIFICATE_ID_PATTERN: &str = "^(0x)?[a-fA-F0-9]+$";

/// The certificate ID in `value` (taken from the ARN when `value` is one), checked against the
/// model's length and pattern.
pub(crate) fn validate_certificate_id(value: &str) -> Result<&str, ValidationError> {
    let certificate_id = certificate_id_from(value)?;
    check_exact(InputField::CertificateId, certificate_id, CERTIFICATE_ID_LENGTH)?;
    if !is_certificate_id(certificate_id) {
        return Err(pattern_error(InputField::CertificateId, CERTIFICATE_ID_PATTERN));
    }
    Ok(certificate_id)
}

/// Returns the certificate ID, taking it from an ARN when the value is one.
fn certificate_id_from(value: &str) -> Result<&str, ValidationError> {
    match certificate_arn::parse(value) {
        None => Ok(value),
        Some(arn) => arn.map(|arn| arn.certificate_id),
    }
}

fn is_certificate_id(value: &str) -> bool {
    let digits = value.strip_prefix("0x").unwrap_or(value);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether two certificate IDs name the same certificate: compared without case and without a
/// `0x` prefix (IDs are hexadecimal SHA-256 digests), so that an ID given in upper case or with
/// the prefix still finds its certificate.
pub(crate) fn same_certificate_id(a: &str, b: &str) -> bool {
    let bare = |id: &str| id.strip_prefix("0x").unwrap_or(id).to_ascii_lowercase();
    bare(a) == bare(b)
}

/// Checks that `value` has exactly `expected` characters (and is not empty).
pub(crate) fn check_exact(field: InputField, value: &str, expected: usize) -> Result<(), ValidationError> {
    let actual = value.chars().count();
    match actual {
        0 => Err(ValidationError::new(field, ValidationRule::Required)),
        n if n != expected => Err(ValidationError::new(field, ValidationRule::ExactLength { expected, actual })),
        _ => Ok(()),
    }
}

/// The error of `field` not matching `pattern`.
pub(crate) fn pattern_error(field: InputField, pattern: &'static str) -> ValidationError {
    ValidationError::new(field, ValidationRule::Pattern { pattern })
}

#[cfg(test)]
mod tests {
    use super::same_certificate_id;

    #[test]
    fn ids_compare_without_case_or_prefix() {
        let id = "ab".repeat(32);
        assert!(same_certificate_id(&id, &id.to_ascii_uppercase()));
        assert!(same_certificate_id(&format!("0x{}", &id[2..]), &id[2..]));
        assert!(!same_certificate_id(&id, &"cd".repeat(32)));
    }
}
