//! The operations this crate implements. Each is declared once: an input type that implements
//! [`OperationInput`] (its name, its validation into a [`RestRequest`], its response parser and
//! its output), listed in [`for_each_operation!`](crate::for_each_operation), from which the
//! client's methods and every binding's are generated. The client runs each through the same
//! signing, sending, retries and timeouts.

mod accept_certificate_transfer;
mod call;
mod cancel_certificate_transfer;
mod certificate_arn;
mod certificate_id;
pub mod describe_certificate;
mod detach_policy;
mod display;
mod list_attached_policies;
mod list_certificates;
pub mod list_outgoing_certificates;
mod metadata;
mod naming;
mod paginated;
mod paging;
mod path_label;
mod registry;
mod reject_certificate_transfer;
mod rest_request;
pub mod shapes;
pub mod transfer_certificate;
mod update_certificate;
mod validation;
mod workflow;

pub use accept_certificate_transfer::{AcceptCertificateTransferInput, AcceptCertificateTransferOutput};
pub use call::{OperationInput, PreparedCall};
pub use cancel_certificate_transfer::{CancelCertificateTransferInput, CancelCertificateTransferOutput};
pub use detach_policy::{DetachPolicyInput, DetachPolicyOutput};
pub use list_attached_policies::{ListAttachedPoliciesInput, ListAttachedPoliciesOutput, PoliciesPage, Policy};
pub use list_certificates::{Certificate, CertificatesPage, ListCertificatesInput, ListCertificatesOutput};
pub use metadata::ResponseMetadata;
pub use naming::{lower_camel, render_names};
pub use paginated::Paginated;
pub use reject_certificate_transfer::{RejectCertificateTransferInput, RejectCertificateTransferOutput};
pub use rest_request::RestRequest;
pub use update_certificate::{UpdateCertificateInput, UpdateCertificateOutput, SETTABLE_STATUSES};
pub use validation::{FieldNaming, InputField, ValidationError, ValidationRule};
pub use workflow::WorkflowInput;

pub(crate) use certificate_arn::check_location as check_certificate_arn_location;
pub(crate) use certificate_id::{same_certificate_id, validate_certificate_id};

use crate::endpoint::Endpoint;
use crate::error::Error;
use http::HeaderMap;

/// One validated call, as the client's attempt loop sends it: how to build its request and read
/// its response. Implemented once, by [`PreparedCall`] over any [`OperationInput`]: the one
/// contract an operation implements is `OperationInput`.
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

#[cfg(test)]
pub(crate) mod test_support {
    //! What the operations' unit tests share.

    use crate::endpoint::Endpoint;

    /// A certificate ID of the model's shape.
    pub(crate) const ID: &str = "a3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2";

    /// The eu-west-1 endpoint.
    pub(crate) fn endpoint() -> Endpoint {
        endpoint_at("")
    }

    /// The eu-west-1 endpoint under `base_path` (a custom endpoint URL's path).
    pub(crate) fn endpoint_at(base_path: &str) -> Endpoint {
        Endpoint {
            scheme: "https",
            authority: "iot.eu-west-1.amazonaws.com".into(),
            base_path: base_path.into(),
            signing_region: "eu-west-1".into(),
            partition: "aws",
        }
    }
}
