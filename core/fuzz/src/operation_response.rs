//! Every operation's response parser, found through the core's registry
//! ([`iot_transfer::for_each_operation!`]): an operation added there is fuzzed here with no code
//! written for it.
//!
//! Input: a first line naming the operation as the model does (`ListCertificates`), then an HTTP
//! response as `text::http_response` reads it.

use super::text::{first_line, http_response};
use http::HeaderMap;
use iot_transfer::{ErrorKind, OperationInput};
use std::fmt::Debug;

/// A check of one operation's parser on one response.
type ParserCheck = fn(u16, &HeaderMap, &[u8]);

macro_rules! parsers {
    (
        operations { $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )* }
        workflows { $($workflows:tt)* }
        paginators { $($paginators:tt)* }
        batches { $($batches:tt)* }
    ) => {
        /// Each operation's model name and the check of its parser.
        const PARSERS: &[(&str, ParserCheck)] =
            &[ $( (<$Input as OperationInput>::NAME, check_parser::<$Input>), )* ];
    };
}

iot_transfer::for_each_operation!(parsers);

/// Checks that parsing never panics and is deterministic, that only a 2xx gives a payload, and
/// that an error keeps the response's status, an unreadable 2xx being an `InvalidResponse`.
pub fn check(data: &[u8]) {
    let (name, Some(response)) = first_line(data) else { return };
    let Some((_, parser)) = PARSERS.iter().find(|(operation, _)| operation.as_bytes() == name) else { return };
    let Some((status, headers, body)) = http_response(response) else { return };
    parser(status, &headers, body);
}

fn check_parser<I: OperationInput>(status: u16, headers: &HeaderMap, body: &[u8])
where
    I::Payload: Debug,
{
    let result = I::parse_response(status, headers, body);
    let again = I::parse_response(status, headers, body);
    assert_eq!(format!("{result:?}"), format!("{again:?}"), "{}: parsing is not deterministic", I::NAME);
    match result {
        Ok(_) => assert!((200..300).contains(&status), "{}: HTTP {status} parsed as a success", I::NAME),
        Err(error) => {
            assert_eq!(error.http_status(), Some(status), "{}: the error lost its status", I::NAME);
            if (200..300).contains(&status) {
                assert_eq!(error.kind(), &ErrorKind::InvalidResponse, "{}: an unreadable 2xx of another kind", I::NAME);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_operation_has_a_parser_check() {
        assert!(super::PARSERS.len() >= 10);
    }
}
