//! `tests/vectors/operations.json`: a signed request and responses for every operation besides
//! `TransferCertificate` (whose own files are `signing.json` and `responses.json`). Inputs are
//! written as the AWS model names their members; `tests/botocore/test_operation_vectors.py`
//! proves every expected value with botocore's serializer, signer and parser.
//!
//! `UPDATE_VECTORS=1 cargo test -p iot-transfer --test operation_vectors` rewrites each
//! `expected` from this crate's output (then run the botocore check).

mod support;

use iot_transfer::runtime::FixedClock;
use iot_transfer::{
    AcceptCertificateTransferInput, CancelCertificateTransferInput, CertificateStatus, Client, Config, Credentials,
    DescribeCertificateInput, DetachPolicyInput, ListAttachedPoliciesInput, ListCertificatesInput,
    ListOutgoingCertificatesInput, OperationInput, RejectCertificateTransferInput, SignedRequest,
    UpdateCertificateInput,
};
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

fn text(input: &Value, member: &str) -> String {
    input[member].as_str().unwrap_or_default().to_owned()
}

fn optional_text(input: &Value, member: &str) -> Option<String> {
    input[member].as_str().map(str::to_owned)
}

fn page_size(input: &Value) -> Option<i32> {
    input["pageSize"].as_i64().map(|n| n as i32)
}

async fn sign(client: &Client, operation: &str, input: &Value, time: std::time::SystemTime) -> SignedRequest {
    async fn at<I: OperationInput>(client: &Client, input: I, time: std::time::SystemTime) -> SignedRequest {
        client.sign_operation_at(input, time).await.expect("the vector's input is valid")
    }
    match operation {
        "AcceptCertificateTransfer" => {
            let input = AcceptCertificateTransferInput {
                certificate_id: text(input, "certificateId"),
                set_as_active: input["setAsActive"].as_bool(),
            };
            at(client, input, time).await
        }
        "RejectCertificateTransfer" => {
            let input = RejectCertificateTransferInput {
                certificate_id: text(input, "certificateId"),
                reject_reason: optional_text(input, "rejectReason"),
            };
            at(client, input, time).await
        }
        "CancelCertificateTransfer" => {
            at(client, CancelCertificateTransferInput::new(text(input, "certificateId")), time).await
        }
        "DescribeCertificate" => at(client, DescribeCertificateInput::new(text(input, "certificateId")), time).await,
        "UpdateCertificate" => {
            let status = match input["newStatus"].as_str() {
                Some("ACTIVE") => CertificateStatus::Active,
                Some("INACTIVE") => CertificateStatus::Inactive,
                Some("REVOKED") => CertificateStatus::Revoked,
                other => panic!("a signing vector's newStatus must be settable, not {other:?}"),
            };
            at(client, UpdateCertificateInput::new(text(input, "certificateId"), status), time).await
        }
        "ListCertificates" => {
            let input = ListCertificatesInput {
                page_size: page_size(input),
                marker: optional_text(input, "marker"),
                ascending_order: input["ascendingOrder"].as_bool(),
            };
            at(client, input, time).await
        }
        "ListOutgoingCertificates" => {
            let input = ListOutgoingCertificatesInput {
                page_size: page_size(input),
                marker: optional_text(input, "marker"),
                ascending_order: input["ascendingOrder"].as_bool(),
            };
            at(client, input, time).await
        }
        "ListAttachedPolicies" => {
            let input = ListAttachedPoliciesInput {
                target: text(input, "target"),
                recursive: input["recursive"].as_bool(),
                marker: optional_text(input, "marker"),
                page_size: page_size(input),
            };
            at(client, input, time).await
        }
        "DetachPolicy" => {
            at(client, DetachPolicyInput::new(text(input, "policyName"), text(input, "target")), time).await
        }
        other => panic!("no operation {other}"),
    }
}

fn epoch(time: &Option<std::time::SystemTime>) -> Value {
    match time {
        Some(time) => json!(time.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs_f64()),
        None => Value::Null,
    }
}

/// The output in the model's member names, absent members left out.
fn parse(operation: &str, status: u16, headers: &http::HeaderMap, body: &[u8]) -> Result<Value, iot_transfer::Error> {
    let strip = |value: Value| match value {
        Value::Object(map) => Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect()),
        other => other,
    };
    Ok(match operation {
        "AcceptCertificateTransfer" => {
            AcceptCertificateTransferInput::parse_response(status, headers, body).map(|()| json!({}))?
        }
        "RejectCertificateTransfer" => {
            RejectCertificateTransferInput::parse_response(status, headers, body).map(|()| json!({}))?
        }
        "CancelCertificateTransfer" => {
            CancelCertificateTransferInput::parse_response(status, headers, body).map(|()| json!({}))?
        }
        "UpdateCertificate" => UpdateCertificateInput::parse_response(status, headers, body).map(|()| json!({}))?,
        "DetachPolicy" => DetachPolicyInput::parse_response(status, headers, body).map(|()| json!({}))?,
        "ListCertificates" => {
            let page = ListCertificatesInput::parse_response(status, headers, body)?;
            let output = ListCertificatesInput::output(page, Default::default());
            let certificates: Vec<Value> = output
                .certificates
                .iter()
                .map(|c| {
                    strip(json!({
                        "certificateArn": c.certificate_arn, "certificateId": c.certificate_id,
                        "status": c.status.as_ref().map(|s| s.as_str()), "certificateMode": c.certificate_mode,
                        "creationDate": epoch(&c.creation_date),
                    }))
                })
                .collect();
            strip(json!({ "certificates": certificates, "nextMarker": output.next_marker }))
        }
        "ListAttachedPolicies" => {
            let page = ListAttachedPoliciesInput::parse_response(status, headers, body)?;
            let output = ListAttachedPoliciesInput::output(page, Default::default());
            let policies: Vec<Value> = output
                .policies
                .iter()
                .map(|p| strip(json!({ "policyName": p.policy_name, "policyArn": p.policy_arn })))
                .collect();
            strip(json!({ "policies": policies, "nextMarker": output.next_marker }))
        }
        other => panic!("no response parser for {other} in this file"),
    })
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
        let signed = sign(&client, &case.operation, &case.input, time).await;
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
        let actual = match parse(&case.operation, case.status, &headers, case.body.as_bytes()) {
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
    let expected_operations = [
        "AcceptCertificateTransfer",
        "CancelCertificateTransfer",
        "DescribeCertificate",
        "DetachPolicy",
        "ListAttachedPolicies",
        "ListCertificates",
        "ListOutgoingCertificates",
        "RejectCertificateTransfer",
        "UpdateCertificate",
    ];
    assert_eq!(operations.iter().map(String::as_str).collect::<Vec<_>>(), expected_operations);
    if updating() && failures.is_empty() {
        let mut text = serde_json::to_string_pretty(&vectors).unwrap();
        text.push('\n');
        std::fs::write(path(), text).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
