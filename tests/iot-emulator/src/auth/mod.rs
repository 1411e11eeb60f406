//! Who is calling: SigV4 verification against the configured accounts and the temporary
//! credentials the emulator issued.

pub mod authorization;
pub mod keys;
pub mod sigv4;

use crate::accounts::Account;

/// The verified caller of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The account whose key signed the request.
    pub account: Account,
    /// The region of the signature's credential scope (used in new resources' ARNs).
    pub region: String,
    /// The access key ID that signed (a long-term key or issued temporary credentials).
    pub access_key_id: String,
}

impl Caller {
    /// The caller's 12-digit account ID.
    pub fn account_id(&self) -> &str {
        &self.account.account_id
    }
}
