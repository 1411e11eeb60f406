//! Endpoint resolution: region + partition + FIPS + dual-stack, or a custom endpoint URL,
//! following the IoT service's endpoint rules.

mod url_form;

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
    /// The region is not a valid host label (letters, digits and `-`).
    InvalidRegion(String),
    /// A custom endpoint URL was combined with FIPS.
    FipsWithCustomEndpoint,
    /// A custom endpoint URL was combined with dual-stack.
    DualStackWithCustomEndpoint,
    /// The custom endpoint URL could not be used; the text says why.
    InvalidEndpointUrl(String),
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::MissingRegion => f.write_str("Invalid Configuration: Missing Region"),
            EndpointError::InvalidRegion(region) => {
                write!(f, "Invalid Configuration: region \"{region}\" is not a valid host label")
            }
            EndpointError::FipsWithCustomEndpoint => {
                f.write_str("Invalid Configuration: FIPS and custom endpoint are not supported")
            }
            EndpointError::DualStackWithCustomEndpoint => {
                f.write_str("Invalid Configuration: Dualstack and custom endpoint are not supported")
            }
            EndpointError::InvalidEndpointUrl(why) => write!(f, "Invalid Configuration: endpoint URL {why}"),
        }
    }
}

impl std::error::Error for EndpointError {}

/// Resolves `config` to an endpoint by the service's rules.
pub fn resolve_endpoint(config: &EndpointConfig) -> Result<Endpoint, EndpointError> {
    let region = config.region.as_deref().filter(|r| !r.is_empty()).ok_or(EndpointError::MissingRegion)?;
    if !is_host_label(region) {
        return Err(EndpointError::InvalidRegion(region.to_owned()));
    }
    if let Some(url) = &config.endpoint_url {
        if config.use_fips {
            return Err(EndpointError::FipsWithCustomEndpoint);
        }
        if config.use_dual_stack {
            return Err(EndpointError::DualStackWithCustomEndpoint);
        }
        return custom_endpoint(url, region);
    }
    let prefix = if config.use_fips { "iot-fips" } else { "iot" };
    let suffix = dns_suffix(region, config.use_dual_stack);
    Ok(Endpoint {
        scheme: "https",
        // Lowercase, as the `Host` header is sent, so that it is also signed so.
        authority: format!("{prefix}.{region}.{suffix}").to_ascii_lowercase(),
        base_path: String::new(),
        signing_region: region.to_owned(),
    })
}

/// The DNS suffix of the region's partition (aws, aws-cn or aws-us-gov).
fn dns_suffix(region: &str, dual_stack: bool) -> &'static str {
    let china = region.starts_with("cn-");
    match (china, dual_stack) {
        (true, false) => "amazonaws.com.cn",
        (true, true) => "api.amazonwebservices.com.cn",
        // aws and aws-us-gov share their suffixes.
        (false, false) => "amazonaws.com",
        (false, true) => "api.aws",
    }
}

fn is_host_label(value: &str) -> bool {
    value.len() <= 63 && !value.starts_with('-') && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn custom_endpoint(url: &str, region: &str) -> Result<Endpoint, EndpointError> {
    // The URL is not echoed: it could carry user information.
    let invalid = |why: &str| EndpointError::InvalidEndpointUrl(why.to_owned());
    let uri: http::Uri = url.parse().map_err(|_| invalid("is not a valid URL"))?;
    let scheme = match uri.scheme_str() {
        Some("https") => "https",
        Some("http") => "http",
        _ => return Err(invalid("must start with https:// (or http:// for loopback)")),
    };
    let authority = uri.authority().ok_or_else(|| invalid("has no host"))?;
    if authority.as_str().contains('@') {
        return Err(invalid("must not contain user information"));
    }
    if let Some(why) = url_form::rewritten_part(scheme, authority, uri.path()) {
        return Err(EndpointError::InvalidEndpointUrl(why));
    }
    if scheme == "http" && !is_loopback(authority.host()) {
        return Err(invalid("uses plain http, which is only allowed for loopback hosts"));
    }
    if uri.query().is_some() {
        return Err(invalid("must not have a query"));
    }
    Ok(Endpoint {
        scheme,
        authority: authority.as_str().to_ascii_lowercase(),
        base_path: uri.path().trim_end_matches('/').to_owned(),
        signing_region: region.to_owned(),
    })
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") || host.to_ascii_lowercase().ends_with(".localhost") {
        return true;
    }
    host == "::1" || is_ipv4_loopback(host)
}

/// `127.x.y.z` with four decimal parts of at most 255.
fn is_ipv4_loopback(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts[0] == "127"
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().all(|p| p.parse::<u16>().is_ok_and(|n| n <= 255))
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
        ];
        for (region, fips, dual, url) in table {
            let endpoint = resolve_endpoint(&config(region, fips, dual)).unwrap();
            assert_eq!(endpoint.url(), url);
            assert_eq!(endpoint.signing_region, region);
        }
    }

    #[test]
    fn the_host_is_lowercase_as_it_is_sent() {
        // Found by the endpoint fuzz target (corpus/endpoint/uppercase-region): the host was
        // signed as written but sent lowercase, so no signature could match.
        let endpoint = resolve_endpoint(&config("US-EAST-1", false, false)).unwrap();
        assert_eq!(endpoint.url(), "https://iot.us-east-1.amazonaws.com");
        assert_eq!(endpoint.signing_region, "US-EAST-1");
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

    #[test]
    fn custom_endpoints() {
        let mut cfg = config("us-west-2", false, false);
        cfg.endpoint_url = Some("http://127.0.0.1:4566/".into());
        let endpoint = resolve_endpoint(&cfg).unwrap();
        assert_eq!((endpoint.url(), endpoint.signing_region.as_str()), ("http://127.0.0.1:4566".into(), "us-west-2"));

        cfg.endpoint_url = Some("https://proxy.example.com/iot/".into());
        assert_eq!(resolve_endpoint(&cfg).unwrap().url(), "https://proxy.example.com/iot");

        for loopback in ["http://localhost:8080", "http://[::1]:9000", "http://127.8.9.10", "http://app.localhost:1"] {
            cfg.endpoint_url = Some(loopback.into());
            assert!(resolve_endpoint(&cfg).is_ok(), "{loopback}");
        }
    }

    #[test]
    fn custom_endpoint_errors() {
        let mut cfg = config("us-west-2", true, false);
        cfg.endpoint_url = Some("https://example.com".into());
        assert_eq!(resolve_endpoint(&cfg), Err(EndpointError::FipsWithCustomEndpoint));
        cfg.use_fips = false;
        cfg.use_dual_stack = true;
        assert_eq!(resolve_endpoint(&cfg), Err(EndpointError::DualStackWithCustomEndpoint));
        cfg.use_dual_stack = false;
        for bad in [
            "http://example.com",
            "http://127.0.0.1.example.com",
            "http://127.0.0.256",
            "http://[::2]:80",
            "ftp://127.0.0.1",
            "not a url",
            "https://u:p@example.com",
            "https://example.com/?a=b",
            "/relative",
            "http://localhost:2ase",
            "https://0x7f.1",
            "https://h/caf\u{e9}",
        ] {
            cfg.endpoint_url = Some(bad.into());
            assert!(matches!(resolve_endpoint(&cfg), Err(EndpointError::InvalidEndpointUrl(_))), "{bad}");
        }
    }
}
