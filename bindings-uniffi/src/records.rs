//! The operation's input and output records.

use std::time::Duration;

/// What to transfer and to whom.
#[derive(Debug, Clone, uniffi::Record)]
pub struct TransferCertificateInput {
    /// The certificate ID (64 hex characters, optionally `0x`-prefixed) or its full ARN.
    pub certificate_id: String,
    /// The 12-digit account that receives the certificate.
    pub target_aws_account: String,
    /// An optional note for the receiving account, at most 128 characters.
    #[uniffi(default = None)]
    pub transfer_message: Option<String>,
}

impl From<TransferCertificateInput> for iot_transfer::TransferCertificateInput {
    fn from(input: TransferCertificateInput) -> Self {
        iot_transfer::TransferCertificateInput {
            certificate_id: input.certificate_id,
            target_aws_account: input.target_aws_account,
            transfer_message: input.transfer_message,
        }
    }
}

/// How a call went: status, request id, attempts, total retry delay (milliseconds), and whether
/// the outcome was settled by checking the certificate's state.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ResponseMetadata {
    /// The HTTP status of the last response, if one arrived.
    pub http_status: Option<u16>,
    /// The `x-amzn-RequestId` of the last response, if one arrived.
    pub request_id: Option<String>,
    /// How many attempts were sent.
    pub attempts: u32,
    /// The total time spent waiting between attempts, in milliseconds.
    pub total_retry_delay_ms: u64,
    /// True when the answer comes from a check of the certificate's state after an attempt whose
    /// outcome was unknown (a transfer confirmed pending to the target, or an error whose hint
    /// says what the check found).
    pub reconciled: bool,
}

impl From<&iot_transfer::ResponseMetadata> for ResponseMetadata {
    fn from(metadata: &iot_transfer::ResponseMetadata) -> Self {
        Self {
            http_status: metadata.http_status,
            request_id: metadata.request_id.clone(),
            attempts: metadata.attempts,
            total_retry_delay_ms: millis(metadata.total_retry_delay),
            reconciled: metadata.reconciled,
        }
    }
}

/// A successful transfer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TransferCertificateOutput {
    /// The ARN of the transferred certificate.
    pub transferred_certificate_arn: String,
    /// How the call went.
    pub metadata: ResponseMetadata,
}

impl From<iot_transfer::TransferCertificateOutput> for TransferCertificateOutput {
    fn from(output: iot_transfer::TransferCertificateOutput) -> Self {
        Self { metadata: (&output.metadata).into(), transferred_certificate_arn: output.transferred_certificate_arn }
    }
}

pub(crate) fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
