//! `parse_response` on any HTTP response: the success parser, restJson1 error-code and message
//! extraction, request ids, redirects.
//!
//! Input: an HTTP response as `text::http_response` reads it:
//! ```text
//! 400
//! x-amzn-ErrorType: InvalidRequestException:http://internal.amazon.com/
//! x-amzn-RequestId: 0f7d2c1e-aaaa-4bbb-8ccc-000000000005
//!
//! {"message":"..."}
//! ```

use super::text::http_response;
use http::HeaderMap;
use iot_transfer::operation::transfer_certificate::parse_response;
use iot_transfer::runtime::TransportErrorKind;
use iot_transfer::{ErrorKind, Fault, TransferCertificateError};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

/// The success member that carries the output.
const ARN_MEMBER: &str = "transferredCertificateArn";

/// Whether `code` is one the model declares, as the core's one declaration lists them.
fn is_modelled_code(code: &str) -> bool {
    iot_transfer::ERROR_KINDS.iter().any(
        |kind| matches!(kind.origin, iot_transfer::ErrorOrigin::Modelled { code: modelled, .. } if modelled == code),
    )
}

/// Checks that parsing never panics, is deterministic, and that
/// - a 2xx is the ARN the body's `transferredCertificateArn` holds (non-empty), or else an
///   `InvalidResponse` error that is not retried;
/// - a 3xx is always a `Transport(Redirect)` error naming the `Location` it was sent to;
/// - any other status is a service error whose code is non-empty and clean (no namespace, no
///   `:` suffix, no surrounding spaces), whose kind agrees with a modelled code, and which is
///   retried for 5xx transient statuses, 429 and throttling;
/// - every error carries the given status and the response's request id.
pub fn check(data: &[u8]) {
    let Some((status, headers, body)) = http_response(data) else { return };
    let result = parse_response(status, &headers, body);
    let again = parse_response(status, &headers, body);
    assert_eq!(summary(&result), summary(&again), "parsing is not deterministic");
    match result {
        Ok(arn) => check_success(status, body, &arn),
        Err(error) => {
            check_metadata(status, &headers, &error);
            match status {
                200..=299 => check_invalid_success(body, &error),
                300..=399 => check_redirect(&headers, &error),
                _ => check_service_error(status, &error),
            }
        }
    }
}

fn summary(result: &Result<String, TransferCertificateError>) -> String {
    match result {
        Ok(arn) => format!("Ok({arn})"),
        Err(error) => format!("{:?} {} {:?} {}", error.kind(), error, error.request_id(), error.is_retryable()),
    }
}

fn check_success(status: u16, body: &[u8], arn: &str) {
    assert!((200..300).contains(&status), "HTTP {status} parsed as a success");
    assert!(!arn.is_empty(), "a success with an empty ARN");
    let members = arn_members(body).expect("a success whose body is not a JSON object");
    assert_eq!(members, [Some(arn.to_owned())], "the ARN is not the body's one {ARN_MEMBER} string");
}

fn check_invalid_success(body: &[u8], error: &TransferCertificateError) {
    assert_eq!(error.kind(), &ErrorKind::InvalidResponse, "a 2xx error of another kind: {error}");
    assert_eq!(error.code(), "InvalidResponseError");
    assert!(!error.is_retryable(), "an unreadable success is retried: {error}");
    if let Some(members) = arn_members(body) {
        let usable = matches!(members.as_slice(), [Some(arn)] if !arn.is_empty());
        assert!(!usable, "a JSON object with one non-empty {ARN_MEMBER} string was refused: {error}");
    }
}

/// Every `transferredCertificateArn` member of a JSON object body, in order: `Some(text)` for a
/// string, `None` for another type; `None` overall when the body is not a JSON object.
fn arn_members(body: &[u8]) -> Option<Vec<Option<String>>> {
    serde_json::from_slice::<ArnMembers>(body).ok().map(|members| members.0)
}

/// An object's members named [`ARN_MEMBER`], repeats included (`serde_json::Value` keeps only
/// the last of repeated members, where the core refuses the body).
struct ArnMembers(Vec<Option<String>>);

impl<'de> Deserialize<'de> for ArnMembers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ArnMembersVisitor)
    }
}

struct ArnMembersVisitor;

impl<'de> Visitor<'de> for ArnMembersVisitor {
    type Value = ArnMembers;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ArnMembers, A::Error> {
        let mut members = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if name == ARN_MEMBER {
                let value: serde_json::Value = map.next_value()?;
                members.push(value.as_str().map(str::to_owned));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(ArnMembers(members))
    }
}

fn check_redirect(headers: &HeaderMap, error: &TransferCertificateError) {
    assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::Redirect), "a 3xx that is not a redirect");
    assert_eq!(error.code(), "TransportError");
    assert!(!error.is_retryable(), "a redirect is retried");
    assert_eq!(error.fault(), Fault::Server);
    let location = headers.get(http::header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("nowhere");
    assert!(error.message().contains(location), "the redirect's message does not name {location:?}");
}

fn check_service_error(status: u16, error: &TransferCertificateError) {
    assert!(error.kind().is_service_error(), "HTTP {status} gave a non-service kind: {:?}", error.kind());
    let code = error.code();
    assert!(!code.is_empty(), "an error with an empty code");
    assert_eq!(code, code.trim(), "the code keeps surrounding spaces");
    assert!(!code.contains([':', '#']), "the code keeps a namespace or suffix: {code:?}");
    if is_modelled_code(code) {
        assert_eq!(format!("{}Exception", error.kind().name()), code, "a modelled code mapped to another kind");
    } else {
        let kind = error.kind();
        assert!(matches!(kind, ErrorKind::Auth | ErrorKind::UnknownService), "code {code:?} gave {kind:?}");
        assert!(status != 403 || kind == &ErrorKind::Auth, "HTTP 403 with code {code:?} gave {kind:?}");
    }
    if [429, 500, 502, 503, 504].contains(&status) || code == "ThrottlingException" {
        assert!(error.is_retryable(), "HTTP {status} {code} is not retried");
    }
    let server = status >= 500;
    assert_eq!(error.fault() == Fault::Server, server, "HTTP {status} has the wrong fault");
}

fn check_metadata(status: u16, headers: &HeaderMap, error: &TransferCertificateError) {
    assert_eq!(error.http_status(), Some(status), "the error lost its status");
    let valid = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match error.request_id() {
        Some(id) => assert!(
            [valid("x-amzn-requestid"), valid("x-amz-request-id")].contains(&Some(id)),
            "request id {id:?} is in no header"
        ),
        None => assert!(valid("x-amzn-requestid").is_none(), "the x-amzn-RequestId header was ignored"),
    }
    if let Some(id) = valid("x-amzn-requestid") {
        assert_eq!(error.request_id(), Some(id), "x-amzn-RequestId does not win over x-amz-request-id");
    }
    assert!(!error.to_string().is_empty());
}
