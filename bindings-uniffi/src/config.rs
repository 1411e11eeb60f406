//! The client configuration record, and the core configuration it gives: the shared
//! configuration the SDKs read (environment, shared files), with what the record sets on top.

use iot_transfer::shared_config::SharedConfigLoader;
use iot_transfer::{Config, ConfigBuilder};
use std::time::Duration;

/// Where the service is and how to retry and time out; durations in milliseconds. A setting left
/// unset comes from the environment and the shared AWS files, as in the AWS SDKs, else from the
/// SDKs' defaults.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ClientConfig {
    /// The AWS region, such as `eu-west-1`. Unset: `AWS_REGION`, the profile's `region`, then
    /// the EC2 instance metadata service.
    #[uniffi(default = None)]
    pub region: Option<String>,
    /// The shared-config profile to read. Unset: `AWS_PROFILE`, else `default`.
    #[uniffi(default = None)]
    pub profile: Option<String>,
    /// A custom endpoint URL (`https://...`, or `http://` on loopback). Unset:
    /// `AWS_ENDPOINT_URL_IOT`, `AWS_ENDPOINT_URL`, or the profile's `endpoint_url`.
    #[uniffi(default = None)]
    pub endpoint_url: Option<String>,
    /// Use the FIPS endpoint. Unset: `AWS_USE_FIPS_ENDPOINT` or `use_fips_endpoint`, else no.
    #[uniffi(default = None)]
    pub use_fips: Option<bool>,
    /// Use the dual-stack endpoint. Unset: `AWS_USE_DUALSTACK_ENDPOINT` or
    /// `use_dualstack_endpoint`, else no.
    #[uniffi(default = None)]
    pub use_dual_stack: Option<bool>,
    /// Attempts per call, the first included. Unset: `AWS_MAX_ATTEMPTS` or `max_attempts`, else 3.
    #[uniffi(default = None)]
    pub max_attempts: Option<u32>,
    /// Standard or adaptive retries. Unset: `AWS_RETRY_MODE` or `retry_mode`, else standard.
    #[uniffi(default = None)]
    pub retry_mode: Option<RetryMode>,
    /// The backoff base of failures other than throttling: the delay before retry i is
    /// random(0,1) * min(base * 2^(i-1), 20 s). Unset: 50, with 1 s for throttling errors, as the
    /// current SDKs (see the core's `RetryConfig::initial_backoff` for a base that is set).
    #[uniffi(default = None)]
    pub retry_base_delay_ms: Option<u64>,
    /// Whether retries draw on the client's retry quota.
    #[uniffi(default = true)]
    pub use_retry_quota: bool,
    /// Establishing a connection, for the IoT calls. Unset: 3100.
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<u64>,
    /// One attempt, from sending to the end of the response.
    #[uniffi(default = None)]
    pub attempt_timeout_ms: Option<u64>,
    /// The whole call, retries included.
    #[uniffi(default = None)]
    pub call_timeout_ms: Option<u64>,
    /// Appended to the user agent.
    #[uniffi(default = None)]
    pub app_name: Option<String>,
}

/// Everything unset, as the host languages' defaults leave it.
impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            region: None,
            profile: None,
            endpoint_url: None,
            use_fips: None,
            use_dual_stack: None,
            max_attempts: None,
            retry_mode: None,
            retry_base_delay_ms: None,
            use_retry_quota: true,
            connect_timeout_ms: None,
            attempt_timeout_ms: None,
            call_timeout_ms: None,
            app_name: None,
        }
    }
}

/// How failed attempts are retried, as the SDKs' `retry_mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RetryMode {
    /// Attempts with full-jitter backoff and a retry quota.
    Standard,
    /// The standard mode plus a client-side rate limiter once the service throttles.
    Adaptive,
}

impl From<RetryMode> for iot_transfer::RetryMode {
    fn from(mode: RetryMode) -> Self {
        match mode {
            RetryMode::Standard => iot_transfer::RetryMode::Standard,
            RetryMode::Adaptive => iot_transfer::RetryMode::Adaptive,
        }
    }
}

impl ClientConfig {
    /// The shared configuration, loaded as the SDKs load it (the region and profile set here are
    /// used while loading), with this record's settings on top.
    pub(crate) async fn load(self) -> Result<ConfigBuilder, iot_transfer::Error> {
        let mut loader = SharedConfigLoader::default();
        if let Some(region) = &self.region {
            loader = loader.region(region.clone());
        }
        if let Some(profile) = &self.profile {
            loader = loader.profile_name(profile.clone());
        }
        // A retry setting the record sets is not read from the environment or the files, so one
        // that cannot be used there does not stop the client.
        if let Some(attempts) = self.max_attempts {
            loader = loader.max_attempts(attempts);
        }
        if let Some(mode) = self.retry_mode {
            loader = loader.retry_mode(mode.into());
        }
        Ok(self.apply(loader.load().await?.build()))
    }

    /// This record's settings over `loaded`.
    fn apply(self, loaded: Config) -> ConfigBuilder {
        // The binding, the host's app name and the SDKs' `AWS_SDK_UA_APP_ID`, in that order.
        let app_name = ["binding/uniffi", self.app_name.as_deref().unwrap_or(""), loaded.app_name().unwrap_or("")]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let mut builder = loaded.into_builder();
        if let Some(url) = self.endpoint_url {
            builder = builder.endpoint_url(url);
        }
        if let Some(on) = self.use_fips {
            builder = builder.use_fips(on);
        }
        if let Some(on) = self.use_dual_stack {
            builder = builder.use_dual_stack(on);
        }
        if let Some(attempts) = self.max_attempts {
            builder = builder.max_attempts(attempts);
        }
        if let Some(mode) = self.retry_mode {
            builder = builder.retry_mode(mode.into());
        }
        if let Some(connect) = self.connect_timeout_ms {
            builder = builder.connect_timeout(Duration::from_millis(connect));
        }
        if let Some(attempt) = self.attempt_timeout_ms {
            builder = builder.attempt_timeout(Duration::from_millis(attempt));
        }
        if let Some(call) = self.call_timeout_ms {
            builder = builder.call_timeout(Duration::from_millis(call));
        }
        if let Some(base) = self.retry_base_delay_ms {
            builder = builder.initial_backoff(Duration::from_millis(base));
        }
        builder.use_retry_quota(self.use_retry_quota).app_name(app_name)
    }
}
