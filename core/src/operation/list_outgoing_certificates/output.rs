//! The operation's output: one page of outgoing transfers, read leniently.

use crate::operation::ResponseMetadata;
use crate::protocol::{optional_epoch_seconds, optional_text};
use serde::Deserialize;
use std::time::SystemTime;

/// A certificate of the caller's with a pending transfer (`OutgoingCertificate`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutgoingCertificate {
    /// The certificate's ARN.
    #[serde(default, deserialize_with = "optional_text")]
    pub certificate_arn: Option<String>,
    /// The certificate's ID.
    #[serde(default, deserialize_with = "optional_text")]
    pub certificate_id: Option<String>,
    /// The account it is offered to.
    #[serde(default, deserialize_with = "optional_text")]
    pub transferred_to: Option<String>,
    /// When it was transferred.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub transfer_date: Option<SystemTime>,
    /// The message sent with the transfer.
    #[serde(default, deserialize_with = "optional_text")]
    pub transfer_message: Option<String>,
    /// When the certificate was created.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub creation_date: Option<SystemTime>,
}

/// One page: the transfers on it and where the next page starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutgoingCertificatesPage {
    /// The transfers on this page.
    pub outgoing_certificates: Vec<OutgoingCertificate>,
    /// The marker of the next page; `None` on the last page.
    pub next_marker: Option<String>,
}

/// One page of outgoing transfers and how the call went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOutgoingCertificatesOutput {
    /// The page.
    pub page: OutgoingCertificatesPage,
    /// Status, request id, attempts and retry delay.
    pub metadata: ResponseMetadata,
}
