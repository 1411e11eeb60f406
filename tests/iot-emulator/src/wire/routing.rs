//! Which operation a request calls: the IoT model's HTTP bindings (method and URI template).

use crate::error::ApiError;
use percent_encoding::percent_decode_str;
use serde::{Deserialize, Serialize};

/// The emulated IoT operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Operation {
    /// `POST /keys-and-certificate`
    CreateKeysAndCertificate,
    /// `GET /certificates/{certificateId}`
    DescribeCertificate,
    /// `GET /certificates`
    ListCertificates,
    /// `PUT /certificates/{certificateId}`
    UpdateCertificate,
    /// `POST /policies/{policyName}`
    CreatePolicy,
    /// `PUT /target-policies/{policyName}`
    AttachPolicy,
    /// `POST /target-policies/{policyName}`
    DetachPolicy,
    /// `POST /attached-policies/{target}`
    ListAttachedPolicies,
    /// `PATCH /transfer-certificate/{certificateId}`
    TransferCertificate,
    /// `PATCH /accept-certificate-transfer/{certificateId}`
    AcceptCertificateTransfer,
    /// `PATCH /reject-certificate-transfer/{certificateId}`
    RejectCertificateTransfer,
    /// `PATCH /cancel-certificate-transfer/{certificateId}`
    CancelCertificateTransfer,
    /// `GET /certificates-out-going`
    ListOutgoingCertificates,
}

/// Method, first path segment, whether a second (label) segment follows, and the operation.
const ROUTES: &[(&str, &str, bool, Operation)] = &[
    ("POST", "keys-and-certificate", false, Operation::CreateKeysAndCertificate),
    ("GET", "certificates", true, Operation::DescribeCertificate),
    ("GET", "certificates", false, Operation::ListCertificates),
    ("PUT", "certificates", true, Operation::UpdateCertificate),
    ("POST", "policies", true, Operation::CreatePolicy),
    ("PUT", "target-policies", true, Operation::AttachPolicy),
    ("POST", "target-policies", true, Operation::DetachPolicy),
    ("POST", "attached-policies", true, Operation::ListAttachedPolicies),
    ("PATCH", "transfer-certificate", true, Operation::TransferCertificate),
    ("PATCH", "accept-certificate-transfer", true, Operation::AcceptCertificateTransfer),
    ("PATCH", "reject-certificate-transfer", true, Operation::RejectCertificateTransfer),
    ("PATCH", "cancel-certificate-transfer", true, Operation::CancelCertificateTransfer),
    ("GET", "certificates-out-going", false, Operation::ListOutgoingCertificates),
];

impl Operation {
    /// Every operation.
    pub fn all() -> impl Iterator<Item = Operation> {
        ROUTES.iter().map(|route| route.3)
    }

    /// The operation's name in the model, e.g. `TransferCertificate`.
    pub fn name(self) -> &'static str {
        match self {
            Self::CreateKeysAndCertificate => "CreateKeysAndCertificate",
            Self::DescribeCertificate => "DescribeCertificate",
            Self::ListCertificates => "ListCertificates",
            Self::UpdateCertificate => "UpdateCertificate",
            Self::CreatePolicy => "CreatePolicy",
            Self::AttachPolicy => "AttachPolicy",
            Self::DetachPolicy => "DetachPolicy",
            Self::ListAttachedPolicies => "ListAttachedPolicies",
            Self::TransferCertificate => "TransferCertificate",
            Self::AcceptCertificateTransfer => "AcceptCertificateTransfer",
            Self::RejectCertificateTransfer => "RejectCertificateTransfer",
            Self::CancelCertificateTransfer => "CancelCertificateTransfer",
            Self::ListOutgoingCertificates => "ListOutgoingCertificates",
        }
    }

    /// Whether the URI label is a `certificateId` (not a policy name or a target ARN).
    pub fn label_is_certificate_id(self) -> bool {
        matches!(
            self,
            Self::DescribeCertificate
                | Self::UpdateCertificate
                | Self::TransferCertificate
                | Self::AcceptCertificateTransfer
                | Self::RejectCertificateTransfer
                | Self::CancelCertificateTransfer
        )
    }

    /// The operation with this model name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::all().find(|operation| operation.name() == name)
    }
}

/// A request matched to an operation, with its URI label percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The operation called.
    pub operation: Operation,
    /// The decoded URI label (`certificateId`, `policyName` or `target`), if the URI has one.
    pub label: Option<String>,
}

/// Matches a method and a raw (still percent-encoded) path to an operation.
pub fn route(method: &str, raw_path: &str) -> Result<Route, ApiError> {
    let trimmed = raw_path.strip_prefix('/').unwrap_or(raw_path);
    let (first, label) = match trimmed.split_once('/') {
        Some((first, rest)) => (first, Some(rest)),
        None => (trimmed, None),
    };
    let (_, _, _, operation) = ROUTES
        .iter()
        .find(|(route_method, segment, has_label, _)| {
            *route_method == method && *segment == first && *has_label == label.is_some_and(|label| !label.is_empty())
        })
        .ok_or_else(ApiError::unknown_operation)?;
    let label = match label {
        Some(encoded) if !encoded.is_empty() => Some(decode_label(encoded)?),
        _ => None,
    };
    Ok(Route { operation: *operation, label })
}

fn decode_label(encoded: &str) -> Result<String, ApiError> {
    percent_decode_str(encoded)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| ApiError::invalid_request("The URI label is not valid UTF-8 once percent-decoded"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_methods_and_labels() {
        let route = route("PATCH", "/transfer-certificate/abc").unwrap();
        assert_eq!(route.operation, Operation::TransferCertificate);
        assert_eq!(route.label.as_deref(), Some("abc"));
        assert_eq!(super::route("GET", "/certificates").unwrap().operation, Operation::ListCertificates);
        assert_eq!(super::route("GET", "/certificates/x").unwrap().operation, Operation::DescribeCertificate);
        assert_eq!(super::route("PUT", "/certificates/x").unwrap().operation, Operation::UpdateCertificate);
        assert_eq!(super::route("POST", "/target-policies/p").unwrap().operation, Operation::DetachPolicy);
        assert_eq!(super::route("DELETE", "/certificates/x").unwrap_err().code, "UnknownOperationException");
        assert_eq!(super::route("GET", "/nothing").unwrap_err().status, 404);
    }

    #[test]
    fn decodes_an_arn_label() {
        let route = route("POST", "/attached-policies/arn%3Aaws%3Aiot%3Aus-east-1%3A111122223333%3Acert%2Fab").unwrap();
        assert_eq!(route.label.as_deref(), Some("arn:aws:iot:us-east-1:111122223333:cert/ab"));
    }

    #[test]
    fn names_round_trip() {
        for operation in Operation::all() {
            assert_eq!(Operation::from_name(operation.name()), Some(operation));
        }
        assert_eq!(Operation::all().count(), 13);
    }
}
