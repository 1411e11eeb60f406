//! A custom endpoint URL (a proxy, a VPC endpoint, a local emulator): checked to be sent as it is
//! signed, over `https` except to loopback hosts.

use super::{url_form, Endpoint, EndpointError};

/// The endpoint for a custom URL, signed for `region` of `partition`, or why the URL cannot be
/// used as it is written.
pub(super) fn endpoint(url: &str, region: &str, partition: &'static str) -> Result<Endpoint, EndpointError> {
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
        partition,
    })
}

/// Whether `host` (bracketed IPv6 allowed) names this machine: `localhost`, `*.localhost`,
/// `127.x.y.z` or `::1`.
pub(crate) fn is_loopback(host: &str) -> bool {
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
    use crate::endpoint::{resolve_endpoint, EndpointConfig, EndpointError};

    fn config(region: &str, fips: bool, dual: bool) -> EndpointConfig {
        EndpointConfig { region: Some(region.into()), use_fips: fips, use_dual_stack: dual, endpoint_url: None }
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
