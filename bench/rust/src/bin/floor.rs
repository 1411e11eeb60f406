//! The Rust floor of `make bench`: a plain reqwest client sending the same PATCH, unsigned, on
//! kept-alive connections: `floor MODE URL WARMUP CALLS`.

use iot_transfer_bench::{run, CERTIFICATE_ID, TARGET_ACCOUNT};

fn main() {
    run("reqwest, no SDK (Rust)", |url| async move {
        // reqwest's TLS setup wants a crypto provider even for plain HTTP; an error here only
        // means one is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::new();
        let url = format!("{url}/transfer-certificate/{CERTIFICATE_ID}?targetAwsAccount={TARGET_ACCOUNT}");
        move || {
            let request = client.patch(&url).header("content-type", "application/json").body("{}");
            async move {
                let response = request.send().await.expect("the stub answers");
                assert!(response.status().is_success(), "the stub answers 200");
                response.bytes().await.expect("the stub sends a body");
            }
        }
    });
}
