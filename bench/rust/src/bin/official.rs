//! The official Rust SDK (`aws-sdk-iot`) in `make bench`: `official MODE URL WARMUP CALLS`, static
//! credentials and the endpoint overridden to the stub.

use aws_sdk_iot::config::{BehaviorVersion, Credentials, Region};
use iot_transfer_bench::{run, CERTIFICATE_ID, TARGET_ACCOUNT};

fn main() {
    run("aws-sdk-iot (Rust)", |url| async move {
        let config = aws_sdk_iot::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .endpoint_url(url)
            .credentials_provider(Credentials::new("AKIDEXAMPLE", "secret", None, None, "bench"))
            .build();
        let client = aws_sdk_iot::Client::from_conf(config);
        move || {
            let client = client.clone();
            async move {
                let call =
                    client.transfer_certificate().certificate_id(CERTIFICATE_ID).target_aws_account(TARGET_ACCOUNT);
                call.send().await.expect("the stub answers 200");
            }
        }
    });
}
