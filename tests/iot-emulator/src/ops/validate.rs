//! Input constraints from the IoT model, answered with `InvalidRequestException` and messages in
//! the style of AWS's validation errors.

use crate::error::ApiError;

/// The longest transfer message or reject reason (model: `Message`, max 128).
pub const MAX_MESSAGE_CHARACTERS: usize = 128;

/// A certificate ID as the model allows it: 64 characters of `(0x)?[a-fA-F0-9]+`. Returned in
/// lower case, the form the emulator stores (a `0x`-prefixed value names no certificate, since
/// IDs have 64 hex digits).
pub fn certificate_id(value: Option<&str>) -> Result<String, ApiError> {
    let value = required("certificateId", value)?;
    let digits = value.strip_prefix("0x").unwrap_or(value);
    if value.chars().count() != 64 {
        return Err(constraint("certificateId", value, "Member must have length equal to 64"));
    }
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return Err(constraint(
            "certificateId",
            value,
            "Member must satisfy regular expression pattern: (0x)?[a-fA-F0-9]+",
        ));
    }
    Ok(value.to_ascii_lowercase())
}

/// A 12-digit AWS account ID.
pub fn account_id(name: &str, value: Option<&str>) -> Result<String, ApiError> {
    let value = required(name, value)?;
    if value.len() != 12 || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(constraint(name, value, "Member must be 12 digits (pattern [0-9]+, length 12)"));
    }
    Ok(value.to_owned())
}

/// An optional message of at most 128 characters.
pub fn message(name: &str, value: Option<&str>) -> Result<Option<String>, ApiError> {
    match value {
        Some(text) if text.chars().count() > MAX_MESSAGE_CHARACTERS => {
            Err(constraint(name, text, "Member must have length less than or equal to 128"))
        }
        other => Ok(other.map(str::to_owned)),
    }
}

/// A policy name: 1 to 128 characters of `[\w+=,.@-]`.
pub fn policy_name(value: Option<&str>) -> Result<String, ApiError> {
    let value = required("policyName", value)?;
    let allowed = |c: char| c.is_alphanumeric() || "_+=,.@-".contains(c);
    if value.is_empty() || value.chars().count() > 128 || !value.chars().all(allowed) {
        return Err(constraint("policyName", value, "Member must satisfy regular expression pattern: [\\w+=,.@-]+"));
    }
    Ok(value.to_owned())
}

/// A member the model marks as required.
pub fn required<'a>(name: &str, value: Option<&'a str>) -> Result<&'a str, ApiError> {
    value.ok_or_else(|| ApiError::invalid_request(format!("1 validation error detected: {name} is required")))
}

fn constraint(name: &str, value: &str, rule: &str) -> ApiError {
    ApiError::invalid_request(format!(
        "1 validation error detected: Value '{value}' at '{name}' failed to satisfy constraint: {rule}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "3C4F1E2B5D6A7C8E9F0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8A9B0C1D2E";

    #[test]
    fn certificate_ids_are_64_hex_characters() {
        assert_eq!(certificate_id(Some(ID)).unwrap(), ID.to_ascii_lowercase());
        assert!(certificate_id(Some(&ID[1..])).is_err());
        assert!(certificate_id(Some(&format!("{}g", &ID[1..]))).is_err());
        assert!(certificate_id(Some(&format!("0x{}", &ID[2..]))).is_ok());
        assert!(certificate_id(None).is_err());
    }

    #[test]
    fn accounts_are_12_digits() {
        assert!(account_id("targetAwsAccount", Some("444455556666")).is_ok());
        for bad in ["44445555666", "4444555566667", "4444-5555-66", "44445555666x"] {
            let error = account_id("targetAwsAccount", Some(bad)).unwrap_err();
            assert_eq!(error.code, "InvalidRequestException", "{bad}");
        }
    }

    #[test]
    fn messages_are_at_most_128_characters() {
        assert!(message("transferMessage", Some(&"é".repeat(128))).is_ok());
        assert!(message("transferMessage", Some(&"a".repeat(129))).is_err());
        assert_eq!(message("transferMessage", None).unwrap(), None);
    }

    #[test]
    fn policy_names_follow_the_pattern() {
        assert!(policy_name(Some("demo-policy_1.a@b")).is_ok());
        assert!(policy_name(Some("bad name")).is_err());
        assert!(policy_name(Some("")).is_err());
    }
}
