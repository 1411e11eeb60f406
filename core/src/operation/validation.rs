//! The model's input constraints, as a typed error that names the field and the rule broken.

use std::fmt;

/// A member of an operation's input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputField {
    /// `certificateId`.
    CertificateId,
    /// `targetAwsAccount`.
    TargetAwsAccount,
    /// `transferMessage`.
    TransferMessage,
    /// `pageSize` of a list operation.
    PageSize,
    /// `marker` of a list operation: where the next page starts.
    Marker,
    /// `setAsActive` of `AcceptCertificateTransfer`.
    SetAsActive,
    /// `ascendingOrder` of a list operation.
    AscendingOrder,
    /// `recursive` of `ListAttachedPolicies`.
    Recursive,
    /// `deactivate` of the prepare options.
    Deactivate,
    /// `detachPolicies` of the prepare options.
    DetachPolicies,
    /// `rejectReason` of `RejectCertificateTransfer`.
    RejectReason,
    /// `newStatus` of `UpdateCertificate`.
    NewStatus,
    /// `policyName` of `DetachPolicy`.
    PolicyName,
    /// `target` of `DetachPolicy` and `ListAttachedPolicies`: a certificate ARN, thing group ARN
    /// or Cognito ID.
    Target,
    /// `certificates` of a batch: the certificates it works on.
    Certificates,
    /// `planOnly` of a batch.
    PlanOnly,
    /// `maxConcurrency` of a batch.
    MaxConcurrency,
    /// `requestsPerSecond` of a batch.
    RequestsPerSecond,
    /// `maxFailures` of a batch.
    MaxFailures,
    /// `journal` of a batch: its journal file.
    Journal,
    /// `fromAccount` of a batch of incoming transfers.
    FromAccount,
    /// The time a request is signed for (`signingDate` in JavaScript, as the JS SDK's presigner
    /// names it): not a model member, but checked like one before anything is signed.
    SigningDate,
}

impl InputField {
    /// The member's name in the AWS model (`certificateId`, ...), as the other SDKs spell it.
    pub fn model_name(self) -> &'static str {
        match self {
            InputField::CertificateId => "certificateId",
            InputField::TargetAwsAccount => "targetAwsAccount",
            InputField::TransferMessage => "transferMessage",
            InputField::PageSize => "pageSize",
            InputField::Marker => "marker",
            InputField::SetAsActive => "setAsActive",
            InputField::AscendingOrder => "ascendingOrder",
            InputField::Recursive => "recursive",
            InputField::Deactivate => "deactivate",
            InputField::DetachPolicies => "detachPolicies",
            InputField::RejectReason => "rejectReason",
            InputField::NewStatus => "newStatus",
            InputField::PolicyName => "policyName",
            InputField::Target => "target",
            InputField::Certificates => "certificates",
            InputField::PlanOnly => "planOnly",
            InputField::MaxConcurrency => "maxConcurrency",
            InputField::RequestsPerSecond => "requestsPerSecond",
            InputField::MaxFailures => "maxFailures",
            InputField::Journal => "journal",
            InputField::FromAccount => "fromAccount",
            InputField::SigningDate => "signingDate",
        }
    }
}

impl InputField {
    /// The member's name in snake case, as the core's Rust fields and the Python binding's
    /// arguments spell it (`certificate_id`, ...). The signing time is `signing_time`, the
    /// argument of the uniffi binding's signing methods.
    pub fn snake_case_name(self) -> &'static str {
        match self {
            InputField::CertificateId => "certificate_id",
            InputField::TargetAwsAccount => "target_aws_account",
            InputField::TransferMessage => "transfer_message",
            InputField::PageSize => "page_size",
            InputField::Marker => "marker",
            InputField::SetAsActive => "set_as_active",
            InputField::AscendingOrder => "ascending_order",
            InputField::Recursive => "recursive",
            InputField::Deactivate => "deactivate",
            InputField::DetachPolicies => "detach_policies",
            InputField::RejectReason => "reject_reason",
            InputField::NewStatus => "new_status",
            InputField::PolicyName => "policy_name",
            InputField::Target => "target",
            InputField::Certificates => "certificates",
            InputField::PlanOnly => "plan_only",
            InputField::MaxConcurrency => "max_concurrency",
            InputField::RequestsPerSecond => "requests_per_second",
            InputField::MaxFailures => "max_failures",
            InputField::Journal => "journal",
            InputField::FromAccount => "from_account",
            InputField::SigningDate => "signing_time",
        }
    }

    /// The member's name as `naming` spells it.
    pub fn name(self, naming: FieldNaming) -> &'static str {
        match naming {
            FieldNaming::Model => self.model_name(),
            FieldNaming::SnakeCase => self.snake_case_name(),
        }
    }

    /// Every member, for looking one up by its model name.
    pub const ALL: [InputField; 22] = [
        InputField::CertificateId,
        InputField::TargetAwsAccount,
        InputField::TransferMessage,
        InputField::PageSize,
        InputField::Marker,
        InputField::SetAsActive,
        InputField::AscendingOrder,
        InputField::Recursive,
        InputField::Deactivate,
        InputField::DetachPolicies,
        InputField::RejectReason,
        InputField::NewStatus,
        InputField::PolicyName,
        InputField::Target,
        InputField::Certificates,
        InputField::PlanOnly,
        InputField::MaxConcurrency,
        InputField::RequestsPerSecond,
        InputField::MaxFailures,
        InputField::Journal,
        InputField::FromAccount,
        InputField::SigningDate,
    ];

    /// The member whose model name is `name` (`certificateId`, ...), for bindings that read
    /// members by name.
    pub fn from_model_name(name: &str) -> Option<InputField> {
        Self::ALL.into_iter().find(|field| field.model_name() == name)
    }
}

/// How a message names an input member: each binding chooses the names its callers write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldNaming {
    /// As the AWS model and the JavaScript, Kotlin and Swift bindings name it: `certificateId`.
    #[default]
    Model,
    /// As Rust fields and Python arguments name it: `certificate_id`.
    SnakeCase,
}

impl fmt::Display for InputField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.model_name())
    }
}

/// A constraint of the model that an input value broke.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValidationRule {
    /// The member is required and was empty.
    Required,
    /// The value must have exactly `expected` characters.
    ExactLength {
        /// The required number of characters.
        expected: usize,
        /// The number of characters given.
        actual: usize,
    },
    /// The value may have at most `max` characters.
    MaxLength {
        /// The largest number of characters allowed.
        max: usize,
        /// The number of characters given.
        actual: usize,
    },
    /// The value must match the model's pattern.
    Pattern {
        /// The pattern, as written in the model.
        pattern: &'static str,
    },
    /// The value has the wrong type (bindings from dynamically typed languages report this).
    WrongType {
        /// The type the model requires, such as `string`.
        expected: &'static str,
    },
    /// The value starts with `arn:` but is not an IoT certificate ARN
    /// (`arn:{partition}:iot:{region}:{account}:cert/{certificateId}`).
    CertificateArn,
    /// The value is a certificate ARN of another partition or region than the client's: the
    /// request would be signed for and sent to the client's region, where the certificate is not
    /// managed (and where another certificate may have the same ID).
    CertificateArnLocation {
        /// The ARN's partition, such as `aws`.
        arn_partition: String,
        /// The ARN's region, such as `eu-west-1`.
        arn_region: String,
        /// The partition of the client's region.
        client_partition: String,
        /// The region the client signs for.
        client_region: String,
    },
    /// The text is not well-formed Unicode: it has a lone surrogate (bindings from languages whose
    /// strings are UTF-16, such as JavaScript, report this rather than altering the text).
    LoneSurrogate,
    /// The number must be within `min..=max`.
    Range {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
        /// The value given.
        actual: i64,
    },
    /// The value must be one of `allowed` (the model's values that the operation accepts).
    OneOf {
        /// The values allowed.
        allowed: &'static [&'static str],
    },
    /// The signing time is outside what SigV4 can carry: from 1970-01-01T00:00:00Z to
    /// 9999-12-31T23:59:59Z.
    SigningDateRange,
    /// An item of a list member (a batch's `certificates`, counted from 0) broke `rule`.
    ListItem {
        /// The item's position, from 0.
        index: u32,
        /// The rule it broke.
        rule: Box<ValidationRule>,
    },
    /// The member does not apply to the call it was given to (a reject reason when accepting).
    NotApplicable {
        /// The call, such as `accept_transfers`.
        call: &'static str,
    },
}

impl fmt::Display for ValidationRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidationRule::Required => f.write_str("is required"),
            ValidationRule::ExactLength { expected, actual } => {
                write!(f, "must be exactly {expected} characters long (got {actual})")
            }
            ValidationRule::MaxLength { max, actual } => {
                write!(f, "must be at most {max} characters long (got {actual})")
            }
            ValidationRule::WrongType { expected } => write!(f, "must be a {expected}"),
            ValidationRule::Range { min, max, actual } => write!(f, "must be between {min} and {max} (got {actual})"),
            ValidationRule::LoneSurrogate => f.write_str("must be well-formed Unicode text (it has a lone surrogate)"),
            ValidationRule::Pattern { pattern } => write!(f, "must match the pattern {pattern}"),
            ValidationRule::CertificateArn => f.write_str(
                "looks like an ARN but is not an IoT certificate ARN \
                 (arn:{partition}:iot:{region}:{account}:cert/{certificateId})",
            ),
            ValidationRule::CertificateArnLocation { arn_partition, arn_region, client_partition, client_region } => {
                write!(
                    f,
                    "is a certificate ARN of region {arn_region} (partition {arn_partition}), but the client is \
                     configured for region {client_region} (partition {client_partition})"
                )
            }
            ValidationRule::OneOf { allowed } => write!(f, "must be one of {}", allowed.join(", ")),
            ValidationRule::SigningDateRange => {
                f.write_str("must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
            }
            ValidationRule::ListItem { index, rule } => write!(f, "item {index} {rule}"),
            ValidationRule::NotApplicable { call } => write!(f, "does not apply to {call}"),
        }
    }
}

/// An input value broke a constraint of the model; nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    field: InputField,
    rule: ValidationRule,
}

impl ValidationError {
    /// Creates the error for `field` breaking `rule`.
    pub fn new(field: InputField, rule: ValidationRule) -> Self {
        Self { field, rule }
    }

    /// The member that was wrong.
    pub fn field(&self) -> InputField {
        self.field
    }

    /// The constraint it broke.
    pub fn rule(&self) -> &ValidationRule {
        &self.rule
    }

    /// The message, naming the member as `naming` does: `certificate_id must be exactly 64
    /// characters long (got 3)` in snake case. `Display` gives the model's naming.
    pub fn message(&self, naming: FieldNaming) -> String {
        format!("{} {}", self.field.name(naming), self.rule)
    }
}

/// Checks an optional text member of at most `max` characters (`transferMessage`, `rejectReason`).
pub(crate) fn check_max_length(field: InputField, value: Option<&str>, max: usize) -> Result<(), ValidationError> {
    if let Some(value) = value {
        let actual = value.chars().count();
        if actual > max {
            return Err(ValidationError::new(field, ValidationRule::MaxLength { max, actual }));
        }
    }
    Ok(())
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(FieldNaming::Model))
    }
}

impl std::error::Error for ValidationError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_is_found_by_its_model_name() {
        for field in InputField::ALL {
            // A new member that is not in ALL fails this match's exhaustiveness, not silently.
            match field {
                InputField::CertificateId
                | InputField::TargetAwsAccount
                | InputField::TransferMessage
                | InputField::PageSize
                | InputField::Marker
                | InputField::SetAsActive
                | InputField::AscendingOrder
                | InputField::Recursive
                | InputField::Deactivate
                | InputField::DetachPolicies
                | InputField::RejectReason
                | InputField::NewStatus
                | InputField::PolicyName
                | InputField::Target
                | InputField::Certificates
                | InputField::PlanOnly
                | InputField::MaxConcurrency
                | InputField::RequestsPerSecond
                | InputField::MaxFailures
                | InputField::Journal
                | InputField::FromAccount
                | InputField::SigningDate => {}
            }
            assert_eq!(InputField::from_model_name(field.model_name()), Some(field));
        }
        assert_eq!(InputField::from_model_name("nope"), None);
    }

    #[test]
    fn snake_case_names_are_the_model_names_in_snake_case() {
        for field in InputField::ALL {
            let snake: String = field
                .model_name()
                .chars()
                .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
                .collect();
            // The signing time is not a model member: its snake-case name is the uniffi argument's.
            let expected = if field == InputField::SigningDate { "signing_time".to_owned() } else { snake };
            assert_eq!(field.snake_case_name(), expected);
            assert_eq!(field.name(FieldNaming::SnakeCase), expected);
            assert_eq!(field.name(FieldNaming::Model), field.model_name());
        }
    }

    #[test]
    fn a_message_names_the_member_as_asked() {
        let error =
            ValidationError::new(InputField::TargetAwsAccount, ValidationRule::ExactLength { expected: 12, actual: 3 });
        assert_eq!(
            error.message(FieldNaming::SnakeCase),
            "target_aws_account must be exactly 12 characters long (got 3)"
        );
        assert_eq!(error.message(FieldNaming::Model), "targetAwsAccount must be exactly 12 characters long (got 3)");
        assert_eq!(error.to_string(), error.message(FieldNaming::Model));
    }

    #[test]
    fn max_length_counts_characters() {
        assert!(check_max_length(InputField::RejectReason, Some(&"é".repeat(128)), 128).is_ok());
        let error = check_max_length(InputField::RejectReason, Some(&"x".repeat(129)), 128).unwrap_err();
        assert_eq!(error.to_string(), "rejectReason must be at most 128 characters long (got 129)");
    }
}
