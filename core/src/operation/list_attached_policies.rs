//! `ListAttachedPolicies`: `POST /attached-policies/{target}`, one page of the policies attached
//! to a certificate (by its ARN), thing group or Cognito identity. Idempotent despite the POST;
//! [`Paginator`](crate::Paginator) walks the pages.

use super::call::parse_json_output;
use super::paging::validate_paging;
use super::{InputField, OperationInput, Paginated, ResponseMetadata, RestRequest, ValidationError, ValidationRule};
use crate::error::Error;
pub use crate::operation::shapes::{ListAttachedPoliciesInput, ListAttachedPoliciesOutput, Policy};
use crate::protocol::optional_text;
use http::HeaderMap;
use serde::Deserialize;

impl ListAttachedPoliciesInput {
    /// An input listing the first page of `target`'s policies.
    pub fn new(target: impl Into<String>) -> Self {
        Self { target: target.into(), ..Self::default() }
    }
}

/// A page as the response holds it, `{"policies": [...], "nextMarker": "..."}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PoliciesPage {
    #[serde(default)]
    policies: Option<Vec<Policy>>,
    #[serde(default, deserialize_with = "optional_text")]
    next_marker: Option<String>,
}

impl OperationInput for ListAttachedPoliciesInput {
    const NAME: &'static str = "ListAttachedPolicies";
    const IDEMPOTENT: bool = true;
    type Payload = PoliciesPage;
    type Output = ListAttachedPoliciesOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        if self.target.is_empty() {
            return Err(ValidationError::new(InputField::Target, ValidationRule::Required));
        }
        validate_paging(self.page_size, self.marker.as_deref())?;
        // The SDKs send these in the model's member order.
        Ok(RestRequest::new(http::Method::POST, "attached-policies")
            .label(&self.target)
            .query("recursive", self.recursive)
            .query("marker", self.marker.as_deref())
            .query("pageSize", self.page_size))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::Target, &self.target))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<PoliciesPage, Error> {
        parse_json_output(status, headers, body)
    }

    fn output(page: PoliciesPage, metadata: ResponseMetadata) -> ListAttachedPoliciesOutput {
        ListAttachedPoliciesOutput {
            policies: page.policies.unwrap_or_default(),
            next_marker: page.next_marker.filter(|marker| !marker.is_empty()),
            metadata,
        }
    }
}

impl Paginated for ListAttachedPoliciesInput {
    type Item = Policy;

    fn set_marker(&mut self, marker: Option<String>) {
        self.marker = marker;
    }

    fn next_marker(output: &ListAttachedPoliciesOutput) -> Option<&str> {
        output.next_marker.as_deref()
    }

    fn into_items(output: ListAttachedPoliciesOutput) -> Vec<Policy> {
        output.policies
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::{endpoint, ID};

    #[test]
    fn builds_the_wire_request() {
        let target = format!("arn:aws:iot:eu-west-1:111122223333:cert/{ID}");
        let input = ListAttachedPoliciesInput {
            page_size: Some(3),
            recursive: Some(false),
            ..ListAttachedPoliciesInput::new(&target)
        };
        let request = input.validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(request.method(), http::Method::POST);
        assert_eq!(
            request.uri().to_string(),
            format!(
                "https://iot.eu-west-1.amazonaws.com/attached-policies/arn%3Aaws%3Aiot%3Aeu-west-1%3A111122223333%3Acert%2F{ID}?recursive=false&pageSize=3"
            )
        );
        assert!(request.body().is_empty());
    }

    #[test]
    fn the_target_is_required() {
        let error = ListAttachedPoliciesInput::default().validate().unwrap_err();
        assert_eq!(error.to_string(), "target is required");
    }
}
