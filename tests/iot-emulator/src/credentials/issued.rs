//! Temporary credentials the credential services hand out: an `ASIA…` access key ID, a secret,
//! a session token and an expiry, each for a role session in one known account. They are kept
//! in memory only (not in the state file) and sign IoT and STS calls as that account.

use crate::accounts::Account;
use crate::auth::keys::SigningKey;
use crate::clock::format_iso8601;
use crate::ids::lower_hex;
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// Which credential service issued a set of credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// STS `AssumeRole`.
    AssumeRole,
    /// STS `AssumeRoleWithWebIdentity`.
    AssumeRoleWithWebIdentity,
    /// The SSO portal's `GetRoleCredentials`.
    Sso,
    /// The instance metadata service.
    Imds,
    /// The container credentials endpoint.
    Container,
}

/// Whom credentials are for: a role session in an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The 12-digit account.
    pub account_id: String,
    /// The role's name (the last part of `arn:aws:iam::ACCOUNT:role/NAME`).
    pub role_name: String,
    /// The session's name (the last part of the assumed-role ARN).
    pub session_name: String,
    /// The issuing service.
    pub source: Source,
}

impl Grant {
    /// `arn:aws:iam::ACCOUNT:role/NAME`.
    pub fn role_arn(&self) -> String {
        format!("arn:aws:iam::{}:role/{}", self.account_id, self.role_name)
    }

    /// `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`, the caller's ARN while it uses them.
    pub fn assumed_role_arn(&self) -> String {
        format!("arn:aws:sts::{}:assumed-role/{}/{}", self.account_id, self.role_name, self.session_name)
    }

    /// `AROA…:SESSION`: the role's unique ID (derived from its ARN, so stable) and the session.
    pub fn assumed_role_id(&self) -> String {
        let digest = Sha256::digest(self.role_arn().as_bytes());
        let id: String = lower_hex(&digest[..8]).to_ascii_uppercase();
        format!("AROA{id}:{}", self.session_name)
    }
}

/// One set of issued credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Issued {
    /// Whom they are for.
    pub grant: Grant,
    /// `ASIA` and 16 more characters.
    pub access_key_id: String,
    /// 40 characters.
    pub secret_access_key: String,
    /// Must come with every request signed with them, as `X-Amz-Security-Token`.
    pub session_token: String,
    /// When they stop being accepted (the service clock's time).
    pub expiration: SystemTime,
}

impl Issued {
    /// The verifier's view: signs as `account`, needs the session token, expires.
    pub fn signing_key(&self, account: &Account) -> SigningKey {
        SigningKey {
            account: account.clone(),
            secret_access_key: self.secret_access_key.clone(),
            session_token: Some(self.session_token.clone()),
            expiration: Some(self.expiration),
        }
    }
}

// The secret and the session token stay out of logs and panics.
impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued")
            .field("grant", &self.grant)
            .field("access_key_id", &self.access_key_id)
            .field("expiration", &self.expiration)
            .finish_non_exhaustive()
    }
}

/// Every set of credentials issued since the start, by access key ID.
#[derive(Debug, Default)]
pub struct IssuedCredentials {
    by_key: Mutex<HashMap<String, (Issued, u64)>>,
}

impl IssuedCredentials {
    /// Issues new credentials for `grant`, valid for `lifetime` from `now`.
    pub fn issue(&self, grant: Grant, now: SystemTime, lifetime: Duration) -> Issued {
        let issued = Issued {
            grant,
            access_key_id: format!("ASIA{}", random_text(16, KEY_ALPHABET)),
            secret_access_key: random_text(40, SECRET_ALPHABET),
            session_token: random_text(160, TOKEN_ALPHABET),
            expiration: now + lifetime,
        };
        let mut by_key = self.by_key.lock().unwrap_or_else(PoisonError::into_inner);
        by_key.insert(issued.access_key_id.clone(), (issued.clone(), 0));
        issued
    }

    /// The credentials with this access key ID, expired or not.
    pub fn find(&self, access_key_id: &str) -> Option<Issued> {
        let by_key = self.by_key.lock().unwrap_or_else(PoisonError::into_inner);
        by_key.get(access_key_id).map(|(issued, _)| issued.clone())
    }

    /// Counts one verified request signed with these credentials (other keys are ignored).
    pub fn note_use(&self, access_key_id: &str) {
        let mut by_key = self.by_key.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, uses)) = by_key.get_mut(access_key_id) {
            *uses += 1;
        }
    }

    /// What the admin endpoint shows of each (no secret, no session token), oldest expiry first.
    pub fn report(&self) -> Vec<Value> {
        let by_key = self.by_key.lock().unwrap_or_else(PoisonError::into_inner);
        let mut all: Vec<&(Issued, u64)> = by_key.values().collect();
        all.sort_by(|(a, _), (b, _)| (a.expiration, &a.access_key_id).cmp(&(b.expiration, &b.access_key_id)));
        all.into_iter()
            .map(|(issued, uses)| {
                json!({
                    "accessKeyId": issued.access_key_id,
                    "accountId": issued.grant.account_id,
                    "source": issued.grant.source,
                    "roleArn": issued.grant.role_arn(),
                    "arn": issued.grant.assumed_role_arn(),
                    "expiration": format_iso8601(issued.expiration),
                    "uses": uses,
                })
            })
            .collect()
    }
}

const KEY_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const TOKEN_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// `length` characters drawn from `alphabet` with the process-wide generator.
pub fn random_text(length: usize, alphabet: &[u8]) -> String {
    (0..length).map(|_| char::from(alphabet[fastrand::usize(..alphabet.len())])).collect()
}

/// A random token of letters and digits (for IMDS sessions and admin-issued tokens).
pub fn random_token(length: usize) -> String {
    random_text(length, TOKEN_ALPHABET)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> Grant {
        Grant {
            account_id: "111122223333".into(),
            role_name: "deployer".into(),
            session_name: "ci".into(),
            source: Source::AssumeRole,
        }
    }

    #[test]
    fn issued_keys_look_like_sts_keys_and_are_found() {
        let store = IssuedCredentials::default();
        let now = SystemTime::now();
        let issued = store.issue(grant(), now, Duration::from_secs(900));
        assert!(issued.access_key_id.starts_with("ASIA") && issued.access_key_id.len() == 20);
        assert_eq!(issued.secret_access_key.len(), 40);
        assert_eq!(issued.expiration, now + Duration::from_secs(900));
        assert_eq!(store.find(&issued.access_key_id), Some(issued.clone()));
        assert_eq!(store.find("ASIANOTHING"), None);
        store.note_use(&issued.access_key_id);
        let report = store.report();
        assert_eq!(report[0]["uses"], 1);
        assert!(!report[0].to_string().contains(&issued.secret_access_key));
    }

    #[test]
    fn role_names_and_ids() {
        let grant = grant();
        assert_eq!(grant.role_arn(), "arn:aws:iam::111122223333:role/deployer");
        assert_eq!(grant.assumed_role_arn(), "arn:aws:sts::111122223333:assumed-role/deployer/ci");
        let id = grant.assumed_role_id();
        assert!(id.starts_with("AROA") && id.ends_with(":ci") && id.len() == 4 + 16 + 3, "{id}");
        assert_eq!(id, grant.assumed_role_id());
    }
}
