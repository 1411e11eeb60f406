//! The configuration the official SDKs read from the process environment and the shared AWS
//! files, loaded by `aws-config` (the official Rust implementation): the region, the default
//! credential chain, the endpoint URL, FIPS and dual-stack, `max_attempts` and `retry_mode`,
//! timeouts and the app name, plus what `aws-config` leaves to each SDK: `AWS_CA_BUNDLE` and the
//! proxy variables (read by reqwest). Native only: in a browser there is no environment or file
//! system.

mod ca_bundle_setting;
mod http_client;
mod sdk_credentials;

pub use sdk_credentials::SdkCredentialsProvider;

use crate::client::ConfigBuilder;
use crate::retry::RetryMode;
use crate::runtime::TransportSettings;
use aws_config::BehaviorVersion;
use aws_types::region::Region;
use aws_types::sdk_config::SdkConfig;
use aws_types::service_config::ServiceConfigKey;
use http_client::ReqwestHttpClient;
use std::sync::Arc;

/// The IoT service's id in the SDKs: it names `AWS_ENDPOINT_URL_IOT` and a profile's
/// `services` section key `iot`.
const SERVICE_ID: &str = "IoT";

/// Loads the shared configuration, as `aws_config::defaults(..).load()` does for an SDK client.
/// Settings given here win over the environment and the files.
#[derive(Debug, Clone, Default)]
pub struct SharedConfigLoader {
    region: Option<String>,
    profile_name: Option<String>,
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

    /// Reads the environment and the shared files and returns a builder set from them. Nothing
    /// here fails: a setting that cannot be used is reported by the call that needs it (a
    /// missing region or unusable credentials, before anything is sent).
    pub async fn load(self) -> ConfigBuilder {
        let transport = TransportSettings {
            ca_bundle: ca_bundle_setting::find(self.profile_name.as_deref()).await,
            ..TransportSettings::default()
        };
        let mut loader =
            aws_config::defaults(BehaviorVersion::latest()).http_client(ReqwestHttpClient::new(transport.clone()));
        if let Some(region) = self.region {
            loader = loader.region(Region::new(region));
        }
        if let Some(name) = self.profile_name {
            loader = loader.profile_name(name);
        }
        builder_from(&loader.load().await, transport)
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
    if let Some(timeouts) = sdk.timeout_config() {
        if let Some(connect) = timeouts.connect_timeout() {
            builder = builder.connect_timeout(connect);
        }
        if let Some(attempt) = timeouts.operation_attempt_timeout() {
            builder = builder.attempt_timeout(attempt);
        }
        if let Some(call) = timeouts.operation_timeout() {
            builder = builder.call_timeout(call);
        }
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
