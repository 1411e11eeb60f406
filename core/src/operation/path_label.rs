//! Percent-encoding of URI path labels and query values, shared by every operation's request.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters left as they are in a URI path label or query value: RFC 3986 unreserved.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// `value` percent-encoded for a path label or a query value.
pub(crate) fn encode_label(value: &str) -> String {
    utf8_percent_encode(value, UNRESERVED).to_string()
}
