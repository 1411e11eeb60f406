//! The operation's input and its validation against the model's constraints.

use crate::operation::certificate_id::{check_exact, pattern_error, validate_certificate_id};
pub use crate::operation::shapes::TransferCertificateInput;
use crate::operation::{InputField, ValidationError, ValidationRule};

const ACCOUNT_LENGTH: usize = 12;
const ACCOUNT_PATTERN: &str = "^[0-9]+$";
const MESSAGE_MAX_LENGTH: usize = 128;

impl TransferCertificateInput {
    /// An input without a transfer message.
    pub fn new(certificate_id: impl Into<String>, target_aws_account: impl Into<String>) -> Self {
        Self {
            certificate_id: certificate_id.into(),
            target_aws_account: target_aws_account.into(),
            transfer_message: None,
        }
    }

    /// Adds a transfer message.
    pub fn with_transfer_message(mut self, message: impl Into<String>) -> Self {
        self.transfer_message = Some(message.into());
        self
    }

    /// Checks every member against the model's constraints, in declaration order, and returns
    /// the input in the form the request is built from.
    pub fn validate(&self) -> Result<ValidatedInput, ValidationError> {
        let certificate_id = validate_certificate_id(&self.certificate_id)?;
        check_account(InputField::TargetAwsAccount, &self.target_aws_account)?;
        if let Some(message) = &self.transfer_message {
            let actual = message.chars().count();
            if actual > MESSAGE_MAX_LENGTH {
                let rule = ValidationRule::MaxLength { max: MESSAGE_MAX_LENGTH, actual };
                return Err(ValidationError::new(InputField::TransferMessage, rule));
            }
        }
        Ok(ValidatedInput {
            certificate_id: certificate_id.to_owned(),
            target_aws_account: self.target_aws_account.clone(),
            transfer_message: self.transfer_message.clone(),
        })
    }
}

/// Checks an AWS account ID: 12 digits.
pub(crate) fn check_account(field: InputField, account: &str) -> Result<(), ValidationError> {
    check_exact(field, account, ACCOUNT_LENGTH)?;
    if !account.bytes().all(|b| b.is_ascii_digit()) {
        return Err(pattern_error(field, ACCOUNT_PATTERN));
    }
    Ok(())
}

/// An input that satisfies every constraint of the model; only [`TransferCertificateInput::validate`]
/// makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedInput {
    certificate_id: String,
    target_aws_account: String,
    transfer_message: Option<String>,
}

impl ValidatedInput {
    /// The certificate ID (taken from the ARN when one was given).
    pub fn certificate_id(&self) -> &str {
        &self.certificate_id
    }

    /// The receiving account.
    pub fn target_aws_account(&self) -> &str {
        &self.target_aws_account
    }

    /// The transfer message, if any.
    pub fn transfer_message(&self) -> Option<&str> {
        self.transfer_message.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::certificate_id::CERTIFICATE_ID_PATTERN;

    const ID: &str = "a3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2";

    fn rule_for(input: TransferCertificateInput) -> (InputField, ValidationRule) {
        let error = input.validate().unwrap_err();
        (error.field(), error.rule().clone())
    }

    #[test]
    fn accepts_a_valid_input_and_keeps_it_unchanged() {
        let input = TransferCertificateInput::new(ID, "123456789012").with_transfer_message("hi \"there\"\n");
        let valid = input.validate().unwrap();
        assert_eq!(valid.certificate_id(), ID);
        assert_eq!(valid.target_aws_account(), "123456789012");
        assert_eq!(valid.transfer_message(), Some("hi \"there\"\n"));
    }

    #[test]
    fn accepts_a_0x_prefixed_id_of_64_characters_in_all() {
        let id = format!("0x{}", &ID[2..]);
        assert_eq!(TransferCertificateInput::new(&id, "123456789012").validate().unwrap().certificate_id(), id);
    }

    #[test]
    fn takes_the_id_from_a_certificate_arn() {
        for partition in ["aws", "aws-cn", "aws-us-gov"] {
            let arn = format!("arn:{partition}:iot:us-east-1:123456789012:cert/{ID}");
            let valid = TransferCertificateInput::new(arn, "123456789012").validate().unwrap();
            assert_eq!(valid.certificate_id(), ID);
        }
    }

    #[test]
    fn rejects_arns_that_are_not_iot_certificates() {
        for arn in [
            format!("arn:aws:s3:::bucket/{ID}"),
            format!("arn:aws:iot:us-east-1:123456789012:thing/{ID}"),
            "arn:aws:iot:us-east-1:123456789012:cert/".to_owned(),
            "arn:aws:iot".to_owned(),
        ] {
            let (field, rule) = rule_for(TransferCertificateInput::new(arn, "123456789012"));
            assert_eq!((field, rule), (InputField::CertificateId, ValidationRule::CertificateArn));
        }
    }

    #[test]
    fn an_arn_with_a_bad_id_reports_the_id_rule() {
        let arn = "arn:aws:iot:us-east-1:123456789012:cert/abc";
        let (field, rule) = rule_for(TransferCertificateInput::new(arn, "123456789012"));
        assert_eq!(field, InputField::CertificateId);
        assert_eq!(rule, ValidationRule::ExactLength { expected: 64, actual: 3 });
    }

    #[test]
    fn certificate_id_rules() {
        let cases = [
            ("", ValidationRule::Required),
            ("abc", ValidationRule::ExactLength { expected: 64, actual: 3 }),
            (&format!("{ID}0"), ValidationRule::ExactLength { expected: 64, actual: 65 }),
            (&format!("{}g", &ID[1..]), ValidationRule::Pattern { pattern: CERTIFICATE_ID_PATTERN }),
            (&format!("0X{}", &ID[2..]), ValidationRule::Pattern { pattern: CERTIFICATE_ID_PATTERN }),
            (&format!("{}/", &ID[1..]), ValidationRule::Pattern { pattern: CERTIFICATE_ID_PATTERN }),
        ];
        for (id, expected) in cases {
            let (field, rule) = rule_for(TransferCertificateInput::new(id, "123456789012"));
            assert_eq!((field, rule), (InputField::CertificateId, expected), "id {id:?}");
        }
    }

    #[test]
    fn target_account_rules() {
        let cases = [
            ("", ValidationRule::Required),
            ("12345678901", ValidationRule::ExactLength { expected: 12, actual: 11 }),
            ("1234567890123", ValidationRule::ExactLength { expected: 12, actual: 13 }),
            ("12345678901a", ValidationRule::Pattern { pattern: ACCOUNT_PATTERN }),
            ("１２３４５６７８９０１２", ValidationRule::Pattern { pattern: ACCOUNT_PATTERN }),
        ];
        for (account, expected) in cases {
            let (field, rule) = rule_for(TransferCertificateInput::new(ID, account));
            assert_eq!((field, rule), (InputField::TargetAwsAccount, expected), "account {account:?}");
        }
    }

    #[test]
    fn message_length_counts_characters_not_bytes() {
        let ok = TransferCertificateInput::new(ID, "123456789012").with_transfer_message("é".repeat(128));
        assert!(ok.validate().is_ok());
        let empty = TransferCertificateInput::new(ID, "123456789012").with_transfer_message("");
        assert!(empty.validate().is_ok());
        let long = TransferCertificateInput::new(ID, "123456789012").with_transfer_message("x".repeat(129));
        assert_eq!(rule_for(long), (InputField::TransferMessage, ValidationRule::MaxLength { max: 128, actual: 129 }));
    }

    #[test]
    fn the_error_message_names_field_and_rule() {
        let error = TransferCertificateInput::new(ID, "42").validate().unwrap_err();
        assert_eq!(error.to_string(), "targetAwsAccount must be exactly 12 characters long (got 2)");
    }
}
