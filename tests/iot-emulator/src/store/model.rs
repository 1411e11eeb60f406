//! What the emulator remembers: certificates (with their last transfer) and policies (with the
//! certificates they are attached to). Times are milliseconds since the Unix epoch.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A certificate's status, as the IoT model spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CertificateStatus {
    /// Devices may connect with it.
    Active,
    /// Devices may not connect with it; it may be transferred.
    Inactive,
    /// Revoked for good.
    Revoked,
    /// Offered to another account, waiting for it to accept or reject.
    PendingTransfer,
    /// Registered without activation (not produced by the emulator's operations).
    RegisterInactive,
    /// Waiting for activation (not produced by the emulator's operations).
    PendingActivation,
}

impl CertificateStatus {
    /// Every status, in the model's order.
    pub const ALL: [CertificateStatus; 6] = [
        Self::Active,
        Self::Inactive,
        Self::Revoked,
        Self::PendingTransfer,
        Self::RegisterInactive,
        Self::PendingActivation,
    ];

    /// The wire name, e.g. `PENDING_TRANSFER`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Inactive => "INACTIVE",
            Self::Revoked => "REVOKED",
            Self::PendingTransfer => "PENDING_TRANSFER",
            Self::RegisterInactive => "REGISTER_INACTIVE",
            Self::PendingActivation => "PENDING_ACTIVATION",
        }
    }

    /// The status with this wire name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == name)
    }
}

/// How a transfer ended, or that it has not yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TransferOutcome {
    /// Waiting for the target to accept or reject, or the source to cancel.
    Pending,
    /// The target accepted: it owns the certificate.
    Accepted,
    /// The target rejected: the source owns it again, INACTIVE.
    Rejected,
    /// The source cancelled: it owns it again, INACTIVE.
    Cancelled,
}

/// The last transfer of a certificate (AWS keeps it as the description's `transferData`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferRecord {
    /// The account that offered the certificate.
    pub source_account: String,
    /// The account it was offered to.
    pub target_account: String,
    /// The source's optional message.
    pub transfer_message: Option<String>,
    /// The target's optional reason, when it rejected.
    pub reject_reason: Option<String>,
    /// When the transfer was offered.
    pub transfer_millis: i64,
    /// When the target accepted.
    pub accept_millis: Option<i64>,
    /// When the target rejected.
    pub reject_millis: Option<i64>,
    /// Where the transfer stands.
    pub outcome: TransferOutcome,
}

/// One X.509 certificate registered in the emulated IoT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateRecord {
    /// Lower-case hex SHA-256 of the certificate's DER.
    pub certificate_id: String,
    /// The certificate in PEM.
    pub certificate_pem: String,
    /// The region of the request that created it (used in its ARN).
    pub region: String,
    /// The account that owns it now.
    pub owner_account: String,
    /// The account that owned it before the last accepted transfer.
    pub previous_owner_account: Option<String>,
    /// Its status.
    pub status: CertificateStatus,
    /// When it was created.
    pub creation_millis: i64,
    /// When it last changed.
    pub last_modified_millis: i64,
    /// Incremented on every change.
    pub customer_version: u32,
    /// Changes on every change (an opaque UUID-like string).
    pub generation_id: String,
    /// The certificate's notBefore.
    pub not_before_millis: i64,
    /// The certificate's notAfter.
    pub not_after_millis: i64,
    /// Its last transfer, if it was ever offered.
    pub transfer: Option<TransferRecord>,
}

impl CertificateRecord {
    /// `arn:aws:iot:REGION:OWNER:cert/ID`: the owner's account is part of the ARN.
    pub fn arn(&self) -> String {
        certificate_arn(&self.region, &self.owner_account, &self.certificate_id)
    }

    /// The transfer waiting for an answer, if any.
    pub fn pending_transfer(&self) -> Option<&TransferRecord> {
        self.transfer.as_ref().filter(|transfer| transfer.outcome == TransferOutcome::Pending)
    }

    /// Whether `account` may see the certificate: its owner, or the target of a pending transfer.
    pub fn is_visible_to(&self, account: &str) -> bool {
        self.owner_account == account || self.pending_transfer().is_some_and(|t| t.target_account == account)
    }

    /// Records a change: bumps the version, the modification time and the generation ID.
    pub fn touch(&mut self, now_millis: i64) {
        self.last_modified_millis = now_millis;
        self.customer_version = self.customer_version.saturating_add(1);
        self.generation_id = crate::ids::new_request_id();
    }
}

/// `arn:aws:iot:REGION:ACCOUNT:cert/ID`.
pub fn certificate_arn(region: &str, account: &str, certificate_id: &str) -> String {
    format!("arn:aws:iot:{region}:{account}:cert/{certificate_id}")
}

/// One IoT policy of one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRecord {
    /// The policy's name (unique in its account).
    pub policy_name: String,
    /// The account it belongs to.
    pub account: String,
    /// The region of the request that created it (used in its ARN).
    pub region: String,
    /// The policy document, as given.
    pub policy_document: String,
    /// The default version's ID (always "1": versions are not emulated).
    pub policy_version_id: String,
    /// When it was created.
    pub creation_millis: i64,
    /// IDs of the certificates it is attached to.
    pub attached_certificate_ids: BTreeSet<String>,
}

impl PolicyRecord {
    /// `arn:aws:iot:REGION:ACCOUNT:policy/NAME`.
    pub fn arn(&self) -> String {
        format!("arn:aws:iot:{}:{}:policy/{}", self.region, self.account, self.policy_name)
    }
}

/// Everything the emulator remembers; saved whole to the state file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// Certificates by ID (IDs are unique across accounts).
    pub certificates: BTreeMap<String, CertificateRecord>,
    /// Policies by account, then by name.
    pub policies: BTreeMap<String, BTreeMap<String, PolicyRecord>>,
}

impl State {
    /// Names of `account`'s policies attached to the certificate.
    pub fn policies_attached_to(&self, account: &str, certificate_id: &str) -> Vec<&PolicyRecord> {
        self.policies
            .get(account)
            .into_iter()
            .flat_map(|policies| policies.values())
            .filter(|policy| policy.attached_certificate_ids.contains(certificate_id))
            .collect()
    }
}
