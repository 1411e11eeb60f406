//! The state shared by every connection: resources, accounts, credential services, faults, the
//! rate limit, the clock, counters and the call log.

use crate::accounts::Accounts;
use crate::auth::keys::{KeyStore, SigningKey};
use crate::call_log::CallLog;
use crate::clock::Clock;
use crate::config::Config;
use crate::credentials::CredentialServices;
use crate::faults::{FaultEngine, FaultSettings};
use crate::rate_limit::RateLimiter;
use crate::store::model::State;
use crate::store::Store;
use crate::wire::routing::Operation;
use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

/// One running emulator's shared state.
#[derive(Debug)]
pub struct App {
    /// Certificates and policies.
    pub store: Store,
    /// The accounts, by access key.
    pub accounts: Accounts,
    /// STS, SSO, IMDS and container credentials, and what they issued.
    pub credentials: CredentialServices,
    /// The fault injector.
    pub faults: FaultEngine,
    /// The request-rate quota per account.
    pub rate_limit: RateLimiter,
    /// Every IoT call since the start or the last reset, and what became of it.
    pub calls: CallLog,
    /// The service's (possibly skewed) clock.
    pub clock: Clock,
    /// Print one line per request on standard error.
    pub log_requests: bool,
    request_counts: Mutex<BTreeMap<&'static str, u64>>,
}

impl App {
    /// Builds the state from the configuration, loading the state file if there is one.
    pub fn new(config: &Config) -> Result<Self, String> {
        config.faults.validate()?;
        let store = match &config.state_file {
            Some(path) => Store::with_state_file(path.clone())?,
            None => Store::in_memory(),
        };
        let accounts = Accounts::new(config.accounts.clone())?;
        config.credentials.validate(&accounts)?;
        let account_ids = || accounts.all().iter().map(|account| account.account_id.clone());
        let app = Self {
            store,
            credentials: CredentialServices::new(config.credentials.clone()),
            rate_limit: RateLimiter::new(account_ids(), config.rate_limit)?,
            calls: CallLog::new(account_ids()),
            accounts,
            faults: FaultEngine::new(FaultSettings::default()),
            clock: Clock::default(),
            log_requests: config.log_requests,
            request_counts: Mutex::new(BTreeMap::new()),
        };
        app.apply_faults(config.faults.clone())?;
        Ok(app)
    }

    /// Replaces the fault settings (and the clock skew they carry) after checking them.
    pub fn apply_faults(&self, settings: FaultSettings) -> Result<(), String> {
        settings.validate()?;
        self.clock.set_skew_seconds(settings.clock_skew_seconds);
        self.faults.replace(settings);
        Ok(())
    }

    /// Counts a call of `operation` (whatever its outcome).
    pub fn count_request(&self, operation: Operation) {
        let mut counts = self.request_counts.lock().unwrap_or_else(PoisonError::into_inner);
        *counts.entry(operation.name()).or_default() += 1;
    }

    /// Calls received per operation since the start or the last reset.
    pub fn request_counts(&self) -> BTreeMap<&'static str, u64> {
        self.request_counts.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Stops injecting faults and sets the clock right.
    pub fn reset_faults(&self) {
        self.clock.set_skew_seconds(0);
        self.faults.replace(FaultSettings::default());
    }

    /// Forgets every certificate, policy, fault, count and logged call, removes the rate limit,
    /// and restores the credential settings (the accounts, issued credentials and tokens stay).
    pub fn reset(&self) {
        self.store.replace(State::default());
        self.reset_faults();
        self.rate_limit.reset();
        self.calls.clear();
        self.credentials.reset();
        self.request_counts.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

/// Long-term keys first, then the temporary credentials issued for a still-configured account.
impl KeyStore for App {
    fn signing_key(&self, access_key_id: &str) -> Option<SigningKey> {
        if let Some(key) = self.accounts.signing_key(access_key_id) {
            return Some(key);
        }
        let issued = self.credentials.issued.find(access_key_id)?;
        let account = self.accounts.by_id(&issued.grant.account_id)?;
        Some(issued.signing_key(account))
    }
}
