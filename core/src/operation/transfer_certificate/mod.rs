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
pub use input::{TransferCertificateInput, ValidatedInput};
pub use output::TransferCertificateOutput;
pub use request::build_request;
pub use response::parse_response;

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::operation::Operation;
use http::HeaderMap;

impl Operation for ValidatedInput {
    type Output = String;
    const IDEMPOTENT: bool = false;

    fn build_request(&self, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
        build_request(self, endpoint, user_agent)
    }

    fn parse_response(&self, status: u16, headers: &HeaderMap, body: &[u8]) -> Result<String, Error> {
        parse_response(status, headers, body)
    }
}
