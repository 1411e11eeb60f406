//! The keys a request may be signed with: the accounts' long-term keys, and the temporary
//! credentials the emulator's credential services issued (which also need their session token).

use crate::accounts::{Account, Accounts};
use std::time::SystemTime;

/// What the verifier needs to know about one access key ID.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey {
    /// The account the key signs as.
    pub account: Account,
    /// The secret the signature is computed with.
    pub secret_access_key: String,
    /// For temporary credentials: the `X-Amz-Security-Token` the request must carry.
    pub session_token: Option<String>,
    /// For temporary credentials: when they stop being accepted.
    pub expiration: Option<SystemTime>,
}

impl SigningKey {
    /// An account's long-term key: no session token, no expiry.
    pub fn long_term(account: &Account) -> Self {
        Self {
            account: account.clone(),
            secret_access_key: account.secret_access_key.clone(),
            session_token: None,
            expiration: None,
        }
    }
}

// The secrets stay out of logs and panics.
impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("account_id", &self.account.account_id)
            .field("access_key_id", &self.account.access_key_id)
            .field("temporary", &self.session_token.is_some())
            .field("expiration", &self.expiration)
            .finish()
    }
}

/// Finds the key behind an access key ID.
pub trait KeyStore {
    /// The key with this ID, if the emulator knows it (expired temporary keys included, so that
    /// the verifier can say they expired).
    fn signing_key(&self, access_key_id: &str) -> Option<SigningKey>;
}

impl KeyStore for Accounts {
    fn signing_key(&self, access_key_id: &str) -> Option<SigningKey> {
        self.by_access_key(access_key_id).map(SigningKey::long_term)
    }
}
