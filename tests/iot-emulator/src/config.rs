//! The emulator's settings: defaults, then a JSON config file, then command-line flags.

use crate::accounts::{default_accounts, Account};
use crate::credentials::CredentialSettings;
use crate::faults::FaultSettings;
use crate::rate_limit::RateLimit;
use serde::Deserialize;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};

/// The port used when none is given (0 picks a free one).
pub const DEFAULT_PORT: u16 = 8180;

/// Everything the emulator needs to start.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The address to listen on (default 127.0.0.1).
    pub host: IpAddr,
    /// The port to listen on; 0 picks a free one.
    pub port: u16,
    /// The accounts and their keys.
    pub accounts: Vec<Account>,
    /// Where to load the state from at start and save it after every change.
    pub state_file: Option<PathBuf>,
    /// Create the demo certificates at start.
    pub seed_demo: bool,
    /// Faults to inject from the start.
    pub faults: FaultSettings,
    /// Print one line per request on standard error.
    pub log_requests: bool,
    /// The credential services' settings (lifetime, instance role, container token).
    pub credentials: CredentialSettings,
    /// The request-rate quota per account (`None`: no limit).
    pub rate_limit: Option<RateLimit>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            accounts: default_accounts(),
            state_file: None,
            seed_demo: false,
            faults: FaultSettings::default(),
            log_requests: false,
            credentials: CredentialSettings::default(),
            rate_limit: None,
        }
    }
}

/// The JSON config file: every member optional, camelCase names.
///
/// ```json
/// {"host": "127.0.0.1", "port": 8180,
///  "accounts": [{"accountId": "111122223333", "accessKeyId": "AKIA...", "secretAccessKey": "..."}],
///  "stateFile": "state.json", "seedDemo": true, "logRequests": false,
///  "faults": {"seed": 7, "throttleRate": 0.1, "script": [{"operation": "TransferCertificate", "fault": "throttle", "times": 2}]},
///  "credentials": {"lifetimeSeconds": 900, "instanceAccountId": "444455556666"},
///  "rateLimit": {"requestsPerSecond": 10, "burst": 20}}
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfigFile {
    /// See [`Config::host`].
    pub host: Option<IpAddr>,
    /// See [`Config::port`].
    pub port: Option<u16>,
    /// See [`Config::accounts`]; replaces the default accounts.
    pub accounts: Option<Vec<Account>>,
    /// See [`Config::state_file`]; relative to the working directory.
    pub state_file: Option<PathBuf>,
    /// See [`Config::seed_demo`].
    pub seed_demo: Option<bool>,
    /// See [`Config::faults`].
    pub faults: Option<FaultSettings>,
    /// See [`Config::log_requests`].
    pub log_requests: Option<bool>,
    /// See [`Config::credentials`].
    pub credentials: Option<CredentialSettings>,
    /// See [`Config::rate_limit`].
    pub rate_limit: Option<RateLimit>,
}

impl Config {
    /// Reads a config file and lays its members over these settings.
    pub fn apply_file(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read config file {}: {error}", path.display()))?;
        let file: ConfigFile = serde_json::from_str(&text)
            .map_err(|error| format!("config file {} is not valid: {error}", path.display()))?;
        self.apply(file);
        Ok(())
    }

    /// Lays the members present in `file` over these settings.
    pub fn apply(&mut self, file: ConfigFile) {
        if let Some(host) = file.host {
            self.host = host;
        }
        if let Some(port) = file.port {
            self.port = port;
        }
        if let Some(accounts) = file.accounts {
            self.accounts = accounts;
        }
        if file.state_file.is_some() {
            self.state_file = file.state_file;
        }
        if let Some(seed_demo) = file.seed_demo {
            self.seed_demo = seed_demo;
        }
        if let Some(faults) = file.faults {
            self.faults = faults;
        }
        if let Some(log_requests) = file.log_requests {
            self.log_requests = log_requests;
        }
        if let Some(credentials) = file.credentials {
            self.credentials = credentials;
        }
        if file.rate_limit.is_some() {
            self.rate_limit = file.rate_limit;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_overrides_only_what_it_names() {
        let file: ConfigFile = serde_json::from_str(
            r#"{"port": 0, "accounts": [{"accountId": "777788889999", "accessKeyId": "AKIAX", "secretAccessKey": "s"}],
                "faults": {"clockSkewSeconds": 600}, "rateLimit": {"requestsPerSecond": 5}}"#,
        )
        .unwrap();
        let mut config = Config::default();
        config.apply(file);
        assert_eq!(config.port, 0);
        assert_eq!(config.host, IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!(config.accounts, [Account::new("777788889999", "AKIAX", "s")]);
        assert_eq!(config.faults.clock_skew_seconds, 600);
        assert_eq!(config.rate_limit, Some(RateLimit::per_second(5.0)));
        assert!(serde_json::from_str::<ConfigFile>(r#"{"prot": 1}"#).is_err());
    }
}
