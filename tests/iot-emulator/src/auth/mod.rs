//! Who is calling: SigV4 verification against the configured accounts and the temporary
//! credentials the emulator issued.

pub mod authorization;
pub mod keys;
pub mod sigv4;

use crate::accounts::Account;
use http::request::Parts;
use keys::KeyStore;

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

/// The account of the access key named in the request's `Authorization` header, if the key is
/// known, without verifying the signature: who a call claims to be, for the record of calls that
/// a fault or the signature check stopped.
pub fn claimed_account(parts: &Parts, keys: &dyn KeyStore) -> Option<Account> {
    let header = parts.headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let access_key_id = authorization::parse_authorization(header).ok()?.access_key_id;
    keys.signing_key(&access_key_id).map(|key| key.account)
}
