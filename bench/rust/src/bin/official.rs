//! The official Rust SDK (`aws-sdk-iot`) in `make bench`: `official MODE URL WARMUP CALLS`, static
//! credentials and the endpoint overridden to the stub.

use iot_transfer_bench::{official_config, run, CERTIFICATE_ID, TARGET_ACCOUNT};

fn main() {
    run("aws-sdk-iot (Rust)", |url| async move {
        let client = aws_sdk_iot::Client::from_conf(official_config(url));
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
