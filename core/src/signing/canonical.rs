//! The SigV4 canonical request, as `aws-sigv4` builds it with the SDKs' default settings.

use super::encoding::{decode_form, encode_path, encode_query};

/// Headers left out of the signature because proxies may change them (as in `aws-sigv4`).
const EXCLUDED_HEADERS: &[&str] = &["authorization", "user-agent", "x-amzn-trace-id", "transfer-encoding"];

/// A canonical request and the signed-headers list that goes into the `authorization` header.
pub(super) struct CanonicalRequest {
    pub text: String,
    pub signed_headers: String,
}

impl CanonicalRequest {
    /// Builds the canonical request of `request` as it will be sent with `x-amz-date: date_time`
    /// and, when given, `x-amz-security-token: token`; the payload is hashed whole.
    pub(super) fn new(request: &http::Request<Vec<u8>>, date_time: &str, token: Option<&str>) -> Result<Self, String> {
        let uri = request.uri();
        let path = encode_path(&normalize_path(uri.path()));
        let query = canonical_query(uri.query().unwrap_or_default());
        let headers = canonical_headers(request, date_time, token)?;
        let signed_headers = headers.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>().join(";");
        let mut text = format!("{}\n{path}\n{query}\n", request.method());
        for (name, value) in &headers {
            text.push_str(name);
            text.push(':');
            text.push_str(value);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&signed_headers);
        text.push('\n');
        text.push_str(&super::sha256_hex(request.body()));
        Ok(Self { text, signed_headers })
    }
}

/// Signed headers, sorted by name, each name once with its values joined by `,`.
fn canonical_headers(
    request: &http::Request<Vec<u8>>,
    date_time: &str,
    token: Option<&str>,
) -> Result<Vec<(String, String)>, String> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in request.headers() {
        let name = name.as_str();
        if EXCLUDED_HEADERS.contains(&name)
            || name == "x-amz-date"
            || (token.is_some() && name == "x-amz-security-token")
        {
            continue;
        }
        let value = value.to_str().map_err(|_| format!("header {name} is not visible ASCII"))?;
        headers.push((name.to_owned(), trim_all(value)));
    }
    if !headers.iter().any(|(name, _)| name == "host") {
        headers.push(("host".to_owned(), host(request.uri())?));
    }
    headers.push(("x-amz-date".to_owned(), date_time.to_owned()));
    if let Some(token) = token {
        headers.push(("x-amz-security-token".to_owned(), token.to_owned()));
    }
    insertion_sort(&mut headers, |a, b| a.0 > b.0);
    let mut merged: Vec<(String, String)> = Vec::with_capacity(headers.len());
    for (name, value) in headers {
        match merged.last_mut() {
            Some((last, values)) if *last == name => {
                values.push(',');
                values.push_str(&value);
            }
            _ => merged.push((name, value)),
        }
    }
    Ok(merged)
}

/// A stable sort for the handful of items a request has; far smaller in WebAssembly than the
/// standard library's sort. `after(a, b)` says whether `a` belongs after `b`.
fn insertion_sort<T>(items: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The host header a client sends: the authority without a default port.
fn host(uri: &http::Uri) -> Result<String, String> {
    let authority = uri.authority().ok_or("the request URI has no host")?;
    let default_port =
        matches!((uri.scheme_str(), uri.port_u16()), (Some("http"), Some(80)) | (Some("https"), Some(443)));
    Ok(if default_port { authority.host().to_owned() } else { authority.as_str().to_owned() })
}

/// Trims spaces (only spaces) at both ends and collapses runs of spaces into one.
fn trim_all(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.trim_matches(' ').split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Query parameters decoded as a form, re-encoded, sorted by key then value.
fn canonical_query(query: &str) -> String {
    let mut params: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (encode_query(&decode_form(key)), encode_query(&decode_form(value)))
        })
        .collect();
    insertion_sort(&mut params, |a, b| a > b);
    params.iter().map(|(key, value)| format!("{key}={value}")).collect::<Vec<_>>().join("&")
}

/// RFC 3986 remove-dot-segments, also dropping empty segments, keeping a trailing slash.
fn normalize_path(path: &str) -> String {
    if path.is_empty() {
        return "/".to_owned();
    }
    let path = if path.starts_with('/') { path.to_owned() } else { format!("/{path}") };
    if !(path.contains('.') || path.contains("//")) {
        return path;
    }
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let mut normalized = format!("/{}", segments.join("/"));
    let ends_with_slash = ["/", "/.", "/./", "/..", "/../"].iter().any(|end| path.ends_with(end));
    if ends_with_slash && !normalized.ends_with('/') {
        normalized.push('/');
    }
    normalized
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_paths_like_aws_sigv4() {
        for (path, expected) in [
            ("", "/"),
            ("/", "/"),
            ("/a/b", "/a/b"),
            ("a/b", "/a/b"),
            ("/a/./b/../c", "/a/c"),
            ("/../a", "/a"),
            ("//a//b//", "/a/b/"),
            ("/a/b/.", "/a/b/"),
            ("/a/b/..", "/a/"),
            ("/a.b/c", "/a.b/c"),
        ] {
            assert_eq!(normalize_path(path), expected, "{path}");
        }
    }

    #[test]
    fn sorts_and_encodes_the_query() {
        assert_eq!(canonical_query(""), "");
        assert_eq!(canonical_query("b=2&a=1&a=0"), "a=0&a=1&b=2");
        assert_eq!(canonical_query("k=a+b&x&&y=%7E%2f"), "k=a%20b&x=&y=~%2F");
    }

    #[test]
    fn trims_only_spaces() {
        assert_eq!(trim_all("  a   b  "), "a b");
        assert_eq!(trim_all("\ta b\t"), "\ta b\t");
    }
}
