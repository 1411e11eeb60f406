//! The client configuration record and its conversion to the core's `Config`.

use iot_transfer::{Config, ConfigBuilder, RetryConfig, TimeoutConfig};
use std::time::Duration;

/// Where the service is and how to retry and time out; durations in milliseconds.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ClientConfig {
    /// The AWS region, such as `eu-west-1`.
    pub region: String,
    /// A custom endpoint URL (`https://...`, or `http://` on loopback).
    #[uniffi(default = None)]
    pub endpoint_url: Option<String>,
    /// Use the FIPS endpoint.
    #[uniffi(default = false)]
    pub use_fips: bool,
    /// Use the dual-stack endpoint.
    #[uniffi(default = false)]
    pub use_dual_stack: bool,
    /// Attempts per call, the first included.
    #[uniffi(default = 3)]
    pub max_attempts: u32,
    /// The backoff base: the delay before retry i is random(0,1) * min(base * 2^(i-1), 20 s).
    #[uniffi(default = 1000)]
    pub retry_base_delay_ms: u64,
    /// Whether retries draw on the client's retry quota.
    #[uniffi(default = true)]
    pub use_retry_quota: bool,
    /// Establishing a connection.
    #[uniffi(default = 3100)]
    pub connect_timeout_ms: u64,
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

impl ClientConfig {
    /// The core configuration builder for this record.
    pub(crate) fn to_builder(&self) -> ConfigBuilder {
        let retry = RetryConfig {
            max_attempts: self.max_attempts.max(1),
            initial_backoff: Duration::from_millis(self.retry_base_delay_ms),
            use_retry_quota: self.use_retry_quota,
            ..RetryConfig::default()
        };
        let timeouts = TimeoutConfig {
            connect: Duration::from_millis(self.connect_timeout_ms),
            attempt: self.attempt_timeout_ms.map(Duration::from_millis),
            call: self.call_timeout_ms.map(Duration::from_millis),
            ..TimeoutConfig::default()
        };
        let app_name = match &self.app_name {
            Some(name) => format!("binding/uniffi {name}"),
            None => "binding/uniffi".to_owned(),
        };
        let mut builder = Config::builder()
            .region(self.region.clone())
            .use_fips(self.use_fips)
            .use_dual_stack(self.use_dual_stack)
            .retry(retry)
            .timeouts(timeouts)
            .app_name(app_name);
        if let Some(url) = &self.endpoint_url {
            builder = builder.endpoint_url(url.clone());
        }
        builder
    }
}
