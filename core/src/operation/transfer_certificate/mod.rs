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
mod validation;

pub use input::{TransferCertificateInput, ValidatedInput};
pub use output::{ResponseMetadata, TransferCertificateOutput};
pub use request::build_request;
pub use response::parse_response;
pub use validation::{InputField, ValidationError, ValidationRule};
