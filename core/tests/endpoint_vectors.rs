//! The shared endpoint vectors (`tests/vectors/endpoints.json`): for every region the SDKs'
//! partitions.json lists, and for unlisted regions each partition's `regionRegex` claims or none
//! does, the partition and the URL of each variant (standard, FIPS, dual-stack, both) or the rule
//! set's error. `tests/botocore/test_endpoints.py` proves every expected value with botocore.
//!
//! Normally each case is compared with its `expected`; `UPDATE_VECTORS=1 cargo test -p
//! iot-transfer --test integration endpoint_vectors::` instead rewrites every `expected` from this crate's
//! output (then run the botocore check and review the diff).

use iot_transfer::endpoint::{resolve_endpoint, Partition};
use iot_transfer::EndpointConfig;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::PathBuf;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Case {
    region: String,
    /// Why the region is in the table.
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected: Option<Expected>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Expected {
    partition: String,
    standard: Outcome,
    fips: Outcome,
    dual_stack: Outcome,
    fips_dual_stack: Outcome,
}

/// `{"url": ...}`, or `{"error": ...}` with the rule set's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Outcome {
    Url(String),
    Error(String),
}

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/endpoints.json")
}

fn outcome(region: &str, use_fips: bool, use_dual_stack: bool) -> Outcome {
    let config = EndpointConfig { region: Some(region.into()), use_fips, use_dual_stack, endpoint_url: None };
    match resolve_endpoint(&config) {
        Ok(endpoint) => Outcome::Url(endpoint.url()),
        Err(error) => Outcome::Error(error.to_string()),
    }
}

fn actual(region: &str) -> Expected {
    Expected {
        partition: Partition::of(region).name().to_owned(),
        standard: outcome(region, false, false),
        fips: outcome(region, true, false),
        dual_stack: outcome(region, false, true),
        fips_dual_stack: outcome(region, true, true),
    }
}

#[test]
fn every_region_resolves_as_the_vectors_say() {
    let text = std::fs::read_to_string(path()).unwrap();
    let mut cases: Vec<Case> = serde_json::from_str(&text).unwrap();
    let updating = std::env::var("UPDATE_VECTORS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for case in &mut cases {
        let actual = actual(&case.region);
        if updating {
            case.expected = Some(actual);
        } else if case.expected.as_ref() != Some(&actual) {
            failures.push(format!("{}:\n  expected {:?}\n  got      {actual:?}", case.region, case.expected));
        }
    }
    if updating {
        std::fs::write(path(), serde_json::to_string_pretty(&cases).unwrap() + "\n").unwrap();
    }
    assert!(
        failures.is_empty(),
        "{} region(s) differ (UPDATE_VECTORS=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_vectors_cover_every_partition_and_listed_region() {
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path()).unwrap()).unwrap();
    let regions: Vec<&str> = cases.iter().map(|c| c.region.as_str()).collect();
    let data: Value = serde_json::from_str(include_str!("../data/partitions.json")).unwrap();
    let listed: Vec<&str> = data["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["regions"].as_object().unwrap().keys().map(String::as_str))
        .collect();
    let missing: Vec<&&str> = listed.iter().filter(|r| !regions.contains(r)).collect();
    assert!(missing.is_empty(), "listed regions without a case in {}: {missing:?}", path().display());
    for partition in Partition::all() {
        let unlisted = regions.iter().any(|r| !listed.contains(r) && Partition::of(r) == partition);
        assert!(unlisted, "no unlisted region that {}'s regionRegex claims", partition.name());
    }
    let falls_back = regions.iter().any(|r| r.starts_with("xx-") && Partition::of(r).name() == "aws");
    assert!(falls_back, "no region that falls back to aws");
}
