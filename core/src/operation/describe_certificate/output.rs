//! The operation's output: the certificate's description, read leniently (a member of an
//! unexpected type is absent, as the SDKs' parsers treat it).

pub use crate::operation::shapes::{
    CertificateDescription, CertificateStatus, CertificateValidity, DescribeCertificateOutput, TransferData,
};
use crate::protocol::optional_text;

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

    /// The status the service spells `name`; another name is `Unknown`.
    pub fn from_name(name: String) -> Self {
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
