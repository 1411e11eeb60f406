//! `make demo` (until the web demo lands): the client against a scripted IoT endpoint on
//! loopback, showing a transfer, a typed service error with its hint, retries, and a validation
//! error caught before sending. No AWS account needed.

#[path = "../tests/support/mod.rs"]
mod support;

use iot_transfer::{Client, Config, Credentials, RetryConfig, TransferCertificateInput};
use std::time::Duration;
use support::{Reply, Response, Server};

const INACTIVE_ID: &str = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const ACTIVE_ID: &str = "9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3c4f1e2b5d6a7c8e";

#[tokio::main]
async fn main() {
    let arn = format!("arn:aws:iot:us-east-1:111122223333:cert/{INACTIVE_ID}");
    let server = Server::start(vec![
        Reply::Respond(Response::success(&arn)),
        Reply::Respond(Response::error(
            406,
            "CertificateStateException",
            "Certificate 9f0a1b2c... is in ACTIVE state and cannot be transferred",
        )),
        Reply::Respond(Response::error(503, "ServiceUnavailableException", "Service unavailable")),
        Reply::Respond(Response::success(&arn)),
    ])
    .await;
    println!("scripted IoT endpoint listening on {}\n", server.url());

    let config = Config::builder()
        .region("us-east-1")
        .endpoint_url(server.url())
        .credentials(Credentials::new("AKIDEXAMPLE", "local-demo-secret", None, None))
        .retry(RetryConfig { initial_backoff: Duration::from_millis(200), ..RetryConfig::default() })
        .app_name("app/local-demo")
        .build();
    let client = Client::new(config);

    let calls = [
        ("transfer an INACTIVE certificate", TransferCertificateInput::new(INACTIVE_ID, "444455556666")),
        ("transfer an ACTIVE certificate", TransferCertificateInput::new(ACTIVE_ID, "444455556666")),
        (
            "transfer while the service is briefly unavailable",
            TransferCertificateInput::new(INACTIVE_ID, "444455556666"),
        ),
        ("transfer to a malformed account id", TransferCertificateInput::new(INACTIVE_ID, "4444-5555-6666")),
    ];
    for (title, input) in calls {
        println!("== {title}");
        match client.transfer_certificate(input.with_transfer_message("Welcome to your new fleet")).await {
            Ok(output) => println!(
                "   ok: {}\n   HTTP {:?}, request id {:?}, {} attempt(s), {:?} waiting between them",
                output.transferred_certificate_arn,
                output.metadata.http_status,
                output.metadata.request_id,
                output.metadata.attempts,
                output.metadata.total_retry_delay,
            ),
            Err(error) => {
                println!("   error {:?}: {}", error.kind(), error);
                println!(
                    "   attempts: {}, sent to the service: {}",
                    error.metadata().attempts,
                    error.http_status().is_some()
                );
                if let Some(hint) = error.hint() {
                    println!("   what to do: {hint}");
                }
            }
        }
        println!();
    }
    println!(
        "the endpoint received {} request(s) over {} connection(s)",
        server.requests().len(),
        server.connections()
    );
}
