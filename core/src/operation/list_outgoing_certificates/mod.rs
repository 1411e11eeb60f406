//! `ListOutgoingCertificates`: `GET /certificates-out-going`, one page of the caller's
//! certificates with a pending transfer and to whom. Idempotent; the client also uses it to
//! confirm the target account of a transfer whose response was lost.

mod input;
mod output;
mod request;
mod response;

pub use input::{ListOutgoingCertificatesInput, ValidatedInput};
pub use output::{ListOutgoingCertificatesOutput, OutgoingCertificate, OutgoingCertificatesPage};
pub use request::build_request;
pub use response::parse_response;

use crate::error::Error;
use crate::operation::{OperationInput, ResponseMetadata, RestRequest, ValidationError};
use http::HeaderMap;

impl OperationInput for ListOutgoingCertificatesInput {
    const NAME: &'static str = "ListOutgoingCertificates";
    const IDEMPOTENT: bool = true;
    type Payload = OutgoingCertificatesPage;
    type Output = ListOutgoingCertificatesOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        Ok(request::rest_request(&ListOutgoingCertificatesInput::validate(self)?))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<OutgoingCertificatesPage, Error> {
        parse_response(status, headers, body)
    }

    fn output(payload: OutgoingCertificatesPage, metadata: ResponseMetadata) -> ListOutgoingCertificatesOutput {
        ListOutgoingCertificatesOutput {
            outgoing_certificates: payload.outgoing_certificates,
            next_marker: payload.next_marker,
            metadata,
        }
    }
}

impl crate::operation::Paginated for ListOutgoingCertificatesInput {
    type Item = OutgoingCertificate;

    fn set_marker(&mut self, marker: Option<String>) {
        self.marker = marker;
    }

    fn next_marker(output: &Self::Output) -> Option<&str> {
        output.next_marker.as_deref()
    }

    fn into_items(output: Self::Output) -> Vec<Self::Item> {
        output.outgoing_certificates
    }
}
