//! The partition table the build script generates from `core/data/partitions.json`, held to the
//! data itself: every partition with its outputs, each listed region resolving to it, and `Partition::of` against
//! the SDKs' `aws.partition` written out with a real regex engine (`core/fuzz/src/partitions.rs`),
//! over listed regions and thousands of made-up ones. Also the build script's regex translation,
//! including the shapes it must refuse (the build then fails, saying why).

#[path = "../build/pattern.rs"]
mod pattern;
#[path = "../build/region_regex.rs"]
mod region_regex;

use crate::fuzz_checks::partitions as reference;
use iot_transfer::endpoint::Partition;
use pattern::encode;
use region_regex::{translate, Piece};
use serde_json::Value;

fn data() -> Value {
    serde_json::from_str(include_str!("../data/partitions.json")).unwrap()
}

#[test]
fn the_table_is_the_data() {
    let data = data();
    let partitions = data["partitions"].as_array().unwrap();
    assert_eq!(Partition::all().len(), partitions.len());
    for (ours, theirs) in Partition::all().iter().zip(partitions) {
        let outputs = &theirs["outputs"];
        assert_eq!(ours.name(), theirs["id"]);
        assert_eq!(ours.name(), outputs["name"]);
        assert_eq!(ours.dns_suffix(), outputs["dnsSuffix"]);
        assert_eq!(ours.dual_stack_dns_suffix(), outputs["dualStackDnsSuffix"]);
        assert_eq!(ours.supports_fips(), outputs["supportsFIPS"]);
        assert_eq!(ours.supports_dual_stack(), outputs["supportsDualStack"]);
        assert_eq!(ours.implicit_global_region(), outputs["implicitGlobalRegion"]);
        // Every listed region resolves to its partition (most are kept out of the table: their
        // partition's regex finds them; core/build/explicit_regions.rs).
        for region in theirs["regions"].as_object().unwrap().keys() {
            assert_eq!(Partition::of(region), ours, "{region}");
        }
    }
}

/// Listed regions, regions each partition's regex claims, near misses and names no partition
/// claims: every sequence of one to four words of the regions' own vocabulary joined by `-`.
fn regions() -> Vec<String> {
    let data = data();
    let listed = data["partitions"].as_array().unwrap().iter().flat_map(|p| p["regions"].as_object().unwrap().keys());
    let mut regions: Vec<String> = listed.cloned().collect();
    let words = ["us", "eu", "cn", "gov", "iso", "isob", "isoe", "isof", "eusc", "de", "east", "1", "42", "a_b", ""];
    let mut level: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    for _ in 1..4 {
        let next = level.iter().flat_map(|p| words.iter().map(move |w| format!("{p}-{w}"))).collect();
        regions.append(&mut level);
        level = next;
    }
    regions.append(&mut level);
    regions.extend(["US-EAST-1", "us-east-1 ", "us-east-1\n", "us-\u{e9}ast-1", "us-east-\u{661}"].map(String::from));
    regions
}

#[test]
fn every_region_finds_the_partition_the_sdks_find() {
    let regions = regions();
    assert!(regions.len() > 10_000, "{}", regions.len());
    let mut by_partition = std::collections::BTreeMap::new();
    for region in &regions {
        let expected = &reference::partition_of(region).name;
        assert_eq!(Partition::of(region).name(), expected, "{region:?}");
        *by_partition.entry(expected.clone()).or_insert(0) += 1;
    }
    // Each partition was reached, most of them by regions they do not list.
    assert_eq!(by_partition.len(), Partition::all().len(), "{by_partition:?}");
}

#[test]
fn the_sdks_region_regexes_translate() {
    for partition in data()["partitions"].as_array().unwrap() {
        let regex = partition["regionRegex"].as_str().unwrap();
        assert!(translate(regex).is_ok(), "{regex}");
    }
    assert_eq!(
        translate(r"^(us|eu)\-\w+\-\d+$").unwrap(),
        [
            Piece::OneOf(vec!["us".into(), "eu".into()]),
            Piece::Literal("-".into()),
            Piece::Word,
            Piece::Literal("-".into()),
            Piece::Digits
        ]
    );
    assert_eq!(
        translate(r"^eusc\-(de)\-(?:a|b)$").unwrap(),
        [
            Piece::Literal("eusc-".into()),
            Piece::OneOf(vec!["de".into()]),
            Piece::Literal("-".into()),
            Piece::OneOf(vec!["a".into(), "b".into()]),
        ]
    );
}

#[test]
fn the_sdks_regexes_are_written_as_one_pass_patterns() {
    let pattern = |regex: &str| encode(regex, &translate(regex).unwrap());
    assert_eq!(pattern(r"^(us|eu|ap)\-\w+\-\d+$").unwrap(), "(us|eu|ap)-+-#");
    assert_eq!(pattern(r"^us\-isob\-\w+\-\d+$").unwrap(), "us-isob-+-#");
    assert_eq!(pattern(r"^eusc\-(de)\-\w+\-\d+$").unwrap(), "eusc-(de)-+-#");
    for partition in data()["partitions"].as_array().unwrap() {
        let regex = partition["regionRegex"].as_str().unwrap();
        assert!(pattern(regex).is_ok(), "{regex}");
    }
}

#[test]
fn regexes_one_pass_would_misread_are_refused_with_the_reason() {
    for (regex, reason) in [
        // `(a|ab)c` matches `abc` only by trying `ab` after `a` failed.
        (r"^(a|ab)c$", "the option \"a\" is a prefix of \"ab\""),
        // `\w+\d+` matches `ab12` only if the word run gives its digits back.
        (r"^\w+\d+$", "'0' after Word could be taken by the run"),
        (r"^\w+_$", "'_' after Word could be taken by the run"),
        (r"^us\-\d+(1|x)$", "'1' after Digits could be taken by the run"),
        (r"^us\+\-\w+$", "holds one of"),
        (r"^(us|e\|u)\-\w+$", "holds one of"),
    ] {
        let error = encode(regex, &translate(regex).unwrap()).unwrap_err();
        assert!(error.contains(reason) && error.contains("one pass"), "{regex}: {error}");
    }
}

#[test]
fn other_regex_shapes_are_refused_with_the_reason() {
    for (regex, reason) in [
        (r"us\-\w+\-\d+$", "must start with ^ and end with $"),
        (r"^us\-\w+\-\d+", "must start with ^ and end with $"),
        (r"^us\-\w*\-\d+$", "only \\w+ and \\d+ may repeat"),
        (r"^us\-[a-z]+\-\d+$", "only \\w+ and \\d+ may repeat"),
        (r"^us\-\w{2}\-\d+$", "only \\w+ and \\d+ may repeat"),
        (r"^(us|e\w)\-\d+$", "is not literal text"),
        (r"^us\-[^-]\-\d+$", "is too large"),
        (r"^us\-\w+(\-\d+)?$", "only \\w+ and \\d+ may repeat"),
        (r"^us\-\w+\b$", "is not literal text, a group of literal alternatives"),
        (r"^us|eu$", "not a sequence of parts"),
        (r"^(us", "does not parse"),
    ] {
        let error = translate(regex).unwrap_err();
        assert!(error.contains(reason), "{regex}: {error}");
    }
}
