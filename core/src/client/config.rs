//! Client configuration: a plain record with defaults, built with [`ConfigBuilder`].

use crate::credentials::{Credentials, ProvideCredentials};
use crate::endpoint::EndpointConfig;
use crate::retry::RetryConfig;
use crate::runtime::{self, Clock, HttpTransport, Sleep};
use std::sync::Arc;
use std::time::Duration;

/// How long the client waits; `None` means no limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeoutConfig {
    /// Establishing a connection (native only; `fetch` has no such setting). Default 3.1 s.
    pub connect: Duration,
    /// One attempt, from sending to the last byte of the response. Default none.
    pub attempt: Option<Duration>,
    /// The whole call, retries and backoff included. Default none.
    pub call: Option<Duration>,
    /// One refresh of the credentials provider. Default 5 s (smithy-rs's load timeout).
    pub credentials: Duration,
}

impl Default for TimeoutConfig {
    fn default() -> Self {
        Self {
            connect: Duration::from_millis(3100),
            attempt: None,
            call: None,
            credentials: crate::credentials::DEFAULT_LOAD_TIMEOUT,
        }
    }
}

/// Everything a [`Client`](crate::Client) needs: where the service is, how to authenticate,
/// and how to retry and time out.
#[derive(Clone)]
pub struct Config {
    pub(crate) endpoint: EndpointConfig,
    pub(crate) retry: RetryConfig,
    pub(crate) timeouts: TimeoutConfig,
    pub(crate) credentials: Option<Arc<dyn ProvideCredentials>>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) sleep: Arc<dyn Sleep>,
    pub(crate) transport: Option<Arc<dyn HttpTransport>>,
    pub(crate) app_name: Option<String>,
    /// A PEM file of certificate authorities that replace the platform's (native only).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) ca_bundle: Option<std::path::PathBuf>,
}

/// The runtime traits carry no `Debug` bound (it would keep formatting code in the wasm
/// package), so the pluggable parts print as whether they are set.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("endpoint", &self.endpoint)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .field("credentials", &self.credentials.as_ref().map(|_| "<provider>"))
            .field("transport", &self.transport.as_ref().map_or("<default>", |_| "<custom>"))
            .field("app_name", &self.app_name)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// A builder with every default.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Everything the official SDKs read from the process environment and the shared AWS files,
    /// through `aws-config`: the region (`AWS_REGION`, the profile, IMDS), the default credential
    /// chain (environment, profiles with `source_profile`/`role_arn`, `credential_process` and
    /// SSO, web identity, the ECS container endpoint, IMDSv2), `AWS_ENDPOINT_URL_IOT`/
    /// `AWS_ENDPOINT_URL` and the profile's `endpoint_url`, FIPS and dual-stack, `max_attempts`
    /// and `retry_mode`, `AWS_SDK_UA_APP_ID` and `AWS_CA_BUNDLE`/`ca_bundle`. A retry setting
    /// that cannot be used is a `Configuration` error. Adjust with the builder's methods;
    /// [`SharedConfigLoader`](crate::shared_config::SharedConfigLoader) picks the region,
    /// profile or CA bundle before loading. Without the cargo feature `shared-config` (the
    /// mobile library) only `environment.rs`'s variables are read, and no credentials there is a
    /// `Configuration` error naming the feature.
    #[cfg(not(target_arch = "wasm32"))]
    pub async fn load_from_env() -> Result<ConfigBuilder, crate::Error> {
        crate::shared_config::SharedConfigLoader::default().load().await
    }

    /// The endpoint settings.
    pub fn endpoint(&self) -> &EndpointConfig {
        &self.endpoint
    }

    /// The retry settings.
    pub fn retry(&self) -> &RetryConfig {
        &self.retry
    }

    /// The timeout settings.
    pub fn timeouts(&self) -> &TimeoutConfig {
        &self.timeouts
    }

    /// What is appended to the user agent, if anything.
    pub fn app_name(&self) -> Option<&str> {
        self.app_name.as_deref()
    }

    /// A builder holding this configuration, to change some of it.
    pub fn into_builder(self) -> ConfigBuilder {
        ConfigBuilder { config: self }
    }
}

/// Builds a [`Config`]; every setting has a default except the region and the credentials.
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    config: Config,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            config: Config {
                endpoint: EndpointConfig::default(),
                retry: RetryConfig::default(),
                timeouts: TimeoutConfig::default(),
                credentials: None,
                clock: runtime::default_clock(),
                sleep: runtime::default_sleep(),
                transport: None,
                app_name: None,
                #[cfg(not(target_arch = "wasm32"))]
                ca_bundle: None,
            },
        }
    }
}

impl ConfigBuilder {
    /// The AWS region, such as `us-east-1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.endpoint.region = Some(region.into());
        self
    }

    /// A custom endpoint URL (`https://...`, or `http://` on loopback).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.config.endpoint.endpoint_url = Some(url.into());
        self
    }

    /// Use the FIPS endpoint.
    pub fn use_fips(mut self, on: bool) -> Self {
        self.config.endpoint.use_fips = on;
        self
    }

    /// Use the dual-stack endpoint.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.config.endpoint.use_dual_stack = on;
        self
    }

    /// Static credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.config.credentials = Some(Arc::new(credentials));
        self
    }

    /// A credentials provider; the client caches what it returns until shortly before expiry.
    pub fn credentials_provider(mut self, provider: Arc<dyn ProvideCredentials>) -> Self {
        self.config.credentials = Some(provider);
        self
    }

    /// All retry settings at once.
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.config.retry = retry;
        self
    }

    /// Attempts per call, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.config.retry.max_attempts = attempts.max(1);
        self
    }

    /// Standard or adaptive retries.
    pub fn retry_mode(mut self, mode: crate::retry::RetryMode) -> Self {
        self.config.retry.mode = mode;
        self
    }

    /// The backoff base; throttling errors back off from a larger one (see
    /// [`RetryConfig::initial_backoff`]).
    pub fn initial_backoff(mut self, base: Duration) -> Self {
        self.config.retry.initial_backoff = base;
        self
    }

    /// Whether retries draw on the client's retry quota.
    pub fn use_retry_quota(mut self, on: bool) -> Self {
        self.config.retry.use_retry_quota = on;
        self
    }

    /// All timeouts at once.
    pub fn timeouts(mut self, timeouts: TimeoutConfig) -> Self {
        self.config.timeouts = timeouts;
        self
    }

    /// The connect timeout.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.config.timeouts.connect = timeout;
        self
    }

    /// The per-attempt timeout.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.config.timeouts.attempt = Some(timeout);
        self
    }

    /// The whole-call timeout.
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.config.timeouts.call = Some(timeout);
        self
    }

    /// The limit on one refresh of the credentials provider.
    pub fn credentials_load_timeout(mut self, timeout: Duration) -> Self {
        self.config.timeouts.credentials = timeout;
        self
    }

    /// The clock used for signing and credential expiry.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.config.clock = clock;
        self
    }

    /// The sleep used for backoff and timeouts.
    pub fn sleep(mut self, sleep: Arc<dyn Sleep>) -> Self {
        self.config.sleep = sleep;
        self
    }

    /// Trust only the certificate authorities in this PEM file (as `AWS_CA_BUNDLE` does): for a
    /// TLS-inspecting proxy or a private endpoint. Natively, with the built-in transport.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn ca_bundle(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.config.ca_bundle = Some(path.into());
        self
    }

    /// A custom HTTP transport instead of the built-in reqwest one.
    pub fn transport(mut self, transport: Arc<dyn HttpTransport>) -> Self {
        self.config.transport = Some(transport);
        self
    }

    /// Appended to the user agent, such as `lang/python#3.12` or `app/my-console`; characters
    /// that are not visible ASCII become `_`.
    pub fn app_name(mut self, name: impl Into<String>) -> Self {
        let name: String =
            name.into().chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
        self.config.app_name = Some(name);
        self
    }

    /// The finished configuration.
    pub fn build(self) -> Config {
        self.config
    }
}
