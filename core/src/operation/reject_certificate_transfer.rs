//! `RejectCertificateTransfer`: `PATCH /reject-certificate-transfer/{certificateId}` with an
//! optional `rejectReason`, called by the target account; the certificate goes back to the source
//! as INACTIVE. Not idempotent: settled from the certificate's state like an accept.

use super::call::parse_no_output;
use super::certificate_id::validate_certificate_id;
use super::validation::check_max_length;
use super::{InputField, OperationInput, ResponseMetadata, RestRequest, ValidationError};
use crate::error::Error;
pub use crate::operation::shapes::{RejectCertificateTransferInput, RejectCertificateTransferOutput};
use http::HeaderMap;
use serde::Serialize;

const REASON_MAX_LENGTH: usize = 128;

impl RejectCertificateTransferInput {
    /// An input for `certificate_id` without a reason.
    pub fn new(certificate_id: impl Into<String>) -> Self {
        Self { certificate_id: certificate_id.into(), reject_reason: None }
    }
}

/// `{"rejectReason": "..."}`, or `{}` without a reason (as the SDKs send).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    reject_reason: Option<&'a str>,
}

impl OperationInput for RejectCertificateTransferInput {
    const NAME: &'static str = "RejectCertificateTransfer";
    const IDEMPOTENT: bool = false;
    type Payload = ();
    type Output = RejectCertificateTransferOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        let certificate_id = validate_certificate_id(&self.certificate_id)?;
        check_max_length(InputField::RejectReason, self.reject_reason.as_deref(), REASON_MAX_LENGTH)?;
        Ok(RestRequest::new(http::Method::PATCH, "reject-certificate-transfer")
            .label(certificate_id)
            .json_body(&RequestBody { reject_reason: self.reject_reason.as_deref() }))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::CertificateId, &self.certificate_id))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
        parse_no_output(status, headers, body)
    }

    fn output((): (), metadata: ResponseMetadata) -> RejectCertificateTransferOutput {
        RejectCertificateTransferOutput { metadata }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::{endpoint, ID};

    #[test]
    fn builds_the_wire_request() {
        let input =
            RejectCertificateTransferInput { certificate_id: ID.into(), reject_reason: Some("not \"ours\"".into()) };
        let request = input.validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(request.method(), http::Method::PATCH);
        assert_eq!(request.uri().path(), format!("/reject-certificate-transfer/{ID}"));
        assert_eq!(request.headers()["content-type"], "application/json");
        assert_eq!(request.body(), br#"{"rejectReason":"not \"ours\""}"#);
        let plain = RejectCertificateTransferInput::new(ID).validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(plain.body(), b"{}");
    }

    #[test]
    fn the_reason_is_at_most_128_characters() {
        let input = RejectCertificateTransferInput { certificate_id: ID.into(), reject_reason: Some("x".repeat(129)) };
        assert_eq!(input.validate().unwrap_err().field(), InputField::RejectReason);
    }
}
