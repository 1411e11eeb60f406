//! The shared bad-input table (`tests/vectors/bad-input.json`) in Rust: every row that a Rust
//! caller can write is a validation error naming the member and its rule, and nothing is sent.

use crate::support;

use iot_transfer::{Client, ErrorKind, TransferCertificateInput};
use serde_json::Value;
use support::fixtures::*;
use support::Server;

/// A table string: itself, or `{"repeat": S, "times": N}`.
fn text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Object(spec) => spec["repeat"].as_str().unwrap().repeat(spec["times"].as_u64().unwrap() as usize),
        other => panic!("not a string row: {other}"),
    }
}

#[tokio::test]
async fn every_row_is_a_validation_error_naming_the_member_and_nothing_is_sent() {
    let table: Value = serde_json::from_str(include_str!("../../tests/vectors/bad-input.json")).unwrap();
    let rows: Vec<&Value> =
        table["inputs"].as_array().unwrap().iter().filter(|row| row.get("only").is_none()).collect();
    assert!(rows.len() >= 7, "the table's rows for every language");
    let server = Server::start(vec![]).await;
    let client = Client::new(config(&server.url()).build());
    for row in rows {
        let mut input = TransferCertificateInput::new(CERTIFICATE_ID, TARGET_ACCOUNT);
        for (member, value) in row["input"].as_object().unwrap() {
            match member.as_str() {
                "certificateId" => input.certificate_id = text(value),
                "targetAwsAccount" => input.target_aws_account = text(value),
                "transferMessage" => input.transfer_message = Some(text(value)),
                other => panic!("unknown member {other}"),
            }
        }
        let name = row["name"].as_str().unwrap();
        let error = client.transfer_certificate(input).await.unwrap_err();
        let ErrorKind::Validation(validation) = error.kind() else { panic!("{name}: {error}") };
        assert_eq!(validation.field().model_name(), row["field"].as_str().unwrap(), "{name}");
        let rule = validation.rule().to_string();
        assert!(rule.starts_with(row["rule"].as_str().unwrap()), "{name}: {rule}");
        assert!(error.message().len() < 300, "{name}: the message does not repeat the value");
    }
    assert!(server.requests().is_empty());
}
