//! Which listed regions the table must keep. `aws.partition` looks a region up in every
//! partition's `regions` first, then tries the `regionRegex`es in order, then falls back to
//! `aws`. Most listed regions are found by their own partition's regex anyway (`us-east-1`,
//! `cn-north-1`, ...): only those the regexes would place elsewhere (the `*-global` names) change
//! the answer, so only they ship, which keeps the WebAssembly package small. The choice is made
//! with the library's own matcher (`src/endpoint/region_pattern.rs`, included by path), and
//! checked: every listed region must still resolve to the partition that lists it first.

use crate::region_pattern;
use std::collections::HashSet;

/// For each partition, in order, the listed regions the table must keep; `lists` and `patterns`
/// are the partitions' listed regions and one-pass patterns, the first partition being `aws`.
pub fn needed(lists: &[Vec<String>], patterns: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let by_regex = |region: &str| patterns.iter().position(|p| region_pattern::matches(p, region)).unwrap_or(0);
    // A region listed twice belongs to the first partition that lists it.
    let mut seen = HashSet::new();
    let kept: Vec<Vec<String>> = lists
        .iter()
        .enumerate()
        .map(|(index, list)| list.iter().filter(|r| seen.insert(r.as_str()) && by_regex(r) != index).cloned().collect())
        .collect();
    for list in lists {
        for region in list {
            let expected = lists.iter().position(|l| l.contains(region));
            let resolved = kept.iter().position(|l| l.contains(region)).unwrap_or_else(|| by_regex(region));
            if expected != Some(resolved) {
                return Err(format!("region {region} would resolve to partition #{resolved} without its listing"));
            }
        }
    }
    Ok(kept)
}
