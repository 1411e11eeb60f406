//! The operation's output: one page of outgoing transfers, read leniently.

pub use crate::operation::shapes::{ListOutgoingCertificatesOutput, OutgoingCertificate};

/// One page: the transfers on it and where the next page starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutgoingCertificatesPage {
    /// The transfers on this page.
    pub outgoing_certificates: Vec<OutgoingCertificate>,
    /// The marker of the next page; `None` on the last page.
    pub next_marker: Option<String>,
}
