//! Percent-encoding as the AWS SDKs do it for signing, and hex.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// What the SDKs percent-encode in a query key or value: everything but RFC 3986 unreserved
/// characters (the set of `aws-smithy-http`'s query and label encoders).
const QUERY: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'/')
    .add(b':')
    .add(b',')
    .add(b'?')
    .add(b'#')
    .add(b'[')
    .add(b']')
    .add(b'{')
    .add(b'}')
    .add(b'|')
    .add(b'@')
    .add(b'!')
    .add(b'$')
    .add(b'&')
    .add(b'\'')
    .add(b'(')
    .add(b')')
    .add(b'*')
    .add(b'+')
    .add(b';')
    .add(b'=')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'"')
    .add(b'^')
    .add(b'`')
    .add(b'\\');

/// The same, keeping `/`: for a whole path.
const PATH: &AsciiSet = &QUERY.remove(b'/');

/// Encodes a query key or value.
pub(super) fn encode_query(value: &str) -> String {
    utf8_percent_encode(value, QUERY).to_string()
}

/// Encodes an (already encoded) path again: `%` becomes `%25`.
pub(super) fn encode_path(value: &str) -> String {
    utf8_percent_encode(value, PATH).to_string()
}

/// Decodes a `application/x-www-form-urlencoded` component: `+` is a space, `%XX` a byte.
pub(super) fn decode_form(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex_value(bytes[i + 1]).is_some() && hex_value(bytes[i + 2]).is_some() => {
                out.push(hex_value(bytes[i + 1]).unwrap_or(0) * 16 + hex_value(bytes[i + 2]).unwrap_or(0));
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Lower-case hex.
pub(super) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 15)] as char);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_the_sdks() {
        assert_eq!(encode_query("a b/c~d.e_f-g*h"), "a%20b%2Fc~d.e_f-g%2Ah");
        assert_eq!(encode_query("é"), "%C3%A9");
        assert_eq!(encode_path("/a%20b/c"), "/a%2520b/c");
    }

    #[test]
    fn decodes_form_components() {
        assert_eq!(decode_form("a+b%20c%2F"), "a b c/");
        assert_eq!(decode_form("100%"), "100%");
        assert_eq!(decode_form("%zz%4"), "%zz%4");
        assert_eq!(decode_form("%E1%88%B4"), "ሴ");
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0x00, 0x7f, 0xab, 0xff]), "007fabff");
    }
}
