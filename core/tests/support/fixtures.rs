//! Inputs, credentials and client configurations shared by the integration tests.

use iot_transfer::runtime::FixedClock;
use iot_transfer::{Config, ConfigBuilder, Credentials, RetryConfig, TransferCertificateInput};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const CERTIFICATE_ID: &str = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
pub const TARGET_ACCOUNT: &str = "444455556666";
pub const ARN: &str =
    "arn:aws:iot:us-east-1:111122223333:cert/3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
pub const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
pub const TOKEN: &str = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

/// 2026-11-25T12:00:00Z.
pub fn fixed_time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_608_000)
}

pub fn input() -> TransferCertificateInput {
    TransferCertificateInput::new(CERTIFICATE_ID, TARGET_ACCOUNT)
}

pub fn credentials() -> Credentials {
    Credentials::new("AKIDEXAMPLE", SECRET, Some(TOKEN.to_owned()), None)
}

/// A client configuration for `url` with fast retries (1 ms backoff base).
pub fn config(url: &str) -> ConfigBuilder {
    Config::builder()
        .region("us-east-1")
        .endpoint_url(url)
        .credentials(credentials())
        .retry(RetryConfig { initial_backoff: Duration::from_millis(1), ..RetryConfig::default() })
}

/// Like [`config`], signing at [`fixed_time`].
pub fn fixed_clock_config(url: &str) -> ConfigBuilder {
    config(url).clock(Arc::new(FixedClock(fixed_time())))
}
