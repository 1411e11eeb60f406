//! The AWS accounts the emulator knows, each reached through one access key.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The default source account: owns the certificates in the demo.
pub const DEFAULT_SOURCE_ACCOUNT: &str = "111122223333";
/// The default source account's access key ID.
pub const DEFAULT_SOURCE_ACCESS_KEY: &str = "AKIAEMULATORSOURCE";
/// The default source account's secret access key (public: this is a local test endpoint).
pub const DEFAULT_SOURCE_SECRET: &str = "emulator-source-secret";
/// The default target account: receives transfers.
pub const DEFAULT_TARGET_ACCOUNT: &str = "444455556666";
/// The default target account's access key ID.
pub const DEFAULT_TARGET_ACCESS_KEY: &str = "AKIAEMULATORTARGET";
/// The default target account's secret access key (public: this is a local test endpoint).
pub const DEFAULT_TARGET_SECRET: &str = "emulator-target-secret";

/// One account and the long-term key that signs as it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The 12-digit account ID.
    pub account_id: String,
    /// The access key ID clients sign with.
    pub access_key_id: String,
    /// The secret access key clients sign with.
    pub secret_access_key: String,
}

impl Account {
    /// An account from its three parts, unchecked (see [`Account::validate`]).
    pub fn new(account_id: &str, access_key_id: &str, secret_access_key: &str) -> Self {
        Self {
            account_id: account_id.to_owned(),
            access_key_id: access_key_id.to_owned(),
            secret_access_key: secret_access_key.to_owned(),
        }
    }

    /// Parses `ACCOUNT_ID:ACCESS_KEY_ID:SECRET` (the secret may itself contain colons).
    pub fn parse_flag(text: &str) -> Result<Self, String> {
        let mut parts = text.splitn(3, ':');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(id), Some(key), Some(secret)) => {
                let account = Self::new(id, key, secret);
                account.validate()?;
                Ok(account)
            }
            _ => Err(format!("--account wants ACCOUNT_ID:ACCESS_KEY_ID:SECRET, got {text:?}")),
        }
    }

    /// Checks the account ID is 12 digits and the key and secret are not empty.
    pub fn validate(&self) -> Result<(), String> {
        if self.account_id.len() != 12 || !self.account_id.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(format!("account ID {:?} is not 12 digits", self.account_id));
        }
        if self.access_key_id.is_empty() || self.secret_access_key.is_empty() {
            return Err(format!("account {} needs an access key ID and a secret", self.account_id));
        }
        Ok(())
    }
}

/// The default accounts: a source and a target.
pub fn default_accounts() -> Vec<Account> {
    vec![
        Account::new(DEFAULT_SOURCE_ACCOUNT, DEFAULT_SOURCE_ACCESS_KEY, DEFAULT_SOURCE_SECRET),
        Account::new(DEFAULT_TARGET_ACCOUNT, DEFAULT_TARGET_ACCESS_KEY, DEFAULT_TARGET_SECRET),
    ]
}

/// The accounts, looked up by access key ID.
#[derive(Debug, Clone)]
pub struct Accounts {
    by_access_key: HashMap<String, Account>,
    in_order: Vec<Account>,
}

impl Accounts {
    /// Indexes the accounts; fails on an invalid account or an access key used twice.
    pub fn new(accounts: Vec<Account>) -> Result<Self, String> {
        if accounts.is_empty() {
            return Err("at least one account is needed".to_owned());
        }
        let mut by_access_key = HashMap::new();
        for account in &accounts {
            account.validate()?;
            if by_access_key.insert(account.access_key_id.clone(), account.clone()).is_some() {
                return Err(format!("access key {} is given to two accounts", account.access_key_id));
            }
        }
        Ok(Self { by_access_key, in_order: accounts })
    }

    /// The account that owns this access key ID.
    pub fn by_access_key(&self, access_key_id: &str) -> Option<&Account> {
        self.by_access_key.get(access_key_id)
    }

    /// The account with this 12-digit ID.
    pub fn by_id(&self, account_id: &str) -> Option<&Account> {
        self.in_order.iter().find(|account| account.account_id == account_id)
    }

    /// The accounts in the order they were configured.
    pub fn all(&self) -> &[Account] {
        &self.in_order
    }

    /// The first configured account (the source account of the demo certificates).
    pub fn first(&self) -> &Account {
        // Invariant: `new` refuses an empty list.
        &self.in_order[0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_account_flags() {
        let account = Account::parse_flag("777788889999:AKIAOTHER:se:cret").unwrap();
        assert_eq!(account, Account::new("777788889999", "AKIAOTHER", "se:cret"));
        assert!(Account::parse_flag("7777:AKIA:secret").is_err());
        assert!(Account::parse_flag("777788889999:AKIA").is_err());
    }

    #[test]
    fn refuses_a_key_used_twice() {
        let twice = vec![Account::new("111122223333", "AKIA", "a"), Account::new("444455556666", "AKIA", "b")];
        assert!(Accounts::new(twice).is_err());
        assert!(Accounts::new(Vec::new()).is_err());
    }
}
