//! `DescribeCertificate`: `GET /certificates/{certificateId}`, the certificate's status, owner and
//! last transfer. Idempotent; the client also uses it to settle a transfer whose response was lost.

mod input;
mod output;
mod request;
mod response;

pub use input::{DescribeCertificateInput, ValidatedInput};
pub(crate) use output::optional_certificate_status;
pub use output::{
    CertificateDescription, CertificateStatus, CertificateValidity, DescribeCertificateOutput, TransferData,
};
pub use request::build_request;
pub use response::parse_response;

use crate::error::Error;
use crate::operation::{InputField, OperationInput, ResponseMetadata, RestRequest, ValidationError};
use http::HeaderMap;

impl OperationInput for DescribeCertificateInput {
    const NAME: &'static str = "DescribeCertificate";
    const IDEMPOTENT: bool = true;
    type Payload = CertificateDescription;
    type Output = DescribeCertificateOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        Ok(request::rest_request(&DescribeCertificateInput::validate(self)?))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::CertificateId, &self.certificate_id))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<CertificateDescription, Error> {
        parse_response(status, headers, body)
    }

    fn output(payload: CertificateDescription, metadata: ResponseMetadata) -> DescribeCertificateOutput {
        DescribeCertificateOutput { certificate_description: payload, metadata }
    }
}
