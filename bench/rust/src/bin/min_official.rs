//! The smallest program making one TransferCertificate call with the official `aws-sdk-iot`, for
//! `make bench`'s release-size comparison: `min_official URL`.

use iot_transfer_bench::{official_config, CERTIFICATE_ID, TARGET_ACCOUNT};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let url = std::env::args().nth(1).unwrap_or_else(|| "http://127.0.0.1:1".into());
    let client = aws_sdk_iot::Client::from_conf(official_config(url));
    let output =
        client.transfer_certificate().certificate_id(CERTIFICATE_ID).target_aws_account(TARGET_ACCOUNT).send().await;
    println!("{}", output.is_ok());
}
