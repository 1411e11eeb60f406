//! The operation's output.

pub use crate::operation::shapes::TransferCertificateOutput;
