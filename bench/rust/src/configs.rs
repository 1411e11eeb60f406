//! Each SDK's client configuration for the stub, written once for the measured program and the
//! minimal one: the region, the stub's URL as the endpoint, static keys.

/// This project's core, configured for the stub at `url`.
pub fn ours_config(url: String) -> iot_transfer::Config {
    iot_transfer::Config::builder()
        .region("us-east-1")
        .endpoint_url(url)
        .credentials(iot_transfer::Credentials::new("AKIDEXAMPLE", "secret", None, None))
        .build()
}

/// The official `aws-sdk-iot`, configured for the stub at `url`.
#[cfg(feature = "official")]
pub fn official_config(url: String) -> aws_sdk_iot::Config {
    use aws_sdk_iot::config::{BehaviorVersion, Credentials, Region};
    aws_sdk_iot::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new("AKIDEXAMPLE", "secret", None, None, "bench"))
        .build()
}
