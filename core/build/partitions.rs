//! Reads the SDKs' `partitions.json`, checks that it says only what the crate's resolver can
//! follow, and writes it as a Rust table of `Partition` values (`src/endpoint/partition.rs`).

use crate::{explicit_regions, pattern, region_regex};
use serde_json::{Map, Value};
use std::fmt::Write;

/// One partition as the crate's table holds it.
struct PartitionEntry {
    name: String,
    dns_suffix: String,
    dual_stack_dns_suffix: String,
    supports_fips: bool,
    supports_dual_stack: bool,
    implicit_global_region: String,
    regions: Vec<String>,
    region_regex: String,
    /// The regex as the library's one-pass pattern (`src/endpoint/region_pattern.rs`).
    region_pattern: String,
}

/// The Rust source of the partition table for `json`, or why the data cannot be followed.
pub fn generate(json: &str) -> Result<String, String> {
    let root: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let partitions = root.get("partitions").and_then(Value::as_array).ok_or("no `partitions` array")?;
    let entries = partitions.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
    // The SDKs fall back to `aws` for a region no partition claims: smithy-rs looks it up by id,
    // botocore takes the first partition. Both agree only while `aws` comes first.
    if entries.first().map(|p| p.name.as_str()) != Some("aws") {
        return Err("the first partition must be `aws`, the fallback of aws.partition".to_owned());
    }
    let lists: Vec<Vec<String>> = entries.iter().map(|p| p.regions.clone()).collect();
    let patterns: Vec<&str> = entries.iter().map(|p| p.region_pattern.as_str()).collect();
    let kept = explicit_regions::needed(&lists, &patterns)?;
    Ok(render(&entries, &kept, root.get("version").and_then(Value::as_str).unwrap_or("?")))
}

fn entry(partition: &Value) -> Result<PartitionEntry, String> {
    let id = partition.get("id").and_then(Value::as_str).ok_or("a partition without an `id`")?;
    let context = |why: String| format!("partition {id}: {why}");
    let outputs = partition.get("outputs").and_then(Value::as_object).ok_or_else(|| context("no `outputs`".into()))?;
    let text = |key: &str| string(outputs, key).map_err(context);
    let flag =
        |key: &str| outputs.get(key).and_then(Value::as_bool).ok_or_else(|| context(format!("no boolean `{key}`")));
    let name = text("name")?;
    if name != id {
        return Err(context(format!("its outputs name it {name:?}: the rules and ARNs would disagree")));
    }
    let region_regex =
        partition.get("regionRegex").and_then(Value::as_str).ok_or_else(|| context("no `regionRegex`".into()))?;
    let entry = PartitionEntry {
        name,
        dns_suffix: host_name(text("dnsSuffix")?).map_err(context)?,
        dual_stack_dns_suffix: host_name(text("dualStackDnsSuffix")?).map_err(context)?,
        supports_fips: flag("supportsFIPS")?,
        supports_dual_stack: flag("supportsDualStack")?,
        implicit_global_region: region_name(text("implicitGlobalRegion")?).map_err(context)?,
        regions: regions(partition).map_err(context)?,
        region_regex: region_regex.to_owned(),
        region_pattern: region_regex::translate(region_regex)
            .and_then(|pieces| pattern::encode(region_regex, &pieces))
            .map_err(context)?,
    };
    Ok(entry)
}

/// The explicit regions, checked to carry no outputs of their own: smithy-rs would merge such
/// region-specific outputs into the partition's and botocore would ignore them, so the crate
/// cannot follow both; a change that adds one needs a decision, not a silent choice.
fn regions(partition: &Value) -> Result<Vec<String>, String> {
    let regions = partition.get("regions").and_then(Value::as_object).ok_or("no `regions` object")?;
    let mut names = Vec::new();
    for (region, details) in regions {
        let details = details.as_object().ok_or_else(|| format!("region {region} is not an object"))?;
        if let Some(key) = details.keys().find(|key| *key != "description") {
            return Err(format!(
                "region {region} overrides `{key}`: region-specific outputs are not supported \
                 (core/build/partitions.rs says why)"
            ));
        }
        names.push(region_name(region.clone())?);
    }
    Ok(names)
}

fn string(object: &Map<String, Value>, key: &str) -> Result<String, String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned).ok_or_else(|| format!("no string `{key}`"))
}

/// A region name the resolver can look up: regions are checked to be lower-case host labels
/// before they are resolved, so a listed region that is not one could never be found.
fn region_name(region: String) -> Result<String, String> {
    let label = |l: &str| {
        (1..=63).contains(&l.len())
            && !l.starts_with('-')
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if label(&region) {
        Ok(region)
    } else {
        Err(format!("region {region:?} is not a lower-case host label"))
    }
}

/// A DNS suffix that can end a host name as it is sent and signed: lower-case labels.
fn host_name(suffix: String) -> Result<String, String> {
    if suffix.split('.').all(|label| region_name(label.to_owned()).is_ok()) {
        Ok(suffix)
    } else {
        Err(format!("DNS suffix {suffix:?} is not a lower-case host name"))
    }
}

fn render(entries: &[PartitionEntry], kept: &[Vec<String>], version: &str) -> String {
    let mut out = format!(
        "// Generated by core/build/partitions.rs from core/data/partitions.json (version {version}).\n\
         // Do not edit: run scripts/build/refresh-partitions.sh to refresh the data.\n\n\
         /// Every partition, in the order of the SDKs' partitions.json; the first is `aws`.\n\
         pub(super) static PARTITIONS: [Partition; {}] = [\n",
        entries.len()
    );
    for (p, kept) in entries.iter().zip(kept) {
        let regions: Vec<String> = kept.iter().map(|r| format!("{r:?}")).collect();
        let _ = write!(
            out,
            "    // regionRegex {regex:?}\n    // {listed} regions listed, {needed} kept: the regexes find the others \
             (core/build/explicit_regions.rs)\n    Partition {{\n        name: {name:?},\n        \
             dns_suffix: {dns:?},\n        dual_stack_dns_suffix: {dual:?},\n        \
             supports_fips: {fips},\n        supports_dual_stack: {dual_stack},\n        \
             implicit_global_region: {global:?},\n        explicit_regions: &[{regions}],\n        \
             region_pattern: {pattern:?},\n    }},\n",
            regex = p.region_regex,
            listed = p.regions.len(),
            needed = kept.len(),
            name = p.name,
            dns = p.dns_suffix,
            dual = p.dual_stack_dns_suffix,
            fips = p.supports_fips,
            dual_stack = p.supports_dual_stack,
            global = p.implicit_global_region,
            regions = regions.join(", "),
            pattern = p.region_pattern,
        );
    }
    out.push_str("];\n");
    out
}
