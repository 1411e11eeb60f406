//! Custom endpoint URLs that are sent as they are written.
//!
//! A request is signed over its URI as `http::Uri` reads it, but sent by reqwest (natively) or
//! `fetch` (in browsers) as a WHATWG URL parser reads it. Where the two differ (a port that is
//! not a number or a default port written out, a host in a numeric shorthand, a non-ASCII path,
//! `..` segments), the request cannot work: it fails to send or its signature cannot match. The
//! `url` crate, the WHATWG parser reqwest itself sends with, says how each URL would be sent;
//! one that would be rewritten is refused, with the form to write instead.

use http::uri::Authority;

/// Why a WHATWG URL parser would send this authority and path otherwise than written, if it would.
pub(super) fn rewritten_part(scheme: &str, authority: &Authority, path: &str) -> Option<String> {
    // Host names are case-insensitive and an empty path is `/`: neither is a rewrite.
    let path = if path.is_empty() { "/" } else { path };
    let written = format!("{scheme}://{}{path}", authority.as_str().to_ascii_lowercase());
    match url::Url::parse(&written) {
        Err(_) => Some("is not a URL that browsers and reqwest can send".to_owned()),
        Ok(parsed) if parsed.as_str() != written => {
            Some(format!("would be sent as {parsed}, not as written: write it that way"))
        }
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(url: &str) -> Option<String> {
        let uri: http::Uri = url.parse().unwrap();
        rewritten_part(uri.scheme_str().unwrap(), uri.authority().unwrap(), uri.path())
    }

    #[test]
    fn urls_sent_as_written() {
        for url in [
            "https://proxy.example.com:8443/iot/v1",
            "http://127.0.0.1:4566/",
            "http://[::1]:9000",
            "https://Example.COM./a%20b/~c!$&'()*+,;=:@|^",
            "https://under_score.internal:0",
            "https://[2001:db8::8:800:200c:417a]",
            "https://[::]",
            "https://[1:0:0:2::3]",
            "https://[1::2:0:0:3:4]",
            "https://[fe80::1:0:0:0]",
        ] {
            assert_eq!(rewritten(url), None, "{url}");
        }
    }

    #[test]
    fn urls_a_url_parser_would_rewrite() {
        // Found by the endpoint fuzz target (corpus/endpoint/regression-*): such URLs resolved, then
        // failed to send or were sent to another host, port or path than they were signed for.
        for url in [
            "http://localhost:2ase",
            "http://localhost:99999",
            "http://localhost:08080",
            "http://127.0.0.1:",
            "http://[::1]b9000",
            "http://[0:0:0:0:0:0:0:1]",
            "http://[::ffff:127.0.0.1]",
            "http://[1:0:0:2::3:4]",
            "http://[1:0:0:2:0:0:3:4]",
            "http://[1::0:2]",
            "http://[0001::1]",
            "http://[1:2:3:4:5:6:7::8]",
            "http://[::1::2]",
            "https://0x7f.1",
            "https://127.0.0.056",
            "https://1.2.3.4.5",
            "https://127.0.0.1.",
            "https://h/caf\u{e9}",
            "https://h/a\\b",
            "https://h/a}b",
            "https://h/a/../b",
            "https://h/%2E%2e/b",
        ] {
            assert!(rewritten(url).is_some(), "{url}");
        }
    }
}
