//! `tests/vectors/operations.json`: a signed request and responses for every operation besides
//! `TransferCertificate` (whose own files are `signing.json` and `responses.json`). Inputs are
//! written as the AWS model names their members; `tests/botocore/test_operation_vectors.py`
//! proves every expected value with botocore's serializer, signer and parser.
//!
//! `UPDATE_VECTORS=1 cargo test -p iot-transfer --test integration operation_vectors::` rewrites each
//! `expected` from this crate's output (then run the botocore check).

use crate::support;
#[path = "support/vector_calls.rs"]
mod vector_calls;

use iot_transfer::runtime::FixedClock;
use iot_transfer::{Client, Config, Credentials};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Vectors {
    /// RFC 3339, UTC, whole seconds.
    time: String,
    region: String,
    credentials: Value,
    signing: Vec<SigningCase>,
    responses: Vec<ResponseCase>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SigningCase {
    name: String,
    operation: String,
    input: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<Value>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ResponseCase {
    name: String,
    operation: String,
    /// A valid input (model member names), so that the response is what is tested.
    input: Value,
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// `{"output": {...}}` in the model's member names (timestamps as epoch seconds), or
    /// `{"error": {"code", "kind", "message"}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<Value>,
}

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/operations.json")
}

fn updating() -> bool {
    std::env::var("UPDATE_VECTORS").is_ok_and(|v| v == "1")
}

#[tokio::test]
async fn every_operation_signs_and_parses_as_its_vectors_say() {
    let text = std::fs::read_to_string(path()).expect("operations.json");
    let mut vectors: Vectors = serde_json::from_str(&text).expect("a valid vector file");
    let time = support::time::parse_rfc3339_utc(&vectors.time).unwrap();
    let credentials = Credentials::new(
        vectors.credentials["accessKeyId"].as_str().unwrap(),
        vectors.credentials["secretAccessKey"].as_str().unwrap(),
        vectors.credentials["sessionToken"].as_str().map(str::to_owned),
        None,
    );
    let config =
        Config::builder().region(&vectors.region).credentials(credentials).clock(Arc::new(FixedClock(time))).build();
    let client = Client::new(config);
    let mut failures = Vec::new();
    let mut operations = std::collections::BTreeSet::new();
    for case in &mut vectors.signing {
        operations.insert(case.operation.clone());
        let signed =
            vector_calls::sign(&client, &case.operation, &case.input, time).await.expect("the vector's input is valid");
        let headers: Vec<(String, String)> =
            signed.headers.iter().filter(|(name, _)| name != "user-agent").cloned().collect();
        let actual = json!({ "method": signed.method, "url": signed.url, "headers": headers, "body": signed.body });
        match &case.expected {
            _ if updating() => case.expected = Some(actual),
            Some(expected) if *expected == actual => {}
            Some(expected) => failures.push(format!("{}: expected {expected}, got {actual}", case.name)),
            None => failures.push(format!("{}: no expected (run with UPDATE_VECTORS=1)", case.name)),
        }
    }
    for case in &mut vectors.responses {
        let mut headers = http::HeaderMap::new();
        for (name, value) in &case.headers {
            headers.append(http::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        let actual = match vector_calls::parse(&case.operation, case.status, &headers, case.body.as_bytes()) {
            Ok(output) => json!({ "output": output }),
            Err(error) => {
                json!({ "error": { "code": error.code(), "kind": error.kind().name(), "message": error.message() } })
            }
        };
        match &case.expected {
            _ if updating() => case.expected = Some(actual),
            Some(expected) if *expected == actual => {}
            Some(expected) => failures.push(format!("{}: expected {expected}, got {actual}", case.name)),
            None => failures.push(format!("{}: no expected (run with UPDATE_VECTORS=1)", case.name)),
        }
    }
    // Every operation but TransferCertificate, whose vectors are signing.json and responses.json.
    let mut declared: Vec<&str> =
        vector_calls::OPERATIONS.iter().copied().filter(|name| *name != "TransferCertificate").collect();
    declared.sort_unstable();
    assert_eq!(operations.iter().map(String::as_str).collect::<Vec<_>>(), declared, "an operation without vectors");
    if updating() && failures.is_empty() {
        let mut text = serde_json::to_string_pretty(&vectors).unwrap();
        text.push('\n');
        std::fs::write(path(), text).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
