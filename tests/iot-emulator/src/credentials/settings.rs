//! How the credential services behave: credential lifetime, the instance's account and role,
//! the container endpoint's authorization. Set in the config file (`credentials`) or at run
//! time (`POST /_emulator/credential-settings`); JSON member names are camelCase.

use crate::accounts::Accounts;
use serde::{Deserialize, Serialize};

/// The default lifetime of credentials from SSO, IMDS and the container endpoint (1 hour).
pub const DEFAULT_LIFETIME_SECONDS: u64 = 3600;
/// The default role name IMDS serves.
pub const DEFAULT_INSTANCE_ROLE: &str = "iot-emulator-instance-role";
/// The default region IMDS reports (`placement/region`).
pub const DEFAULT_REGION: &str = "us-east-1";
/// The default `Authorization` value of the container endpoint.
pub const DEFAULT_CONTAINER_TOKEN: &str = "emulator-container-token";

/// The credential services' settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CredentialSettings {
    /// Seconds that credentials from SSO, IMDS and the container endpoint stay valid (STS takes
    /// the request's `DurationSeconds`). Short values let tests watch a client refresh.
    pub lifetime_seconds: u64,
    /// The account whose credentials IMDS serves; absent: the first configured account.
    pub instance_account_id: Option<String>,
    /// The role name IMDS lists under `iam/security-credentials/`.
    pub instance_role_name: String,
    /// The region IMDS reports.
    pub region: String,
    /// The `Authorization` header value the container endpoint accepts.
    pub container_authorization_token: String,
    /// Whether the container endpoint refuses a request without `Authorization` (401); a wrong
    /// value is always refused (403).
    pub container_authorization_required: bool,
}

impl Default for CredentialSettings {
    fn default() -> Self {
        Self {
            lifetime_seconds: DEFAULT_LIFETIME_SECONDS,
            instance_account_id: None,
            instance_role_name: DEFAULT_INSTANCE_ROLE.to_owned(),
            region: DEFAULT_REGION.to_owned(),
            container_authorization_token: DEFAULT_CONTAINER_TOKEN.to_owned(),
            container_authorization_required: false,
        }
    }
}

impl CredentialSettings {
    /// Checks the settings against the configured accounts.
    pub fn validate(&self, accounts: &Accounts) -> Result<(), String> {
        if self.lifetime_seconds == 0 || self.lifetime_seconds > 7 * 24 * 3600 {
            return Err(format!("lifetimeSeconds must be 1 to 604800, not {}", self.lifetime_seconds));
        }
        if let Some(account_id) = &self.instance_account_id {
            if accounts.by_id(account_id).is_none() {
                return Err(format!("instanceAccountId {account_id} is not a configured account"));
            }
        }
        let role = &self.instance_role_name;
        if role.is_empty() || role.len() > 64 || !role.bytes().all(is_role_name_byte) {
            return Err(format!("instanceRoleName {role:?} is not a valid role name"));
        }
        if self.region.is_empty() || !self.region.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-') {
            return Err(format!("region {:?} is not a region name", self.region));
        }
        if self.container_authorization_token.is_empty() {
            return Err("containerAuthorizationToken must not be empty".to_owned());
        }
        Ok(())
    }

    /// The 12-digit account IMDS serves.
    pub fn instance_account<'a>(&'a self, accounts: &'a Accounts) -> &'a str {
        self.instance_account_id.as_deref().unwrap_or(&accounts.first().account_id)
    }
}

/// The characters IAM allows in role names (`[\w+=,.@-]`).
pub fn is_role_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"_+=,.@-".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::default_accounts;

    #[test]
    fn defaults_are_valid_and_checks_refuse_nonsense() {
        let accounts = Accounts::new(default_accounts()).unwrap();
        let settings = CredentialSettings::default();
        assert!(settings.validate(&accounts).is_ok());
        assert_eq!(settings.instance_account(&accounts), "111122223333");
        for bad in [
            r#"{"lifetimeSeconds": 0}"#,
            r#"{"instanceAccountId": "999999999999"}"#,
            r#"{"instanceRoleName": "a/b"}"#,
            r#"{"region": ""}"#,
            r#"{"containerAuthorizationToken": ""}"#,
        ] {
            let parsed: CredentialSettings = serde_json::from_str(bad).unwrap();
            assert!(parsed.validate(&accounts).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<CredentialSettings>(r#"{"lifetime": 1}"#).is_err());
        let chosen: CredentialSettings = serde_json::from_str(r#"{"instanceAccountId": "444455556666"}"#).unwrap();
        assert_eq!(chosen.instance_account(&accounts), "444455556666");
    }
}
