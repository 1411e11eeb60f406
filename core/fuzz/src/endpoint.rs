//! `resolve_endpoint` (region, FIPS, dual-stack, custom URL), and the request built and signed
//! for the endpoint it resolves.
//!
//! Input: `name=value` lines (invalid UTF-8 replaced; other lines and names are ignored):
//! ```text
//! region=us-east-1
//! use_fips=true
//! use_dual_stack=false
//! endpoint_url=http://127.0.0.1:4566
//! ```
//! A missing `region` or `endpoint_url` is `None`; a flag is on when its value is `true`.

use super::partitions::partition_of;
use super::text::{lossy, name_values};
use iot_transfer::endpoint::{resolve_endpoint, Endpoint};
use iot_transfer::operation::transfer_certificate::build_request;
use iot_transfer::signing::{sign_request, IOT_SIGNING_NAME};
use iot_transfer::{Credentials, EndpointConfig, EndpointError, TransferCertificateInput};
use std::time::{Duration, UNIX_EPOCH};

const CERTIFICATE_ID: &str = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";

/// Checks [`check_resolution`] for the decoded configuration.
pub fn check(data: &[u8]) {
    check_resolution(&decode(&lossy(data)));
}

fn decode(text: &str) -> EndpointConfig {
    let mut config = EndpointConfig::default();
    for (name, value) in name_values(text) {
        match name {
            "region" => config.region = Some(value.to_owned()),
            "use_fips" => config.use_fips = value == "true",
            "use_dual_stack" => config.use_dual_stack = value == "true",
            "endpoint_url" => config.endpoint_url = Some(value.to_owned()),
            _ => {}
        }
    }
    config
}

/// Checks that resolution never panics, is deterministic, and either
/// - resolves to a URL that `http::Uri` parses back into the endpoint's scheme, authority and
///   path, and that a WHATWG URL parser sends as signed, signed for the (non-empty, lower-case
///   host-label) region, with the region's partition as `aws.partition` finds it in
///   `core/data/partitions.json` (`super::partitions`); without a custom URL, the host IoT's
///   endpoint rules give for that partition; `http` only for a loopback host; a custom endpoint
///   that resolves to itself again; and a request for it that builds and signs; or
/// - fails with the first rule broken: a missing region, a region that is not a lower-case host
///   label, FIPS or dual-stack with a custom URL, then the URL itself; without a custom URL, a
///   variant the partition does not support.
pub(crate) fn check_resolution(config: &EndpointConfig) {
    let result = resolve_endpoint(config);
    assert_eq!(result, resolve_endpoint(config), "resolution is not deterministic");
    match result {
        Ok(endpoint) => check_endpoint(config, &endpoint),
        Err(error) => check_error(config, &error),
    }
}

fn check_endpoint(config: &EndpointConfig, endpoint: &Endpoint) {
    let region = config.region.as_deref().unwrap_or_default();
    assert!(is_region_name(region), "resolved for region {region:?}");
    assert_eq!(endpoint.signing_region, region, "signed for another region");
    assert_eq!(endpoint.partition, partition_of(region).name, "the wrong partition for {region:?}");
    let url = endpoint.url();
    let uri: http::Uri = url.parse().unwrap_or_else(|e| panic!("the endpoint URL {url:?} does not parse: {e}"));
    assert_eq!(uri.scheme_str(), Some(endpoint.scheme));
    assert_eq!(uri.authority().map(|a| a.as_str()), Some(endpoint.authority.as_str()));
    assert_eq!(uri.path(), if endpoint.base_path.is_empty() { "/" } else { &endpoint.base_path });
    assert_eq!(uri.query(), None);
    check_sent_as_signed(&url, &uri);
    match &config.endpoint_url {
        None => assert_eq!(Ok(url.clone()), standard_url(config, region), "the standard endpoint is wrong"),
        Some(_) => {
            assert!(!config.use_fips && !config.use_dual_stack, "a custom URL resolved with FIPS or dual-stack");
            let host = uri.host().unwrap_or_default();
            assert!(endpoint.scheme == "https" || is_loopback(host), "plain http to {host:?}");
            assert!(!endpoint.authority.contains('@'), "user information kept in {url:?}");
            let again = EndpointConfig { endpoint_url: Some(url.clone()), ..config.clone() };
            assert_eq!(resolve_endpoint(&again).as_ref(), Ok(endpoint), "{url:?} does not resolve to itself");
        }
    }
    check_signed_request(endpoint);
}

/// The URL is signed as `http::Uri` reads it, but sent as a WHATWG URL parser reads it (reqwest
/// natively, `fetch` in browsers): the two must agree on host, port and path, and the authority
/// must be exactly what the `Host` header is signed as, or no signature can match.
fn check_sent_as_signed(url: &str, uri: &http::Uri) {
    let sent = url::Url::parse(url).unwrap_or_else(|e| panic!("{url:?} is refused by a WHATWG URL parser: {e}"));
    let host = uri.host().unwrap_or_default();
    assert_eq!(sent.host_str(), Some(host), "{url:?} is sent to another host");
    let default_port = if uri.scheme_str() == Some("http") { 80 } else { 443 };
    let port = uri.port_u16().unwrap_or(default_port);
    assert_eq!(sent.port_or_known_default(), Some(port), "{url:?} is sent to another port");
    let authority = match uri.port_u16() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    assert_eq!(uri.authority().map(|a| a.as_str()), Some(authority.as_str()), "{url:?} has more than host and port");
    assert_eq!(sent.path(), uri.path(), "{url:?} is sent with another path");
}

/// IoT's endpoint rules (`core/data/iot-endpoint-rule-set-1.json`) for the region's partition:
/// the URL, or the rule set's error text.
fn standard_url(config: &EndpointConfig, region: &str) -> Result<String, String> {
    let p = partition_of(region);
    let (service, suffix) = match (config.use_fips, config.use_dual_stack) {
        (true, true) if p.supports_fips && p.supports_dual_stack => ("iot-fips", p.dual_stack_dns_suffix.as_str()),
        (true, true) => {
            return Err("FIPS and DualStack are enabled, but this partition does not support one or both".into())
        }
        (true, false) if p.supports_fips => ("iot-fips", p.dns_suffix.as_str()),
        (true, false) => return Err("FIPS is enabled but this partition does not support FIPS".into()),
        (false, true) if p.supports_dual_stack => ("iot", p.dual_stack_dns_suffix.as_str()),
        (false, true) => return Err("DualStack is enabled but this partition does not support DualStack".into()),
        (false, false) => match p.name.as_str() {
            "aws" | "aws-us-gov" => ("iot", "amazonaws.com"),
            "aws-cn" => ("iot", "amazonaws.com.cn"),
            _ => ("iot", p.dns_suffix.as_str()),
        },
    };
    Ok(format!("https://{service}.{region}.{suffix}"))
}

fn check_signed_request(endpoint: &Endpoint) {
    let input = TransferCertificateInput::new(CERTIFICATE_ID, "123456789012").validate();
    let input = input.expect("a valid input, written out above");
    let mut request = build_request(&input, endpoint, "iot-transfer-fuzz");
    assert_eq!(request.uri().authority().map(|a| a.as_str()), Some(endpoint.authority.as_str()));
    let path = format!("{}/transfer-certificate/{CERTIFICATE_ID}", endpoint.base_path);
    assert_eq!(request.uri().path(), path, "the request lost the base path");
    let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None);
    let time = UNIX_EPOCH + Duration::from_secs(1_764_000_000);
    sign_request(&mut request, &credentials, &endpoint.signing_region, IOT_SIGNING_NAME, time)
        .unwrap_or_else(|e| panic!("a request to {} was not signed: {e}", endpoint.url()));
    let authorization = request.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let scope = format!("/{}/iot/aws4_request", endpoint.signing_region);
    assert!(authorization.contains(&scope), "authorization {authorization:?} lacks the scope {scope}");
}

fn check_error(config: &EndpointConfig, error: &EndpointError) {
    let region = config.region.as_deref().unwrap_or_default();
    let expected = if region.is_empty() {
        Some(EndpointError::MissingRegion)
    } else if !is_region_name(region) {
        Some(EndpointError::InvalidRegion(region.to_owned()))
    } else if config.endpoint_url.is_none() {
        match standard_url(config, region) {
            Err(text) => assert_eq!(error.to_string(), text, "the rule set's error for {region:?}"),
            Ok(url) => panic!("the standard endpoint {url} of region {region:?} was refused: {error}"),
        }
        return;
    } else if config.use_fips {
        Some(EndpointError::FipsWithCustomEndpoint)
    } else if config.use_dual_stack {
        Some(EndpointError::DualStackWithCustomEndpoint)
    } else {
        None
    };
    assert!(error.to_string().starts_with("Invalid Configuration: "), "{error}");
    match expected {
        Some(expected) => assert_eq!(error, &expected),
        None => assert!(matches!(error, EndpointError::InvalidEndpointUrl(_)), "a custom URL refused with {error:?}"),
    }
}

/// A region name: a DNS label (1 to 63 ASCII letters, digits and `-`, neither starting nor ending
/// with `-`), in lower case as AWS names regions and as SigV4 must sign them.
fn is_region_name(value: &str) -> bool {
    (1..=63).contains(&value.len())
        && !value.starts_with('-')
        && !value.ends_with('-')
        && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `localhost` (and its subdomains), `[::1]` or `127.0.0.0/8` in dotted decimal.
fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host == "[::1]" || host == "::1" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets[0] == "127"
        && octets.iter().all(|o| o.bytes().all(|b| b.is_ascii_digit()) && o.parse::<u8>().is_ok())
}
