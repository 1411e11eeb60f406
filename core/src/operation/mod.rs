//! The operations this crate implements, each split into a self-validating input, a pure
//! request builder and a pure response parser, joined by [`Operation`] so that the client runs
//! every one of them through the same signing, sending, retries and timeouts.

mod certificate_arn;
mod certificate_id;
pub mod describe_certificate;
mod get_request;
pub mod list_outgoing_certificates;
mod metadata;
mod path_label;
pub mod transfer_certificate;
mod validation;

pub(crate) use certificate_arn::check_location as check_certificate_arn_location;
pub use metadata::ResponseMetadata;
pub use validation::{InputField, ValidationError, ValidationRule};

use crate::endpoint::Endpoint;
use crate::error::Error;
use http::HeaderMap;

/// One validated call of an operation: how to build its request and read its response.
pub(crate) trait Operation: Sync {
    /// What a successful response holds.
    type Output: Send;
    /// Whether sending the request twice has the effect of sending it once. A call that is not
    /// idempotent marks an attempt whose outcome is unknown as possibly applied.
    const IDEMPOTENT: bool;

    /// The unsigned request for `endpoint`, with `user_agent`.
    fn build_request(&self, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>>;

    /// The output for a 2xx response, or the typed error the response describes.
    fn parse_response(&self, status: u16, headers: &HeaderMap, body: &[u8]) -> Result<Self::Output, Error>;
}
