//! `CancelCertificateTransfer`: `PATCH /cancel-certificate-transfer/{certificateId}`, called by the
//! source account to take back a transfer the target has not accepted; the certificate becomes
//! INACTIVE. Not idempotent: settled from the certificate's state like an accept.

use super::call::parse_no_output;
use super::certificate_id::validate_certificate_id;
use super::{InputField, OperationInput, ResponseMetadata, RestRequest, ValidationError};
use crate::error::Error;
pub use crate::operation::shapes::{CancelCertificateTransferInput, CancelCertificateTransferOutput};
use http::HeaderMap;

impl CancelCertificateTransferInput {
    /// An input for `certificate_id`.
    pub fn new(certificate_id: impl Into<String>) -> Self {
        Self { certificate_id: certificate_id.into() }
    }
}

impl OperationInput for CancelCertificateTransferInput {
    const NAME: &'static str = "CancelCertificateTransfer";
    const IDEMPOTENT: bool = false;
    type Payload = ();
    type Output = CancelCertificateTransferOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        let certificate_id = validate_certificate_id(&self.certificate_id)?;
        Ok(RestRequest::new(http::Method::PATCH, "cancel-certificate-transfer").label(certificate_id))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::CertificateId, &self.certificate_id))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
        parse_no_output(status, headers, body)
    }

    fn output((): (), metadata: ResponseMetadata) -> CancelCertificateTransferOutput {
        CancelCertificateTransferOutput { metadata }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::{endpoint, ID};

    #[test]
    fn builds_the_wire_request() {
        let request = CancelCertificateTransferInput::new(ID).validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(request.method(), http::Method::PATCH);
        assert_eq!(
            request.uri().to_string(),
            format!("https://iot.eu-west-1.amazonaws.com/cancel-certificate-transfer/{ID}")
        );
        assert!(request.body().is_empty());
        assert!(request.headers().get("content-type").is_none());
    }
}
