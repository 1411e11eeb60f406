//! What a call returned besides its payload, shared by every operation's output and by errors.

use std::time::Duration;

/// How a call went, shaped like the JS SDK's `$metadata`.
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
    /// True when the answer comes from a check of the certificate's state after an attempt whose
    /// outcome was unknown (a lost response, a timeout, a 5xx or an unreadable body): a transfer
    /// confirmed pending to the target account with `DescribeCertificate` and
    /// `ListOutgoingCertificates` (the status and request id are then the checking call's), or an
    /// error whose hint says what the check found.
    pub reconciled: bool,
}
