//! `TransferCertificate`: `PATCH /transfer-certificate/{certificateId}?targetAwsAccount=...`.
//!
//! The pieces are pure and usable on their own: [`TransferCertificateInput::validate`],
//! [`build_request`] and [`parse_response`]. The [`Client`](crate::Client) runs them with
//! signing, sending, retries and timeouts around them.

mod body;
mod input;
mod output;
mod request;
mod response;

pub use crate::operation::{InputField, ResponseMetadata, ValidationError, ValidationRule};
pub(crate) use input::check_account;
pub use input::{TransferCertificateInput, ValidatedInput};
pub use output::TransferCertificateOutput;
pub use request::build_request;
pub use response::parse_response;

use crate::error::Error;
use crate::operation::{OperationInput, ResponseMetadata as Metadata, RestRequest};
use http::HeaderMap;

/// Declares the operation for signing and vectors; the client sends it through its own
/// reconciliation (`via transfer` in [`for_each_operation!`](crate::for_each_operation)).
impl OperationInput for TransferCertificateInput {
    const NAME: &'static str = "TransferCertificate";
    const IDEMPOTENT: bool = false;
    type Payload = String;
    type Output = TransferCertificateOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        Ok(request::rest_request(&TransferCertificateInput::validate(self)?))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::CertificateId, &self.certificate_id))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<String, Error> {
        parse_response(status, headers, body)
    }

    fn output(transferred_certificate_arn: String, metadata: Metadata) -> TransferCertificateOutput {
        TransferCertificateOutput { transferred_certificate_arn, metadata }
    }
}
