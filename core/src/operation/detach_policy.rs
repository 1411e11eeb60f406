//! `DetachPolicy`: `POST /target-policies/{policyName}` with `{"target": ...}`, to detach a policy
//! from a certificate before its transfer. Idempotent: detaching a policy that is not attached
//! changes nothing.

use super::call::parse_no_output;
use super::certificate_id::pattern_error;
use super::{InputField, OperationInput, ResponseMetadata, RestRequest, ValidationError, ValidationRule};
use crate::error::Error;
pub use crate::operation::shapes::{DetachPolicyInput, DetachPolicyOutput};
use http::HeaderMap;
use serde::Serialize;

const POLICY_NAME_MAX_LENGTH: usize = 128;
const POLICY_NAME_PATTERN: &str = "[\\w+=,.@-]+";

impl DetachPolicyInput {
    /// An input detaching `policy_name` from `target`.
    pub fn new(policy_name: impl Into<String>, target: impl Into<String>) -> Self {
        Self { policy_name: policy_name.into(), target: target.into() }
    }
}

#[derive(Serialize)]
struct RequestBody<'a> {
    target: &'a str,
}

/// `[\w+=,.@-]+`: `\w` as the service's Java regex reads it, ASCII letters, digits and `_`.
fn is_policy_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
}

impl OperationInput for DetachPolicyInput {
    const NAME: &'static str = "DetachPolicy";
    const IDEMPOTENT: bool = true;
    type Payload = ();
    type Output = DetachPolicyOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        let actual = self.policy_name.chars().count();
        if actual == 0 {
            return Err(ValidationError::new(InputField::PolicyName, ValidationRule::Required));
        }
        if actual > POLICY_NAME_MAX_LENGTH {
            let rule = ValidationRule::MaxLength { max: POLICY_NAME_MAX_LENGTH, actual };
            return Err(ValidationError::new(InputField::PolicyName, rule));
        }
        if !is_policy_name(&self.policy_name) {
            return Err(pattern_error(InputField::PolicyName, POLICY_NAME_PATTERN));
        }
        if self.target.is_empty() {
            return Err(ValidationError::new(InputField::Target, ValidationRule::Required));
        }
        Ok(RestRequest::new(http::Method::POST, "target-policies")
            .label(&self.policy_name)
            .json_body(&RequestBody { target: &self.target }))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::Target, &self.target))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
        parse_no_output(status, headers, body)
    }

    fn output((): (), metadata: ResponseMetadata) -> DetachPolicyOutput {
        DetachPolicyOutput { metadata }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::endpoint;

    #[test]
    fn builds_the_wire_request() {
        let request = DetachPolicyInput::new("device-policy.v2", "arn:aws:iot:eu-west-1:111122223333:cert/ab")
            .validate()
            .unwrap()
            .build(&endpoint(), "ua");
        assert_eq!(request.method(), http::Method::POST);
        assert_eq!(request.uri().to_string(), "https://iot.eu-west-1.amazonaws.com/target-policies/device-policy.v2");
        assert_eq!(request.body(), br#"{"target":"arn:aws:iot:eu-west-1:111122223333:cert/ab"}"#);
    }

    #[test]
    fn the_policy_name_follows_the_model() {
        let rule = |name: &str| DetachPolicyInput::new(name, "t").validate().unwrap_err().rule().clone();
        assert_eq!(rule(""), ValidationRule::Required);
        assert_eq!(rule(&"p".repeat(129)), ValidationRule::MaxLength { max: 128, actual: 129 });
        for bad in ["a b", "a/b", "ä", "a:b"] {
            assert_eq!(rule(bad), ValidationRule::Pattern { pattern: POLICY_NAME_PATTERN }, "{bad}");
        }
        assert_eq!(DetachPolicyInput::new("p", "").validate().unwrap_err().field(), InputField::Target);
        assert!(DetachPolicyInput::new("A_z0+=,.@-", "t").validate().is_ok());
    }
}
