//! The smallest program making one TransferCertificate call with the official `aws-sdk-iot`, for
//! `make bench`'s release-size comparison: `min_official URL`.

use aws_sdk_iot::config::{BehaviorVersion, Credentials, Region};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let url = std::env::args().nth(1).unwrap_or_else(|| "http://127.0.0.1:1".into());
    let config = aws_sdk_iot::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new("AKIDEXAMPLE", "secret", None, None, "bench"))
        .build();
    let client = aws_sdk_iot::Client::from_conf(config);
    let output =
        client.transfer_certificate().certificate_id("a".repeat(64)).target_aws_account("444455556666").send().await;
    println!("{}", output.is_ok());
}
