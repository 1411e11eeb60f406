//! The smallest program making one TransferCertificate call with this project's core, for
//! `make bench`'s release-size comparison: `min_ours URL`.

use iot_transfer::{Client, Config, Credentials, TransferCertificateInput};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let url = std::env::args().nth(1).unwrap_or_else(|| "http://127.0.0.1:1".into());
    let config = Config::builder()
        .region("us-east-1")
        .endpoint_url(url)
        .credentials(Credentials::new("AKIDEXAMPLE", "secret", None, None))
        .build();
    let output =
        Client::new(config).transfer_certificate(TransferCertificateInput::new("a".repeat(64), "444455556666")).await;
    println!("{}", output.is_ok());
}
