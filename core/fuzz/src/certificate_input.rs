//! `TransferCertificateInput::validate` (a certificate ID or ARN, an account, a message) and the
//! request built from what it accepts.
//!
//! Input: three parts, invalid UTF-8 replaced:
//! ```text
//! <certificateId or certificate ARN>
//! <targetAwsAccount>
//! <transferMessage: everything after the second line break, line breaks included>
//! ```
//! Without a second line break there is no message (`None`).

use super::text::{first_line, lossy};
use iot_transfer::endpoint::Endpoint;
use iot_transfer::operation::transfer_certificate::{build_request, ValidatedInput};
use iot_transfer::{InputField, TransferCertificateInput, ValidationError, ValidationRule};

const ID_LENGTH: usize = 64;
const ID_PATTERN: &str = "^(0x)?[a-fA-F0-9]+$";
const ACCOUNT_LENGTH: usize = 12;
const ACCOUNT_PATTERN: &str = "^[0-9]+$";
const MESSAGE_MAX_LENGTH: usize = 128;
/// Every AWS partition an ARN may name.
const PARTITIONS: &[&str] =
    &["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

/// Checks that validation never panics, is deterministic, and gives exactly what the model's
/// constraints give, checked in declaration order: the certificate ID (taken from
/// `arn:{partition}:iot:{region}:{account}:cert/{id}`, with lower-case partition and region
/// names, when the value starts with `arn:`) is 64
/// characters matching `^(0x)?[a-fA-F0-9]+$`, the account is 12 ASCII digits, the message has at
/// most 128 characters. An accepted input keeps its values, builds a well-formed request whose
/// path and query carry them and whose JSON body carries the message, and an accepted bare ID
/// is accepted again, unchanged, inside a certificate ARN of every partition.
pub fn check(data: &[u8]) {
    let input = decode(data);
    let result = input.validate();
    assert_eq!(result, input.validate(), "validation is not deterministic");
    let expected = expected_validation(&input);
    match (&result, &expected) {
        (Ok(valid), Ok(id)) => {
            assert_eq!(valid.certificate_id(), *id, "the validated ID is not the given one");
            assert_eq!(valid.target_aws_account(), input.target_aws_account);
            assert_eq!(valid.transfer_message(), input.transfer_message.as_deref());
            check_request(valid);
            if !input.certificate_id.starts_with("arn:") {
                check_inside_arns(&input, id);
            }
        }
        (Err(error), Err(expected)) => {
            assert_eq!(error, expected, "the wrong rule was reported");
            assert!(error.to_string().starts_with(error.field().model_name()), "{error}");
        }
        _ => panic!("validate gave {result:?}, the model's constraints give {expected:?}"),
    }
}

fn decode(data: &[u8]) -> TransferCertificateInput {
    let (certificate_id, rest) = first_line(data);
    let (account, message) = first_line(rest.unwrap_or_default());
    TransferCertificateInput {
        certificate_id: lossy(certificate_id).into_owned(),
        target_aws_account: lossy(account).into_owned(),
        transfer_message: message.map(|m| lossy(m).into_owned()),
    }
}

/// The model's constraints, written out independently of the core: the certificate ID to send,
/// or the first constraint broken.
fn expected_validation(input: &TransferCertificateInput) -> Result<&str, ValidationError> {
    let error = |field, rule| Err(ValidationError::new(field, rule));
    let Some(id) = id_of(&input.certificate_id) else {
        return error(InputField::CertificateId, ValidationRule::CertificateArn);
    };
    if let Some(rule) = length_rule(id, ID_LENGTH) {
        return error(InputField::CertificateId, rule);
    }
    let digits = id.strip_prefix("0x").unwrap_or(id);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return error(InputField::CertificateId, ValidationRule::Pattern { pattern: ID_PATTERN });
    }
    if let Some(rule) = length_rule(&input.target_aws_account, ACCOUNT_LENGTH) {
        return error(InputField::TargetAwsAccount, rule);
    }
    if !input.target_aws_account.chars().all(|c| c.is_ascii_digit()) {
        return error(InputField::TargetAwsAccount, ValidationRule::Pattern { pattern: ACCOUNT_PATTERN });
    }
    let message_length = input.transfer_message.as_deref().map_or(0, |m| m.chars().count());
    if message_length > MESSAGE_MAX_LENGTH {
        let rule = ValidationRule::MaxLength { max: MESSAGE_MAX_LENGTH, actual: message_length };
        return error(InputField::TransferMessage, rule);
    }
    Ok(id)
}

/// The ID a value names: itself, or for a value starting with `arn:` the `{id}` of
/// `arn:{partition}:iot:{region}:{account}:cert/{id}` (partition and region lower-case names as
/// AWS spells them, the ID non-empty).
fn id_of(value: &str) -> Option<&str> {
    let Some(arn) = value.strip_prefix("arn:") else { return Some(value) };
    let (partition, arn) = arn.split_once(':')?;
    let arn = arn.strip_prefix("iot:")?;
    let (region, arn) = arn.split_once(':')?;
    let (_account, resource) = arn.split_once(':')?;
    let id = resource.strip_prefix("cert/")?;
    (is_name(partition) && is_name(region) && !id.is_empty()).then_some(id)
}

/// A partition or region name: 1 to 63 lower-case ASCII letters, digits and `-`, neither
/// starting nor ending with `-`.
fn is_name(value: &str) -> bool {
    (1..=63).contains(&value.len())
        && !value.starts_with('-')
        && !value.ends_with('-')
        && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn length_rule(value: &str, expected: usize) -> Option<ValidationRule> {
    match value.chars().count() {
        0 => Some(ValidationRule::Required),
        actual if actual != expected => Some(ValidationRule::ExactLength { expected, actual }),
        _ => None,
    }
}

fn check_request(valid: &ValidatedInput) {
    let endpoint = Endpoint {
        scheme: "https",
        authority: "iot.us-east-1.amazonaws.com".to_owned(),
        base_path: String::new(),
        signing_region: "us-east-1".to_owned(),
        partition: "aws",
    };
    let request = build_request(valid, &endpoint, "iot-transfer-fuzz");
    let uri = request.uri();
    assert_eq!(uri.path(), format!("/transfer-certificate/{}", valid.certificate_id()));
    assert_eq!(uri.query(), Some(format!("targetAwsAccount={}", valid.target_aws_account()).as_str()));
    let body: serde_json::Value = serde_json::from_slice(request.body()).expect("the request body is not JSON");
    let expected = match valid.transfer_message() {
        Some(message) => serde_json::json!({ "transferMessage": message }),
        None => serde_json::json!({}),
    };
    assert_eq!(body, expected, "the body does not carry the message");
}

fn check_inside_arns(input: &TransferCertificateInput, id: &str) {
    for partition in PARTITIONS {
        let arn = format!("arn:{partition}:iot:us-east-1:123456789012:cert/{id}");
        let wrapped = TransferCertificateInput { certificate_id: arn, ..input.clone() };
        let valid = wrapped.validate().unwrap_or_else(|e| panic!("{id} refused inside an {partition} ARN: {e}"));
        assert_eq!(valid.certificate_id(), id);
    }
}
