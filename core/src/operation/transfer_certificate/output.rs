//! The operation's output.

use crate::operation::ResponseMetadata;

/// A successful transfer: the certificate's ARN and how the call went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferCertificateOutput {
    /// The ARN of the transferred certificate.
    pub transferred_certificate_arn: String,
    /// Status, request id, attempts, retry delay, and whether the outcome was reconciled.
    pub metadata: ResponseMetadata,
}
