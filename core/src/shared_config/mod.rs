//! The configuration the official SDKs read from the process environment and the shared AWS
//! files. With the cargo feature `shared-config` (the default) it is loaded by `aws-config` (the
//! official Rust implementation, `sdk_config.rs`): the region, the default credential chain, the
//! endpoint URL, FIPS and dual-stack, `max_attempts` and `retry_mode`, the app name, plus what
//! `aws-config` leaves to each SDK: `AWS_CA_BUNDLE` and the proxy variables (read by reqwest).
//! Without it (the mobile library: iOS and Android have no shared files or instance metadata)
//! only the environment variables the core reads itself are read ([`crate::environment`]), and
//! what needs the shared configuration is a `Configuration` error naming the feature
//! (`environment_only.rs`). Native only: in a browser there is no environment or file system.

#[cfg(not(feature = "shared-config"))]
mod environment_only;
#[cfg(feature = "shared-config")]
mod http_client;
#[cfg(feature = "shared-config")]
mod sdk_config;
#[cfg(feature = "shared-config")]
mod sdk_credentials;
#[cfg(feature = "shared-config")]
mod settings;

#[cfg(not(feature = "shared-config"))]
use environment_only as source;
#[cfg(feature = "shared-config")]
use sdk_config as source;
#[cfg(feature = "shared-config")]
pub use sdk_credentials::SdkCredentialsProvider;

use crate::client::ConfigBuilder;
use crate::credentials::ProvideCredentials;
use crate::error::Error;
use crate::retry::RetryMode;
use std::path::PathBuf;
use std::sync::Arc;

/// Loads the shared configuration, as `aws_config::defaults(..).load()` does for an SDK client.
/// Settings given here win over the environment and the files, and are the ones the credential
/// providers' own requests (STS, SSO, IMDS, ECS) use; settings made on the returned builder
/// apply to the IoT calls only.
#[derive(Clone, Default)]
pub struct SharedConfigLoader {
    region: Option<String>,
    profile_name: Option<String>,
    ca_bundle: Option<PathBuf>,
    max_attempts: Option<u32>,
    retry_mode: Option<RetryMode>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
}

/// The provider prints as whether it is set (the trait has no `Debug` bound).
impl std::fmt::Debug for SharedConfigLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedConfigLoader")
            .field("region", &self.region)
            .field("profile_name", &self.profile_name)
            .field("ca_bundle", &self.ca_bundle)
            .field("max_attempts", &self.max_attempts)
            .field("retry_mode", &self.retry_mode)
            .field("credentials", &self.credentials.as_ref().map(|_| "<provider>"))
            .finish()
    }
}

impl SharedConfigLoader {
    /// Uses this region instead of `AWS_REGION`, the profile's `region` or IMDS; the credential
    /// providers (STS, SSO) use it too.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Reads this profile instead of `AWS_PROFILE` (default `default`). Without the cargo feature
    /// `shared-config`, [`load`](Self::load) refuses it.
    pub fn profile_name(mut self, name: impl Into<String>) -> Self {
        self.profile_name = Some(name.into());
        self
    }

    /// Trusts only the certificate authorities of this PEM file, instead of `AWS_CA_BUNDLE` or the
    /// profile's `ca_bundle`, for the credential providers' requests and the IoT calls.
    pub fn ca_bundle(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_bundle = Some(path.into());
        self
    }

    /// Makes this many attempts per call instead of `AWS_MAX_ATTEMPTS` or `max_attempts`, which
    /// are then not read.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts.max(1));
        self
    }

    /// Retries in this mode instead of `AWS_RETRY_MODE` or `retry_mode`, which are then not read.
    pub fn retry_mode(mut self, mode: RetryMode) -> Self {
        self.retry_mode = Some(mode);
        self
    }

    /// Signs with this provider's credentials instead of the default credential chain's, which
    /// is then not looked for.
    pub fn credentials_provider(mut self, provider: Arc<dyn ProvideCredentials>) -> Self {
        self.credentials = Some(provider);
        self
    }

    /// Reads the environment and the shared files and returns a builder set from them. A
    /// `max_attempts` or `retry_mode` that cannot be used is a `Configuration` error naming it;
    /// anything else is reported by the call that needs it (a missing region, unusable
    /// credentials), before anything is sent. Without the cargo feature `shared-config`, a
    /// profile, or no credentials given and none in `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`,
    /// is a `Configuration` error naming the feature
    /// ([`SHARED_CONFIG`](crate::settings::SHARED_CONFIG)).
    pub async fn load(self) -> Result<ConfigBuilder, Error> {
        source::load(self).await
    }
}
