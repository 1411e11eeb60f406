//! AWS partitions (`aws`, `aws-cn`, `aws-us-gov`, the ISO partitions, `aws-eusc`) and the
//! endpoint facts the service's rules read from them, generated at build time from the SDKs'
//! `partitions.json` (`core/data/`, refreshed by `scripts/build/refresh-partitions.sh`).

use super::region_pattern;

/// A partition: a group of regions that share DNS suffixes and endpoint features.
#[derive(Debug, PartialEq, Eq)]
pub struct Partition {
    pub(super) name: &'static str,
    pub(super) dns_suffix: &'static str,
    pub(super) dual_stack_dns_suffix: &'static str,
    pub(super) supports_fips: bool,
    pub(super) supports_dual_stack: bool,
    pub(super) implicit_global_region: &'static str,
    /// The listed regions that the regexes would place in another partition (or none), such as
    /// `aws-global`; the other listed regions are found by the regexes as the SDKs find them by
    /// name (`core/build/explicit_regions.rs` chooses, and checks that every listed region still
    /// resolves to its partition).
    pub(super) explicit_regions: &'static [&'static str],
    /// The `regionRegex` as a one-pass pattern (`region_pattern.rs`).
    pub(super) region_pattern: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/partitions.rs"));

impl Partition {
    /// The partition of `region`, as the SDKs' `aws.partition` function finds it: the partition
    /// that lists the region, else the first whose `regionRegex` matches it, else `aws`.
    ///
    /// The region is taken as written; endpoint resolution first checks that it is a lower-case
    /// host label (for other text the SDKs disagree with each other: `\w` is Unicode in Python's
    /// regexes and ASCII in the Rust SDK's, which this follows).
    pub fn of(region: &str) -> &'static Partition {
        PARTITIONS
            .iter()
            .find(|p| p.explicit_regions.contains(&region))
            .or_else(|| PARTITIONS.iter().find(|p| region_pattern::matches(p.region_pattern, region)))
            .unwrap_or(&PARTITIONS[0])
    }

    /// Every partition, in the order of the SDKs' data.
    pub fn all() -> &'static [Partition] {
        &PARTITIONS
    }

    /// The partition's name, as ARNs spell it: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, ...
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The DNS suffix of its standard endpoints, such as `amazonaws.com`.
    pub fn dns_suffix(&self) -> &'static str {
        self.dns_suffix
    }

    /// The DNS suffix of its dual-stack (IPv4 and IPv6) endpoints, such as `api.aws`.
    pub fn dual_stack_dns_suffix(&self) -> &'static str {
        self.dual_stack_dns_suffix
    }

    /// Whether it has FIPS endpoints.
    pub fn supports_fips(&self) -> bool {
        self.supports_fips
    }

    /// Whether it has dual-stack endpoints.
    pub fn supports_dual_stack(&self) -> bool {
        self.supports_dual_stack
    }

    /// The region that global services of the partition are signed for, such as `us-east-1`.
    pub fn implicit_global_region(&self) -> &'static str {
        self.implicit_global_region
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_partition_of_the_sdks_is_in_the_table() {
        let names: Vec<&str> = Partition::all().iter().map(Partition::name).collect();
        for name in ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"] {
            assert!(names.contains(&name), "{name} is missing from {names:?}");
        }
        assert_eq!(names[0], "aws", "the fallback comes first");
    }

    #[test]
    fn listed_regions_then_regexes_then_aws() {
        let table = [
            ("us-east-1", "aws"),
            ("aws-global", "aws"),
            ("mx-central-9", "aws"),
            ("cn-north-1", "aws-cn"),
            ("aws-cn-global", "aws-cn"),
            ("cn-south-7", "aws-cn"),
            ("us-gov-west-1", "aws-us-gov"),
            ("us-gov-north-5", "aws-us-gov"),
            ("us-iso-east-1", "aws-iso"),
            ("us-iso-north-3", "aws-iso"),
            ("us-isob-west-9", "aws-iso-b"),
            ("eu-isoe-west-1", "aws-iso-e"),
            ("eu-isoe-south-4", "aws-iso-e"),
            ("us-isof-south-1", "aws-iso-f"),
            ("us-isof-west-2", "aws-iso-f"),
            ("eusc-de-east-1", "aws-eusc"),
            ("eusc-de-west-2", "aws-eusc"),
            // Claimed by no partition: the `aws` fallback.
            ("eusc-fr-east-1", "aws"),
            ("xx-east-1", "aws"),
            ("local", "aws"),
            ("us-east", "aws"),
        ];
        for (region, partition) in table {
            assert_eq!(Partition::of(region).name(), partition, "{region}");
        }
    }

    #[test]
    fn the_facts_of_a_partition() {
        let iso_b = Partition::of("us-isob-east-1");
        assert_eq!((iso_b.dns_suffix(), iso_b.dual_stack_dns_suffix()), ("sc2s.sgov.gov", "api.aws.scloud"));
        assert!(iso_b.supports_fips() && iso_b.supports_dual_stack());
        assert_eq!(iso_b.implicit_global_region(), "us-isob-east-1");
        assert_eq!(iso_b.explicit_regions, ["aws-iso-b-global"], "us-isob-* regions are found by the regex");
    }
}
