//! The configuration the official SDKs read from the process environment and the shared AWS
//! files, loaded by `aws-config` (the official Rust implementation): the region, the default
//! credential chain, the endpoint URL, FIPS and dual-stack, `max_attempts` and `retry_mode`,
//! the app name, plus what `aws-config` leaves to each SDK: `AWS_CA_BUNDLE` and the proxy
//! variables (read by reqwest). Native only: in a browser there is no environment or file system.

mod http_client;
mod sdk_credentials;
mod settings;

use settings::Settings;

pub use sdk_credentials::SdkCredentialsProvider;

use crate::client::ConfigBuilder;
use crate::error::Error;
use crate::retry::RetryMode;
use crate::runtime::TransportSettings;
use aws_config::BehaviorVersion;
use aws_types::region::Region;
use aws_types::sdk_config::SdkConfig;
use aws_types::service_config::ServiceConfigKey;
use http_client::ReqwestHttpClient;
use std::path::PathBuf;
use std::sync::Arc;

/// The IoT service's id in the SDKs: it names `AWS_ENDPOINT_URL_IOT` and a profile's
/// `services` section key `iot`.
const SERVICE_ID: &str = "IoT";

/// Loads the shared configuration, as `aws_config::defaults(..).load()` does for an SDK client.
/// Settings given here win over the environment and the files, and are the ones the credential
/// providers' own requests (STS, SSO, IMDS, ECS) use; settings made on the returned builder
/// apply to the IoT calls only.
#[derive(Debug, Clone, Default)]
pub struct SharedConfigLoader {
    region: Option<String>,
    profile_name: Option<String>,
    ca_bundle: Option<PathBuf>,
    max_attempts: Option<u32>,
    retry_mode: Option<RetryMode>,
}

impl SharedConfigLoader {
    /// Uses this region instead of `AWS_REGION`, the profile's `region` or IMDS; the credential
    /// providers (STS, SSO) use it too.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Reads this profile instead of `AWS_PROFILE` (default `default`).
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

    /// Reads the environment and the shared files and returns a builder set from them. A
    /// `max_attempts` or `retry_mode` that cannot be used is a `Configuration` error naming it;
    /// anything else is reported by the call that needs it (a missing region, unusable
    /// credentials), before anything is sent.
    pub async fn load(self) -> Result<ConfigBuilder, Error> {
        let given =
            Settings { ca_bundle: self.ca_bundle, max_attempts: self.max_attempts, retry_mode: self.retry_mode };
        let found = settings::read(self.profile_name.as_deref(), given).await?;
        let transport = TransportSettings { ca_bundle: found.ca_bundle, ..TransportSettings::default() };
        // The retry settings read here (and checked) are the ones aws-config's own clients use.
        let mut retry = aws_smithy_types::retry::RetryConfig::standard();
        if let Some(attempts) = found.max_attempts {
            retry = retry.with_max_attempts(attempts);
        }
        if found.retry_mode == Some(RetryMode::Adaptive) {
            retry = retry.with_retry_mode(aws_smithy_types::retry::RetryMode::Adaptive);
        }
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .http_client(ReqwestHttpClient::new(transport.clone()))
            .retry_config(retry);
        if let Some(region) = self.region {
            loader = loader.region(Region::new(region));
        }
        if let Some(name) = self.profile_name {
            loader = loader.profile_name(name);
        }
        Ok(builder_from(&loader.load().await, transport))
    }
}

/// The core configuration for what `aws-config` found.
fn builder_from(sdk: &SdkConfig, transport: TransportSettings) -> ConfigBuilder {
    let mut builder = ConfigBuilder::default();
    if let Some(path) = transport.ca_bundle {
        builder = builder.ca_bundle(path);
    }
    if let Some(region) = sdk.region() {
        builder = builder.region(region.as_ref());
    }
    if let Some(url) = endpoint_url(sdk) {
        builder = builder.endpoint_url(url);
    }
    builder = builder.use_fips(sdk.use_fips().unwrap_or(false)).use_dual_stack(sdk.use_dual_stack().unwrap_or(false));
    if let Some(retry) = sdk.retry_config() {
        let mode = match retry.mode() {
            aws_smithy_types::retry::RetryMode::Adaptive => RetryMode::Adaptive,
            _ => RetryMode::Standard,
        };
        builder = builder.max_attempts(retry.max_attempts()).retry_mode(mode);
    }
    if let Some(app_name) = sdk.app_name() {
        builder = builder.app_name(format!("app/{app_name}"));
    }
    if let Some(provider) = sdk.credentials_provider() {
        builder = builder.credentials_provider(Arc::new(SdkCredentialsProvider::new(provider)));
    }
    builder
}

/// `AWS_ENDPOINT_URL_IOT`, `AWS_ENDPOINT_URL`, the profile's `services` section (`iot =
/// endpoint_url = ...`) or its `endpoint_url`, in that order, unless
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is set: the lookup the generated SDK clients make.
fn endpoint_url(sdk: &SdkConfig) -> Option<String> {
    let key =
        ServiceConfigKey::builder().service_id(SERVICE_ID).env("AWS_ENDPOINT_URL").profile("endpoint_url").build();
    sdk.service_config()
        .and_then(|config| config.load_config(key.ok()?))
        .or_else(|| sdk.endpoint_url().map(str::to_owned))
}
