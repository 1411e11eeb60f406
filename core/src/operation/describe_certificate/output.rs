//! The operation's output: the certificate's description, read leniently (a member of an
//! unexpected type is absent, as the SDKs' parsers treat it).

use crate::operation::ResponseMetadata;
use crate::protocol::{optional_epoch_seconds, optional_text};
use serde::Deserialize;
use std::time::SystemTime;

/// A certificate's status, as the model names them; a status this version does not know is kept
/// as `Unknown` with its name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CertificateStatus {
    /// `ACTIVE`: usable by devices; cannot be transferred.
    Active,
    /// `INACTIVE`: the only status a certificate can be transferred from.
    Inactive,
    /// `REVOKED`.
    Revoked,
    /// `PENDING_TRANSFER`: offered to another account, which has not accepted or rejected it yet.
    PendingTransfer,
    /// `REGISTER_INACTIVE`.
    RegisterInactive,
    /// `PENDING_ACTIVATION`.
    PendingActivation,
    /// A status the model did not have when this version was built.
    Unknown(String),
}

impl CertificateStatus {
    /// The status as the service spells it (`PENDING_TRANSFER`, ...).
    pub fn as_str(&self) -> &str {
        match self {
            CertificateStatus::Active => "ACTIVE",
            CertificateStatus::Inactive => "INACTIVE",
            CertificateStatus::Revoked => "REVOKED",
            CertificateStatus::PendingTransfer => "PENDING_TRANSFER",
            CertificateStatus::RegisterInactive => "REGISTER_INACTIVE",
            CertificateStatus::PendingActivation => "PENDING_ACTIVATION",
            CertificateStatus::Unknown(name) => name,
        }
    }

    fn from_name(name: String) -> Self {
        match name.as_str() {
            "ACTIVE" => CertificateStatus::Active,
            "INACTIVE" => CertificateStatus::Inactive,
            "REVOKED" => CertificateStatus::Revoked,
            "PENDING_TRANSFER" => CertificateStatus::PendingTransfer,
            "REGISTER_INACTIVE" => CertificateStatus::RegisterInactive,
            "PENDING_ACTIVATION" => CertificateStatus::PendingActivation,
            _ => CertificateStatus::Unknown(name),
        }
    }
}

/// Deserializes a status member leniently: a string as its status, anything else as `None`.
pub(crate) fn optional_certificate_status<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<CertificateStatus>, D::Error> {
    Ok(optional_text(deserializer)?.map(CertificateStatus::from_name))
}

/// The certificate's last transfer (`transferData`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferData {
    /// The message the source account sent with the transfer.
    #[serde(default, deserialize_with = "optional_text")]
    pub transfer_message: Option<String>,
    /// Why the target account rejected it.
    #[serde(default, deserialize_with = "optional_text")]
    pub reject_reason: Option<String>,
    /// When it was transferred.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub transfer_date: Option<SystemTime>,
    /// When it was accepted.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub accept_date: Option<SystemTime>,
    /// When it was rejected.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub reject_date: Option<SystemTime>,
}

/// When the certificate is valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateValidity {
    /// The start of the validity period.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub not_before: Option<SystemTime>,
    /// The end of the validity period.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub not_after: Option<SystemTime>,
}

/// A certificate as `DescribeCertificate` describes it (`certificateDescription`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateDescription {
    /// The certificate's ARN.
    #[serde(default, deserialize_with = "optional_text")]
    pub certificate_arn: Option<String>,
    /// The certificate's ID.
    #[serde(default, deserialize_with = "optional_text")]
    pub certificate_id: Option<String>,
    /// The ID of the CA certificate that signed it, if registered with one.
    #[serde(default, deserialize_with = "optional_text")]
    pub ca_certificate_id: Option<String>,
    /// The status.
    #[serde(default, deserialize_with = "optional_certificate_status")]
    pub status: Option<CertificateStatus>,
    /// The certificate in PEM.
    #[serde(default, deserialize_with = "optional_text")]
    pub certificate_pem: Option<String>,
    /// The account that owns it.
    #[serde(default, deserialize_with = "optional_text")]
    pub owned_by: Option<String>,
    /// The account that owned it before its last accepted transfer.
    #[serde(default, deserialize_with = "optional_text")]
    pub previous_owned_by: Option<String>,
    /// When it was created.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub creation_date: Option<SystemTime>,
    /// When it last changed.
    #[serde(default, deserialize_with = "optional_epoch_seconds")]
    pub last_modified_date: Option<SystemTime>,
    /// Its last transfer, if it was ever transferred.
    #[serde(default)]
    pub transfer_data: Option<TransferData>,
    /// The generation ID.
    #[serde(default, deserialize_with = "optional_text")]
    pub generation_id: Option<String>,
    /// When it is valid.
    #[serde(default)]
    pub validity: Option<CertificateValidity>,
    /// `DEFAULT` or `SNI_ONLY`.
    #[serde(default, deserialize_with = "optional_text")]
    pub certificate_mode: Option<String>,
}

/// A described certificate and how the call went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribeCertificateOutput {
    /// The description.
    pub certificate_description: CertificateDescription,
    /// Status, request id, attempts and retry delay.
    pub metadata: ResponseMetadata,
}
