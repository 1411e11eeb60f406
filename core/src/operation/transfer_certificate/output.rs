//! The operation's output and the response metadata shared with errors.

use std::time::Duration;

/// What a call returned besides its payload, shaped like the JS SDK's `$metadata`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseMetadata {
    /// The HTTP status of the last response, if one arrived.
    pub http_status: Option<u16>,
    /// The `x-amzn-RequestId` of the last response, if one arrived.
    pub request_id: Option<String>,
    /// How many attempts were sent (0 when the call failed before sending).
    pub attempts: u32,
    /// The total time spent waiting between attempts.
    pub total_retry_delay: Duration,
}

/// A successful transfer: the certificate's ARN and how the call went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferCertificateOutput {
    /// The ARN of the transferred certificate.
    pub transferred_certificate_arn: String,
    /// Status, request id, attempts and retry delay.
    pub metadata: ResponseMetadata,
}
