//! Endpoint resolution: region + partition + FIPS + dual-stack, or a custom endpoint URL,
//! following the IoT service's endpoint rules and the SDKs' partition data.

mod custom_url;
// For the shared configuration's HTTP client.
#[cfg(all(feature = "shared-config", not(target_arch = "wasm32")))]
pub(crate) use custom_url::is_loopback;
mod partition;
mod region_pattern;
mod rules;
mod url_form;

pub use partition::Partition;

use std::fmt;

/// How to find the service: the region and either the standard endpoint variants or a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointConfig {
    /// The AWS region, such as `us-east-1`; always required because requests are signed for it.
    pub region: Option<String>,
    /// Use the FIPS 140 endpoint (`iot-fips.`).
    pub use_fips: bool,
    /// Use the dual-stack (IPv4 and IPv6) endpoint.
    pub use_dual_stack: bool,
    /// A custom endpoint such as `http://127.0.0.1:4566`; `http` is only allowed for loopback.
    pub endpoint_url: Option<String>,
}

/// A resolved endpoint: where requests go and the region they are signed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `https` or (loopback only) `http`.
    pub scheme: &'static str,
    /// Host and optional port, as it appears in the URL.
    pub authority: String,
    /// A path prefix without a trailing `/` (empty for the standard endpoints).
    pub base_path: String,
    /// The region requests are signed for.
    pub signing_region: String,
    /// The name of the signing region's partition (`aws`, `aws-cn`, ...), also for a custom
    /// endpoint URL: certificate ARNs are checked against it and the region.
    pub partition: &'static str,
}

impl Endpoint {
    /// The endpoint as a URL, such as `https://iot.us-east-1.amazonaws.com`.
    pub fn url(&self) -> String {
        format!("{}://{}{}", self.scheme, self.authority, self.base_path)
    }
}

/// Why no endpoint could be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EndpointError {
    /// No region was configured.
    MissingRegion,
    /// The region is not a valid region name: a lower-case host label (`a-z`, `0-9` and `-`, not
    /// starting or ending with `-`, at most 63 characters). AWS region names are lower-case, and SigV4
    /// signs the region as written, so an upper-case one could never be signed correctly.
    InvalidRegion(String),
    /// A custom endpoint URL was combined with FIPS.
    FipsWithCustomEndpoint,
    /// A custom endpoint URL was combined with dual-stack.
    DualStackWithCustomEndpoint,
    /// The custom endpoint URL could not be used; the text says why.
    InvalidEndpointUrl(String),
    /// FIPS and dual-stack were both asked for, and the region's partition lacks one or both.
    FipsAndDualStackNotSupported,
    /// FIPS was asked for, and the region's partition has no FIPS endpoints.
    FipsNotSupported,
    /// Dual-stack was asked for, and the region's partition has no dual-stack endpoints.
    DualStackNotSupported,
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::MissingRegion => f.write_str("Invalid Configuration: Missing Region"),
            EndpointError::InvalidRegion(region) => write!(
                f,
                "Invalid Configuration: region \"{region}\" is not a valid region name: it must be a \
                 lower-case host label (a-z, 0-9 and -), such as us-east-1"
            ),
            EndpointError::FipsWithCustomEndpoint => {
                f.write_str("Invalid Configuration: FIPS and custom endpoint are not supported")
            }
            EndpointError::DualStackWithCustomEndpoint => {
                f.write_str("Invalid Configuration: Dualstack and custom endpoint are not supported")
            }
            EndpointError::InvalidEndpointUrl(why) => write!(f, "Invalid Configuration: endpoint URL {why}"),
            // The rule set's texts, exactly.
            EndpointError::FipsAndDualStackNotSupported => {
                f.write_str("FIPS and DualStack are enabled, but this partition does not support one or both")
            }
            EndpointError::FipsNotSupported => f.write_str("FIPS is enabled but this partition does not support FIPS"),
            EndpointError::DualStackNotSupported => {
                f.write_str("DualStack is enabled but this partition does not support DualStack")
            }
        }
    }
}

impl std::error::Error for EndpointError {}

/// Resolves `config` to an endpoint by the service's rules.
pub fn resolve_endpoint(config: &EndpointConfig) -> Result<Endpoint, EndpointError> {
    let region = config.region.as_deref().filter(|r| !r.is_empty()).ok_or(EndpointError::MissingRegion)?;
    if !is_region_name(region) {
        return Err(EndpointError::InvalidRegion(region.to_owned()));
    }
    let partition = Partition::of(region);
    if let Some(url) = &config.endpoint_url {
        if config.use_fips {
            return Err(EndpointError::FipsWithCustomEndpoint);
        }
        if config.use_dual_stack {
            return Err(EndpointError::DualStackWithCustomEndpoint);
        }
        return custom_url::endpoint(url, region, partition.name());
    }
    Ok(Endpoint {
        scheme: "https",
        authority: rules::host(region, partition, config.use_fips, config.use_dual_stack)?,
        base_path: String::new(),
        signing_region: region.to_owned(),
        partition: partition.name(),
    })
}

/// A lower-case host label, as region names are: at most 63 of `a-z`, `0-9` and `-`, neither
/// starting nor ending with `-` (the DNS rule, which botocore and the JS SDK also apply to
/// regions). The rules require a host label, and the region is signed as written while AWS knows
/// its regions only in lower case.
pub(crate) fn is_region_name(value: &str) -> bool {
    value.len() <= 63
        && !value.starts_with('-')
        && !value.ends_with('-')
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(region: &str, fips: bool, dual: bool) -> EndpointConfig {
        EndpointConfig { region: Some(region.into()), use_fips: fips, use_dual_stack: dual, endpoint_url: None }
    }

    #[test]
    fn resolves_every_partition_and_variant() {
        let table = [
            ("us-east-1", false, false, "https://iot.us-east-1.amazonaws.com"),
            ("us-east-1", true, false, "https://iot-fips.us-east-1.amazonaws.com"),
            ("eu-west-1", false, true, "https://iot.eu-west-1.api.aws"),
            ("eu-west-1", true, true, "https://iot-fips.eu-west-1.api.aws"),
            ("cn-north-1", false, false, "https://iot.cn-north-1.amazonaws.com.cn"),
            ("cn-north-1", true, false, "https://iot-fips.cn-north-1.amazonaws.com.cn"),
            ("cn-northwest-1", false, true, "https://iot.cn-northwest-1.api.amazonwebservices.com.cn"),
            ("cn-northwest-1", true, true, "https://iot-fips.cn-northwest-1.api.amazonwebservices.com.cn"),
            ("us-gov-west-1", false, false, "https://iot.us-gov-west-1.amazonaws.com"),
            ("us-gov-west-1", true, false, "https://iot-fips.us-gov-west-1.amazonaws.com"),
            ("us-gov-east-1", false, true, "https://iot.us-gov-east-1.api.aws"),
            ("us-gov-east-1", true, true, "https://iot-fips.us-gov-east-1.api.aws"),
            ("us-iso-east-1", false, false, "https://iot.us-iso-east-1.c2s.ic.gov"),
            ("us-isob-west-9", true, false, "https://iot-fips.us-isob-west-9.sc2s.sgov.gov"),
            ("eu-isoe-west-1", false, true, "https://iot.eu-isoe-west-1.api.cloud-aws.adc-e.uk"),
            ("us-isof-south-1", true, true, "https://iot-fips.us-isof-south-1.api.aws.hci.ic.gov"),
            ("eusc-de-east-1", false, false, "https://iot.eusc-de-east-1.amazonaws.eu"),
        ];
        // Every region of every partition, with botocore's hosts: core/tests/endpoint_vectors.rs.
        for (region, fips, dual, url) in table {
            let endpoint = resolve_endpoint(&config(region, fips, dual)).unwrap();
            assert_eq!(endpoint.url(), url);
            assert_eq!(endpoint.signing_region, region);
        }
    }

    #[test]
    fn an_upper_case_region_is_refused_before_anything_is_signed() {
        // Found by the endpoint fuzz target (corpus/endpoint/uppercase-region): the host was
        // signed as written but sent lowercase, so no signature could match. Lowering the host
        // alone still signed the scope `US-EAST-1`, which AWS refuses: the region is an error.
        for region in ["US-EAST-1", "us-East-1", "Us-gov-west-1"] {
            let error = resolve_endpoint(&config(region, false, false)).unwrap_err();
            assert_eq!(error, EndpointError::InvalidRegion(region.to_owned()));
            let text = error.to_string();
            assert!(text.contains(&format!("\"{region}\"")) && text.contains("lower-case"), "{text}");
        }
        let mut custom = config("US-EAST-1", false, false);
        custom.endpoint_url = Some("http://127.0.0.1:4566".into());
        assert!(matches!(resolve_endpoint(&custom), Err(EndpointError::InvalidRegion(_))));
    }

    #[test]
    fn regions_that_are_not_host_labels_are_refused() {
        let long = "a".repeat(64);
        for region in
            ["us_east_1", "-us-east-1", "us-east-1-", "us-east-1.", "us east 1", "us-\u{e9}ast-1", long.as_str()]
        {
            assert_eq!(
                resolve_endpoint(&config(region, false, false)),
                Err(EndpointError::InvalidRegion(region.into()))
            );
        }
        assert!(resolve_endpoint(&config(&"a".repeat(63), false, false)).is_ok());
    }

    #[test]
    fn the_partition_is_resolved_for_custom_endpoints_too() {
        let mut cfg = config("cn-north-1", false, false);
        assert_eq!(resolve_endpoint(&cfg).unwrap().partition, "aws-cn");
        cfg.endpoint_url = Some("http://127.0.0.1:4566".into());
        assert_eq!(resolve_endpoint(&cfg).unwrap().partition, "aws-cn");
    }

    #[test]
    fn a_region_is_required_even_with_a_custom_endpoint() {
        let mut cfg = config("", false, false);
        assert_eq!(resolve_endpoint(&cfg), Err(EndpointError::MissingRegion));
        cfg.region = None;
        cfg.endpoint_url = Some("https://example.com".into());
        assert_eq!(resolve_endpoint(&cfg), Err(EndpointError::MissingRegion));
    }

    #[test]
    fn a_region_cannot_inject_a_host() {
        let error = resolve_endpoint(&config("us-east-1.evil.com/x", false, false)).unwrap_err();
        assert!(matches!(error, EndpointError::InvalidRegion(_)));
    }
}
