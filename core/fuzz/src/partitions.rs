//! The SDKs' `aws.partition` function written out independently of the core: it reads
//! `core/data/partitions.json` itself and matches each `regionRegex` with the `regex` crate, where
//! the core ships a table and a matcher translated at build time. The endpoint target and
//! `core/tests/partitions.rs` hold the core to it.

use regex::{Regex, RegexBuilder};
use serde_json::Value;
use std::sync::OnceLock;

/// A partition's outputs, as the endpoint rules read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outputs {
    /// `name`, such as `aws`.
    pub name: String,
    /// `dnsSuffix`.
    pub dns_suffix: String,
    /// `dualStackDnsSuffix`.
    pub dual_stack_dns_suffix: String,
    /// `supportsFIPS`.
    pub supports_fips: bool,
    /// `supportsDualStack`.
    pub supports_dual_stack: bool,
}

struct Entry {
    id: String,
    regions: Vec<String>,
    region_regex: Regex,
    outputs: Outputs,
}

fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let data: Value = serde_json::from_str(include_str!("../../data/partitions.json")).expect("partitions.json");
        data["partitions"].as_array().expect("a partitions array").iter().map(entry).collect()
    })
}

fn entry(partition: &Value) -> Entry {
    let outputs = &partition["outputs"];
    let text = |value: &Value| value.as_str().expect("a string").to_owned();
    // ASCII classes, as the Rust SDK's regex-lite reads them (botocore's Python regexes are
    // Unicode; the two differ only on text that is not ASCII).
    let region_regex = RegexBuilder::new(partition["regionRegex"].as_str().expect("a regionRegex"))
        .unicode(false)
        .build()
        .expect("a regionRegex the regex crate reads");
    Entry {
        id: text(&partition["id"]),
        regions: partition["regions"].as_object().expect("a regions object").keys().cloned().collect(),
        region_regex,
        outputs: Outputs {
            name: text(&outputs["name"]),
            dns_suffix: text(&outputs["dnsSuffix"]),
            dual_stack_dns_suffix: text(&outputs["dualStackDnsSuffix"]),
            supports_fips: outputs["supportsFIPS"].as_bool().expect("supportsFIPS"),
            supports_dual_stack: outputs["supportsDualStack"].as_bool().expect("supportsDualStack"),
        },
    }
}

/// The partition of `region`: the one that lists it, else the first whose `regionRegex` matches,
/// else the one whose id is `aws`.
pub fn partition_of(region: &str) -> &'static Outputs {
    let entries = entries();
    let found = entries
        .iter()
        .find(|e| e.regions.iter().any(|r| r == region))
        .or_else(|| entries.iter().find(|e| e.region_regex.is_match(region)))
        .or_else(|| entries.iter().find(|e| e.id == "aws"))
        .expect("an aws partition");
    &found.outputs
}
