//! The shared configuration loaded by `aws-config`, as `aws_config::defaults(..).load()` loads it
//! for an SDK client (the cargo feature `shared-config`).

use super::http_client::ReqwestHttpClient;
use super::sdk_credentials::SdkCredentialsProvider;
use super::settings::{self, Settings};
use super::SharedConfigLoader;
use crate::client::ConfigBuilder;
use crate::error::Error;
use crate::retry::RetryMode;
use crate::runtime::TransportSettings;
use aws_config::BehaviorVersion;
use aws_types::region::Region;
use aws_types::sdk_config::SdkConfig;
use aws_types::service_config::ServiceConfigKey;
use std::sync::Arc;

/// The IoT service's id in the SDKs: it names `AWS_ENDPOINT_URL_IOT` and a profile's
/// `services` section key `iot`.
const SERVICE_ID: &str = "IoT";

/// Reads the environment and the shared files (see [`SharedConfigLoader::load`]).
pub(super) async fn load(loader: SharedConfigLoader) -> Result<ConfigBuilder, Error> {
    let SharedConfigLoader { region, profile_name, ca_bundle, max_attempts, retry_mode, credentials } = loader;
    let found = settings::read(profile_name.as_deref(), Settings { ca_bundle, max_attempts, retry_mode }).await?;
    let transport = TransportSettings { ca_bundle: found.ca_bundle, ..TransportSettings::default() };
    // The retry settings read here (and checked) are the ones aws-config's own clients use.
    let mut retry = aws_smithy_types::retry::RetryConfig::standard();
    if let Some(attempts) = found.max_attempts {
        retry = retry.with_max_attempts(attempts);
    }
    if found.retry_mode == Some(RetryMode::Adaptive) {
        retry = retry.with_retry_mode(aws_smithy_types::retry::RetryMode::Adaptive);
    }
    let mut sdk = aws_config::defaults(BehaviorVersion::latest())
        .http_client(ReqwestHttpClient::new(transport.clone()))
        .retry_config(retry);
    if let Some(region) = region {
        sdk = sdk.region(Region::new(region));
    }
    if let Some(name) = profile_name {
        sdk = sdk.profile_name(name);
    }
    let builder = builder_from(&sdk.load().await, transport);
    // The default chain is lazy: with a provider given, it is never asked.
    Ok(match credentials {
        Some(provider) => builder.credentials_provider(provider),
        None => builder,
    })
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
