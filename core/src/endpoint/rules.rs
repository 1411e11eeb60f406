//! IoT's endpoint rules for a region without a custom endpoint, as the service model states them
//! (`core/data/iot-endpoint-rule-set-1.json`, vendored from botocore): the tree below is that
//! rule set's, branch for branch, with its error texts; the tests hold it to the vendored copy.

use super::partition::Partition;
use super::EndpointError;

/// The rule set's standard (neither FIPS nor dual-stack) hosts written out for named partitions;
/// any other partition gets `iot.{region}.{dnsSuffix}`.
const STANDARD_SUFFIXES: [(&str, &str); 3] =
    [("aws", "amazonaws.com"), ("aws-cn", "amazonaws.com.cn"), ("aws-us-gov", "amazonaws.com")];

/// The host of IoT in `region` of `partition`, or the rule set's error for a variant the
/// partition does not have.
pub(super) fn host(region: &str, partition: &Partition, fips: bool, dual_stack: bool) -> Result<String, EndpointError> {
    let (prefix, suffix) = match (fips, dual_stack) {
        (true, true) if partition.supports_fips() && partition.supports_dual_stack() => {
            ("iot-fips", partition.dual_stack_dns_suffix())
        }
        (true, true) => return Err(EndpointError::FipsAndDualStackNotSupported),
        (true, false) if partition.supports_fips() => ("iot-fips", partition.dns_suffix()),
        (true, false) => return Err(EndpointError::FipsNotSupported),
        (false, true) if partition.supports_dual_stack() => ("iot", partition.dual_stack_dns_suffix()),
        (false, true) => return Err(EndpointError::DualStackNotSupported),
        (false, false) => {
            let named = STANDARD_SUFFIXES.iter().find(|(name, _)| *name == partition.name());
            ("iot", named.map_or(partition.dns_suffix(), |(_, suffix)| suffix))
        }
    };
    Ok(format!("{prefix}.{region}.{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const RULE_SET: &str = include_str!("../../data/iot-endpoint-rule-set-1.json");

    /// Every rule of the tree, depth first.
    fn rules(node: &Value, out: &mut Vec<Value>) {
        for rule in node["rules"].as_array().into_iter().flatten() {
            out.push(rule.clone());
            rules(rule, out);
        }
    }

    fn all_rules() -> Vec<Value> {
        let mut out = Vec::new();
        rules(&serde_json::from_str(RULE_SET).unwrap(), &mut out);
        out
    }

    #[test]
    fn the_error_texts_are_the_rule_sets() {
        let mut errors: Vec<String> =
            all_rules().iter().filter_map(|r| r["error"].as_str().map(str::to_owned)).collect();
        errors.sort();
        let mut ours: Vec<String> = [
            EndpointError::MissingRegion,
            EndpointError::FipsWithCustomEndpoint,
            EndpointError::DualStackWithCustomEndpoint,
            EndpointError::FipsAndDualStackNotSupported,
            EndpointError::FipsNotSupported,
            EndpointError::DualStackNotSupported,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        ours.sort();
        assert_eq!(ours, errors, "the rule set's errors changed: follow them in rules.rs");
    }

    #[test]
    fn the_endpoint_templates_are_the_rule_sets() {
        // The URL of every endpoint rule, with the partition name its condition requires if any.
        let mut templates: Vec<(Option<String>, String)> = all_rules()
            .iter()
            .filter_map(|rule| {
                let url = rule["endpoint"]["url"].as_str()?;
                let named = rule["conditions"].as_array().into_iter().flatten().find_map(|c| {
                    (c["fn"] == "stringEquals").then(|| c["argv"][0].as_str().map(str::to_owned)).flatten()
                });
                Some((named, url.to_owned()))
            })
            .collect();
        templates.sort();
        let mut ours: Vec<(Option<String>, String)> = vec![
            (None, "https://iot-fips.{Region}.{PartitionResult#dualStackDnsSuffix}".into()),
            (None, "https://iot-fips.{Region}.{PartitionResult#dnsSuffix}".into()),
            (None, "https://iot.{Region}.{PartitionResult#dualStackDnsSuffix}".into()),
            (None, "https://iot.{Region}.{PartitionResult#dnsSuffix}".into()),
        ];
        for (name, suffix) in STANDARD_SUFFIXES {
            ours.push((Some(name.into()), format!("https://iot.{{Region}}.{suffix}")));
        }
        ours.sort();
        assert_eq!(ours, templates, "the rule set's endpoints changed: follow them in rules.rs");
    }

    #[test]
    fn named_partitions_and_the_others() {
        let host = |region, fips, dual| host(region, Partition::of(region), fips, dual).unwrap();
        assert_eq!(host("cn-north-1", false, false), "iot.cn-north-1.amazonaws.com.cn");
        assert_eq!(host("us-gov-east-1", false, true), "iot.us-gov-east-1.api.aws");
        assert_eq!(host("us-iso-east-1", false, false), "iot.us-iso-east-1.c2s.ic.gov");
        assert_eq!(host("eu-isoe-west-1", true, true), "iot-fips.eu-isoe-west-1.api.cloud-aws.adc-e.uk");
    }

    #[test]
    fn a_partition_without_a_variant_is_the_rule_sets_error() {
        let bare = Partition { supports_fips: false, supports_dual_stack: false, ..*Partition::of("us-east-1") };
        assert_eq!(host("us-east-1", &bare, true, true), Err(EndpointError::FipsAndDualStackNotSupported));
        assert_eq!(host("us-east-1", &bare, true, false), Err(EndpointError::FipsNotSupported));
        assert_eq!(host("us-east-1", &bare, false, true), Err(EndpointError::DualStackNotSupported));
        assert_eq!(host("us-east-1", &bare, false, false).unwrap(), "iot.us-east-1.amazonaws.com");
        let fips_only = Partition { supports_fips: true, ..bare };
        assert_eq!(host("us-east-1", &fips_only, true, true), Err(EndpointError::FipsAndDualStackNotSupported));
        assert_eq!(host("us-east-1", &fips_only, true, false).unwrap(), "iot-fips.us-east-1.amazonaws.com");
    }
}
