//! The credential services' shared state: issued credentials, tokens, settings and the count
//! of requests per endpoint (so tests can check a client's caching).

use super::issued::{Grant, Issued, IssuedCredentials};
use super::settings::CredentialSettings;
use super::tokens::Tokens;
use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// One running emulator's credential services.
#[derive(Debug)]
pub struct CredentialServices {
    /// Every set of temporary credentials handed out.
    pub issued: IssuedCredentials,
    /// SSO, web identity and IMDS tokens.
    pub tokens: Tokens,
    configured: CredentialSettings,
    settings: Mutex<CredentialSettings>,
    counts: Mutex<BTreeMap<&'static str, u64>>,
}

impl CredentialServices {
    /// Starts with the configured (already validated) settings and nothing issued.
    pub fn new(settings: CredentialSettings) -> Self {
        Self {
            issued: IssuedCredentials::default(),
            tokens: Tokens::default(),
            configured: settings.clone(),
            settings: Mutex::new(settings),
            counts: Mutex::new(BTreeMap::new()),
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> CredentialSettings {
        self.settings.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Replaces the settings (the caller validated them).
    pub fn replace_settings(&self, settings: CredentialSettings) {
        *self.settings.lock().unwrap_or_else(PoisonError::into_inner) = settings;
    }

    /// Issues credentials for `grant` that last the configured lifetime.
    pub fn issue_for_lifetime(&self, grant: Grant, now: SystemTime) -> Issued {
        let lifetime = Duration::from_secs(self.settings().lifetime_seconds);
        self.issued.issue(grant, now, lifetime)
    }

    /// Counts one request to an endpoint, e.g. `imds:credentials` (whatever its outcome).
    pub fn count(&self, endpoint: &'static str) {
        *self.counts.lock().unwrap_or_else(PoisonError::into_inner).entry(endpoint).or_default() += 1;
    }

    /// Requests per endpoint since the start or the last reset.
    pub fn request_counts(&self) -> BTreeMap<&'static str, u64> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Forgets the counts and restores the configured settings. Issued credentials and tokens
    /// stay valid: a client may still hold them.
    pub fn reset(&self) {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner).clear();
        self.replace_settings(self.configured.clone());
    }
}
