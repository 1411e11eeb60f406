//! `AcceptCertificateTransfer`: `PATCH /accept-certificate-transfer/{certificateId}?setAsActive=`,
//! called by the target account to take a certificate offered to it. Not idempotent: a second
//! call after a lost response meets `TransferAlreadyCompletedException`, which the client settles
//! from the certificate's state (see [`Client`](crate::Client)).

use super::call::parse_no_output;
use super::certificate_id::validate_certificate_id;
use super::{InputField, OperationInput, ResponseMetadata, RestRequest, ValidationError};
use crate::error::Error;
pub use crate::operation::shapes::{AcceptCertificateTransferInput, AcceptCertificateTransferOutput};
use http::HeaderMap;

impl AcceptCertificateTransferInput {
    /// An input for `certificate_id`, accepted as INACTIVE.
    pub fn new(certificate_id: impl Into<String>) -> Self {
        Self { certificate_id: certificate_id.into(), set_as_active: None }
    }
}

impl OperationInput for AcceptCertificateTransferInput {
    const NAME: &'static str = "AcceptCertificateTransfer";
    const IDEMPOTENT: bool = false;
    type Payload = ();
    type Output = AcceptCertificateTransferOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        let certificate_id = validate_certificate_id(&self.certificate_id)?;
        Ok(RestRequest::new(http::Method::PATCH, "accept-certificate-transfer")
            .label(certificate_id)
            .query("setAsActive", self.set_as_active))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::CertificateId, &self.certificate_id))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
        parse_no_output(status, headers, body)
    }

    fn output((): (), metadata: ResponseMetadata) -> AcceptCertificateTransferOutput {
        AcceptCertificateTransferOutput { metadata }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::{endpoint, ID};

    #[test]
    fn builds_the_wire_request() {
        let request = AcceptCertificateTransferInput { certificate_id: ID.into(), set_as_active: Some(true) }
            .validate()
            .unwrap()
            .build(&endpoint(), "ua");
        assert_eq!(request.method(), http::Method::PATCH);
        assert_eq!(
            request.uri().to_string(),
            format!("https://iot.eu-west-1.amazonaws.com/accept-certificate-transfer/{ID}?setAsActive=true")
        );
        assert!(request.body().is_empty());
        let plain = AcceptCertificateTransferInput::new(ID).validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(plain.uri().query(), None);
    }

    #[test]
    fn the_certificate_id_is_checked() {
        let error = AcceptCertificateTransferInput::new("abc").validate().unwrap_err();
        assert_eq!(error.to_string(), "certificateId must be exactly 64 characters long (got 3)");
    }
}
