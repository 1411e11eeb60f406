//! This project's core (`iot-transfer`) in `make bench`: `ours MODE URL WARMUP CALLS`.

use iot_transfer::{Client, Config, Credentials, TransferCertificateInput};
use iot_transfer_bench::{run, CERTIFICATE_ID, TARGET_ACCOUNT};
use std::sync::Arc;

fn main() {
    run("iot-transfer (Rust)", |url| async move {
        let config = Config::builder()
            .region("us-east-1")
            .endpoint_url(url)
            .credentials(Credentials::new("AKIDEXAMPLE", "secret", None, None))
            .build();
        let client = Arc::new(Client::new(config));
        move || {
            let client = client.clone();
            async move {
                let input = TransferCertificateInput::new(CERTIFICATE_ID, TARGET_ACCOUNT);
                client.transfer_certificate(input).await.expect("the stub answers 200");
            }
        }
    });
}
