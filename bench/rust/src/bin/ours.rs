//! This project's core (`iot-transfer`) in `make bench`: `ours MODE URL WARMUP CALLS`.

use iot_transfer::{Client, TransferCertificateInput};
use iot_transfer_bench::{ours_config, run, CERTIFICATE_ID, TARGET_ACCOUNT};
use std::sync::Arc;

fn main() {
    run("iot-transfer (Rust)", |url| async move {
        let client = Arc::new(Client::new(ours_config(url)));
        move || {
            let client = client.clone();
            async move {
                let input = TransferCertificateInput::new(CERTIFICATE_ID, TARGET_ACCOUNT);
                client.transfer_certificate(input).await.expect("the stub answers 200");
            }
        }
    });
}
