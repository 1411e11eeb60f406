//! The smallest program making one TransferCertificate call with this project's core, for
//! `make bench`'s release-size comparison: `min_ours URL`.

use iot_transfer::{Client, TransferCertificateInput};
use iot_transfer_bench::{ours_config, CERTIFICATE_ID, TARGET_ACCOUNT};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let url = std::env::args().nth(1).unwrap_or_else(|| "http://127.0.0.1:1".into());
    let output = Client::new(ours_config(url))
        .transfer_certificate(TransferCertificateInput::new(CERTIFICATE_ID, TARGET_ACCOUNT))
        .await;
    println!("{}", output.is_ok());
}
