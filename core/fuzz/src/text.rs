//! The small text formats the fuzz inputs are written in: lines, `name=value` lines, and HTTP
//! responses.

use http::{HeaderMap, HeaderName, HeaderValue};
use std::borrow::Cow;

/// Splits off the first line: the bytes before the first `\n` (without a `\r` that ends them),
/// and everything after that `\n`, or `None` when there is no `\n`.
pub(crate) fn first_line(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == b'\n') {
        Some(at) => (strip_cr(&data[..at]), Some(&data[at + 1..])),
        None => (strip_cr(data), None),
    }
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The bytes as text, invalid UTF-8 replaced, so that every input reaches the code under test.
pub(crate) fn lossy(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The `name=value` pairs of `text`, one a line; lines without `=` are skipped. Only the line's
/// end is trimmed (`\r`), so that values keep any spaces the fuzzer puts around them.
pub(crate) fn name_values(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|line| line.split_once('='))
}

/// An HTTP response without its status text, as a capture shows it: the status (any `u16`),
/// `name: value` header lines up to an empty line, then the body byte for byte. Header lines
/// `http` refuses are dropped, as no transport would deliver them; `None` when the first line
/// is not a status.
pub(crate) fn http_response(data: &[u8]) -> Option<(u16, HeaderMap, &[u8])> {
    let (status_line, mut rest) = first_line(data);
    let status: u16 = std::str::from_utf8(status_line).ok()?.trim().parse().ok()?;
    let mut headers = HeaderMap::new();
    while let Some(remaining) = rest {
        let (line, next) = first_line(remaining);
        rest = next;
        if line.is_empty() {
            return Some((status, headers, rest.unwrap_or_default()));
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let name = HeaderName::from_bytes(&line[..colon]);
        let value = HeaderValue::from_bytes(line[colon + 1..].trim_ascii());
        if let (Ok(name), Ok(value)) = (name, value) {
            headers.append(name, value);
        }
    }
    Some((status, headers, &[]))
}
