//! The shared cross-language vectors in `tests/vectors/` (see its README): every binding runs
//! them, and `tests/botocore/test_vectors.py` proves their expected values with botocore.
//!
//! Normally each case's output is compared with its `expected`, string for string; any
//! difference fails, naming the case. `UPDATE_VECTORS=1 cargo test -p iot-transfer --test integration shared_vectors::`
//! instead rewrites every `expected` from this crate's output (then run the botocore check).

use crate::support;

use iot_transfer::operation::transfer_certificate::parse_response;
use iot_transfer::retry::{retry_after, retry_delay, RetryClass, RetryConfig, RetryQuota};
use iot_transfer::runtime::FixedClock;
use iot_transfer::{Client, Config, Credentials, TransferCertificateInput};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

/// Headers that vary by binding and are not signed: never in `expected`, skipped when comparing.
const UNCOMPARED_HEADERS: &[&str] = &["user-agent"];

// ---------------------------------------------------------------------------------------------
// signing.json

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SigningCase {
    name: String,
    input: SigningInput,
    config: SigningConfig,
    credentials: SigningCredentials,
    /// RFC 3339, UTC, whole seconds: `2026-11-25T12:34:56Z`.
    time: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<ExpectedRequest>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SigningInput {
    certificate_id: String,
    target_aws_account: String,
    /// `null` (or absent) for no message.
    #[serde(default)]
    transfer_message: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SigningConfig {
    region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    endpoint_url: Option<String>,
    use_fips: bool,
    use_dual_stack: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SigningCredentials {
    access_key_id: String,
    secret_access_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExpectedRequest {
    method: String,
    url: String,
    /// `[name, value]` pairs in the order the signed request gives them, `user-agent` left out.
    headers: Vec<(String, String)>,
    body: String,
}

async fn sign(case: &SigningCase) -> Result<ExpectedRequest, String> {
    let time = support::time::parse_rfc3339_utc(&case.time)?;
    let credentials = Credentials::new(
        &case.credentials.access_key_id,
        &case.credentials.secret_access_key,
        case.credentials.session_token.clone(),
        None,
    );
    let mut builder = Config::builder()
        .region(&case.config.region)
        .use_fips(case.config.use_fips)
        .use_dual_stack(case.config.use_dual_stack)
        .credentials(credentials)
        .clock(Arc::new(FixedClock(time)));
    if let Some(url) = &case.config.endpoint_url {
        builder = builder.endpoint_url(url);
    }
    let client = Client::new(builder.build());
    let input = TransferCertificateInput {
        certificate_id: case.input.certificate_id.clone(),
        target_aws_account: case.input.target_aws_account.clone(),
        transfer_message: case.input.transfer_message.clone(),
    };
    let signed = client.sign_transfer_certificate(input).await.map_err(|e| format!("signing failed: {e}"))?;
    Ok(ExpectedRequest {
        method: signed.method,
        url: signed.url,
        headers: signed.headers.into_iter().filter(|(name, _)| !UNCOMPARED_HEADERS.contains(&name.as_str())).collect(),
        body: signed.body,
    })
}

fn compare_request(expected: &ExpectedRequest, actual: &ExpectedRequest) -> Vec<String> {
    let mut differences = Vec::new();
    for (field, want, got) in [
        ("method", &expected.method, &actual.method),
        ("url", &expected.url, &actual.url),
        ("body", &expected.body, &actual.body),
    ] {
        if want != got {
            differences.push(format!("{field}: expected {want:?}, got {got:?}"));
        }
    }
    if let Some((name, _)) = expected.headers.iter().find(|(name, _)| UNCOMPARED_HEADERS.contains(&name.as_str())) {
        differences.push(format!("headers: expected must not list {name:?}"));
    }
    if expected.headers != actual.headers {
        differences.push(format!("headers: expected {:?}, got {:?}", expected.headers, actual.headers));
    }
    differences
}

#[tokio::test]
async fn signing_vectors() {
    let path = vectors_dir().join("signing.json");
    let mut cases: Vec<SigningCase> = read_json(&path);
    assert!(!cases.is_empty(), "{} has no cases", path.display());
    check_unique_names(cases.iter().map(|c| c.name.as_str()));

    let mut failures = Vec::new();
    for case in &mut cases {
        let actual = match sign(case).await {
            Ok(actual) => actual,
            Err(error) => {
                failures.push(format!("case {:?}: {error}", case.name));
                continue;
            }
        };
        if updating() {
            case.expected = Some(actual);
            continue;
        }
        match &case.expected {
            None => failures.push(format!("case {:?}: no `expected` (run with UPDATE_VECTORS=1)", case.name)),
            Some(expected) => failures
                .extend(compare_request(expected, &actual).into_iter().map(|d| format!("case {:?}: {d}", case.name))),
        }
    }
    finish(&path, &cases, cases.len(), failures);
}

// ---------------------------------------------------------------------------------------------
// responses.json

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ResponseCase {
    name: String,
    status: u16,
    /// `[name, value]` pairs; names in any case.
    headers: Vec<(String, String)>,
    body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<ExpectedResponse>,
}

/// `{"arn": ...}` for a success, else the error's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum ExpectedResponse {
    Success(ExpectedSuccess),
    Error(ExpectedError),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExpectedSuccess {
    arn: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExpectedError {
    /// A stable name for the kind, from [`iot_transfer::ErrorKind::name`].
    kind: String,
    code: String,
    message: String,
    http_status: Option<u16>,
    request_id: Option<String>,
    retryable: bool,
}

fn parse(case: &ResponseCase) -> Result<ExpectedResponse, String> {
    let mut headers = http::HeaderMap::new();
    for (name, value) in &case.headers {
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| format!("header name {name:?}: {e}"))?;
        let value = http::HeaderValue::from_str(value).map_err(|e| format!("header value {value:?}: {e}"))?;
        headers.append(name, value);
    }
    Ok(match parse_response(case.status, &headers, case.body.as_bytes()) {
        Ok(arn) => ExpectedResponse::Success(ExpectedSuccess { arn }),
        Err(error) => ExpectedResponse::Error(ExpectedError {
            kind: error.kind().name().to_owned(),
            code: error.code().to_owned(),
            message: error.message().to_owned(),
            http_status: error.http_status(),
            request_id: error.request_id().map(str::to_owned),
            retryable: error.is_retryable(),
        }),
    })
}

#[test]
fn response_vectors() {
    let path = vectors_dir().join("responses.json");
    let mut cases: Vec<ResponseCase> = read_json(&path);
    assert!(!cases.is_empty(), "{} has no cases", path.display());
    check_unique_names(cases.iter().map(|c| c.name.as_str()));

    let mut failures = Vec::new();
    for case in &mut cases {
        let actual = parse(case);
        check(&case.name, &mut case.expected, actual, &mut failures);
    }
    finish(&path, &cases, cases.len(), failures);
}

// ---------------------------------------------------------------------------------------------
// retries.json

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RetriesFile {
    #[serde(rename = "_comment")]
    comment: Vec<String>,
    /// RFC 3339 UTC: the time a `Retry-After` date counts from.
    now: String,
    delays: Vec<DelayCase>,
    quota: Vec<QuotaCase>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DelayCase {
    name: String,
    /// `throttling` or `transient`.
    class: String,
    /// The failed attempt the retry follows, 1 for the first.
    attempt: u32,
    random: f64,
    /// The error response's headers, `[name, value]` pairs; names in any case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    headers: Vec<(String, String)>,
    /// The configured backoff base in milliseconds; absent for the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base_delay_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<ExpectedDelay>,
}

/// Milliseconds, to the microsecond.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExpectedDelay {
    /// What the headers ask for; `null` when no header is present and valid.
    retry_after_ms: Option<f64>,
    delay_ms: f64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct QuotaCase {
    name: String,
    calls: Vec<QuotaCall>,
    /// The quota after each entry of `calls`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<Vec<QuotaState>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct QuotaCall {
    /// Each attempt's outcome: `throttling` or `transient` (a retryable failure: a retry is asked
    /// of the quota, and a refusal ends the call), then `success` or `failure` (the call ends).
    attempts: Vec<String>,
    /// How many such calls, one after another.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    repeat: u32,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct QuotaState {
    /// Tokens left.
    available: u32,
    /// Retries the quota refused during the entry.
    refused: u32,
}

fn class(name: &str) -> Result<RetryClass, String> {
    RetryClass::from_name(name).ok_or_else(|| format!("unknown class {name:?}"))
}

fn millis(duration: Duration) -> f64 {
    (duration.as_nanos() as f64 / 1_000.0).round() / 1_000.0
}

fn delay(case: &DelayCase, now: std::time::SystemTime) -> Result<ExpectedDelay, String> {
    let mut headers = http::HeaderMap::new();
    for (name, value) in &case.headers {
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| format!("header name {name:?}: {e}"))?;
        let value = http::HeaderValue::from_str(value).map_err(|e| format!("header value {value:?}: {e}"))?;
        headers.append(name, value);
    }
    let mut config = RetryConfig::default();
    if let Some(base) = case.base_delay_ms {
        config.initial_backoff = Duration::from_millis(base);
    }
    let hint = retry_after(&headers, now);
    let delay = retry_delay(&config, class(&case.class)?, case.attempt, case.random, hint);
    Ok(ExpectedDelay { retry_after_ms: hint.map(millis), delay_ms: millis(delay) })
}

fn run_quota(case: &QuotaCase) -> Result<Vec<QuotaState>, String> {
    let quota = RetryQuota::default();
    let mut states = Vec::new();
    for call in &case.calls {
        let Some((end, failures)) = call.attempts.split_last() else {
            return Err("a call with no attempts".into());
        };
        if !matches!(end.as_str(), "success" | "failure") {
            return Err(format!("a call must end with `success` or `failure`, not {end:?}"));
        }
        let mut refused = 0;
        for _ in 0..call.repeat {
            let mut last_retry_cost = None;
            let mut ended = false;
            for failure in failures {
                match quota.acquire(class(failure)?) {
                    Some(cost) => last_retry_cost = Some(cost),
                    None => {
                        refused += 1;
                        ended = true;
                        break;
                    }
                }
            }
            if !ended && end == "success" {
                quota.release(last_retry_cost);
            }
        }
        states.push(QuotaState { available: quota.available(), refused });
    }
    Ok(states)
}

#[test]
fn retry_vectors() {
    let path = vectors_dir().join("retries.json");
    let mut file: RetriesFile = read_json(&path);
    assert!(!file.delays.is_empty() && !file.quota.is_empty(), "{} has no cases", path.display());
    check_unique_names(file.delays.iter().map(|c| c.name.as_str()).chain(file.quota.iter().map(|c| c.name.as_str())));
    let now = support::time::parse_rfc3339_utc(&file.now).unwrap_or_else(|e| panic!("`now`: {e}"));

    let mut failures = Vec::new();
    for case in &mut file.delays {
        let actual = delay(case, now);
        check(&case.name, &mut case.expected, actual, &mut failures);
    }
    for case in &mut file.quota {
        let actual = run_quota(case);
        check(&case.name, &mut case.expected, actual, &mut failures);
    }
    let cases = file.delays.len() + file.quota.len();
    finish(&path, &file, cases, failures);
}

// ---------------------------------------------------------------------------------------------
// Shared plumbing

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("core is inside the workspace").join("tests/vectors")
}

fn updating() -> bool {
    std::env::var("UPDATE_VECTORS").is_ok_and(|v| v == "1")
}

fn read_json<T: DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not a valid vector file: {e}", path.display()))
}

fn check_unique_names<'a>(names: impl Iterator<Item = &'a str>) {
    let mut seen = std::collections::BTreeSet::new();
    for name in names {
        assert!(seen.insert(name), "duplicate case name {name:?}");
    }
}

/// Records `actual` as the case's `expected` in update mode; otherwise notes a missing or
/// different `expected`. A case whose run failed (`actual` an error) is noted as such.
fn check<T: PartialEq + std::fmt::Debug, E: std::fmt::Display>(
    name: &str,
    expected: &mut Option<T>,
    actual: Result<T, E>,
    failures: &mut Vec<String>,
) {
    let actual = match actual {
        Ok(actual) => actual,
        Err(error) => return failures.push(format!("case {name:?}: {error}")),
    };
    if updating() {
        *expected = Some(actual);
        return;
    }
    match expected {
        None => failures.push(format!("case {name:?}: no `expected` (run with UPDATE_VECTORS=1)")),
        Some(expected) if *expected != actual => {
            failures.push(format!("case {name:?}:\n  expected {expected:?}\n  got      {actual:?}"))
        }
        Some(_) => {}
    }
}

/// Writes the updated vectors in update mode (only when every case could be computed), then
/// fails with every difference found.
fn finish<T: Serialize + ?Sized>(path: &Path, vectors: &T, cases: usize, failures: Vec<String>) {
    if updating() && failures.is_empty() {
        let mut text = serde_json::to_string_pretty(vectors).expect("vectors serialize");
        text.push('\n');
        std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        eprintln!("updated {} ({cases} cases)", path.display());
    }
    assert!(failures.is_empty(), "{} case(s) of {} differ:\n{}", failures.len(), path.display(), failures.join("\n"));
}

#[test]
fn rfc3339_parsing() {
    let at =
        |text: &str| support::time::parse_rfc3339_utc(text).map(|t| t.duration_since(UNIX_EPOCH).unwrap().as_secs());
    assert_eq!(at("1970-01-01T00:00:00Z"), Ok(0));
    assert_eq!(at("2026-11-25T12:34:56Z"), Ok(1_795_610_096));
    assert_eq!(at("2028-02-29T08:00:00Z"), Ok(1_835_424_000));
    assert_eq!(at("2000-03-01T00:00:00Z"), Ok(951_868_800));
    for bad in ["2026-11-25T12:34:56", "2026-11-25 12:34:56Z", "2027-02-29T00:00:00Z", "2026-13-01T00:00:00Z"] {
        assert!(at(bad).is_err(), "{bad}");
    }
}
