//! Custom endpoint URLs that are sent as they are written.
//!
//! A request is signed over its URI as `http::Uri` reads it, but sent by reqwest (natively) or
//! `fetch` (in browsers) as a WHATWG URL parser reads it. Where the two differ (a port that is
//! not a number, a host in a numeric shorthand, a non-ASCII path, `..` segments), the request
//! cannot work: it fails to send or its signature cannot match. Such URLs are refused up front.

use http::uri::Authority;

/// Why a WHATWG URL parser would send this authority and path otherwise than written, if it would.
pub(super) fn rewritten_part(authority: &Authority, path: &str) -> Option<&'static str> {
    let host = authority.host();
    let port = &authority.as_str()[host.len()..];
    if !port.is_empty() && !port.strip_prefix(':').is_some_and(|p| is_plain_decimal(p) && p.parse::<u16>().is_ok()) {
        return Some("has a port that is not a number from 0 to 65535 without leading zeros");
    }
    if !is_canonical_host(&host.to_ascii_lowercase()) {
        return Some("has a host that is not a DNS name, a dotted-decimal IPv4 or a compressed IPv6 address");
    }
    if !path.bytes().all(is_kept_path_byte) || path.split('/').any(is_dot_segment) {
        return Some("has a path with characters or . and .. segments that URL parsers rewrite");
    }
    None
}

/// Digits without a leading zero (but `0` itself), as a URL parser writes a number back.
fn is_plain_decimal(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && (text == "0" || !text.starts_with('0'))
}

/// A DNS name of letters, digits, `-` and `_` (an optional trailing dot), an IPv4 address in
/// dotted decimal, or an IPv6 address as RFC 5952 writes it: the forms a WHATWG parser keeps.
fn is_canonical_host(host: &str) -> bool {
    if let Some(ipv6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return is_canonical_ipv6(ipv6);
    }
    let labels: Vec<&str> = host.strip_suffix('.').unwrap_or(host).split('.').collect();
    let is_label =
        |label: &&str| !label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !labels.iter().all(is_label) {
        return false;
    }
    // A name whose last label is a number is an IPv4 address to a WHATWG parser (`0x7f.1` is
    // 127.0.0.1), so it must already be written as one.
    let last = labels.last().copied().unwrap_or_default();
    let numeric = last.bytes().all(|b| b.is_ascii_digit())
        || last.strip_prefix("0x").is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()));
    let is_octet = |label: &&str| is_plain_decimal(label) && label.parse::<u8>().is_ok();
    !numeric || (labels.len() == 4 && !host.ends_with('.') && labels.iter().all(is_octet))
}

/// Eight groups of lowercase hexadecimal without leading zeros, where the first longest run of
/// two or more zero groups, and only it, is written `::` (RFC 5952, as WHATWG parsers write).
fn is_canonical_ipv6(text: &str) -> bool {
    let Some((head, tail)) = text.split_once("::") else {
        return hex_groups(text).is_some_and(|groups| groups.len() == 8 && first_longest_zero_run(&groups).is_none());
    };
    let (Some(head), Some(tail)) = (hex_groups(head), hex_groups(tail)) else { return false };
    let Some(elided) = 8usize.checked_sub(head.len() + tail.len()).filter(|&n| n >= 2) else { return false };
    let groups = [head.as_slice(), &[0; 8][..elided], tail.as_slice()].concat();
    first_longest_zero_run(&groups) == Some((head.len(), elided))
}

/// The `:`-separated groups of 1 to 4 lowercase hex digits without leading zeros; `""` has none.
fn hex_groups(text: &str) -> Option<Vec<u16>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let is_group = |group: &str| {
        (1..=4).contains(&group.len())
            && group.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            && (group == "0" || !group.starts_with('0'))
    };
    text.split(':').map(|group| is_group(group).then(|| u16::from_str_radix(group, 16).ok()).flatten()).collect()
}

/// Start and length of the first longest run of two or more zero groups.
fn first_longest_zero_run(groups: &[u16]) -> Option<(usize, usize)> {
    let mut longest: Option<(usize, usize)> = None;
    let mut start = 0;
    while start < groups.len() {
        let length = groups[start..].iter().take_while(|&&group| group == 0).count();
        if length >= 2 && longest.is_none_or(|(_, best)| length > best) {
            longest = Some((start, length));
        }
        start += length.max(1);
    }
    longest
}

/// Visible ASCII that a WHATWG parser leaves as it is in a path (it percent-encodes `"`, `<`,
/// `>`, `` ` ``, `{`, `}` and non-ASCII, and reads `\` as `/`).
fn is_kept_path_byte(byte: u8) -> bool {
    byte.is_ascii_graphic() && !matches!(byte, b'"' | b'<' | b'>' | b'\\' | b'`' | b'{' | b'}')
}

/// `.` and `..`, also percent-encoded, which a WHATWG parser resolves away.
fn is_dot_segment(segment: &str) -> bool {
    let segment = segment.to_ascii_lowercase().replace("%2e", ".");
    segment == "." || segment == ".."
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(url: &str) -> Option<&'static str> {
        let uri: http::Uri = url.parse().unwrap();
        rewritten_part(uri.authority().unwrap(), uri.path())
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
            "https://a..b",
            "https://a(b=c.localhost",
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
