//! restJson1 error responses as typed errors, the same for every operation: the kind from the
//! code, the message, the HTTP status, the request id and the retry class.

use super::rest_json;
use crate::error::{Error, ErrorKind};
use crate::retry::classify_response;
use crate::runtime::TransportErrorKind;
use http::HeaderMap;

/// Error codes that mean the request's authentication was refused (signature, token, clock, access).
const AUTH_CODES: &[&str] = &[
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "RequestExpired",
    "RequestTimeTooSkewed",
    "RequestInTheFuture",
    "AuthFailure",
    "AccessDeniedException",
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "IncompleteSignatureException",
    "MissingAuthenticationTokenException",
    "ForbiddenException",
];

/// The typed error a non-2xx response describes. A 3xx is a redirect, which is never followed:
/// a transport error naming where it pointed.
pub(crate) fn parse_error(status: u16, headers: &HeaderMap, body: &[u8]) -> Error {
    let request_id = rest_json::request_id(headers);
    if (300..400).contains(&status) {
        let location = headers.get(http::header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("nowhere");
        let message = format!("the endpoint answered HTTP {status}, a redirect to {location}, which is not followed");
        return Error::of_kind(ErrorKind::Transport(TransportErrorKind::Redirect), message)
            .with_response(status, request_id);
    }
    let details = rest_json::error_details(headers, body);
    let kind = error_kind(details.code.as_deref(), status);
    let message = details.message.unwrap_or_else(|| match &details.code {
        Some(code) => format!("the service answered HTTP {status} with {code} and no message"),
        None => format!("the service answered HTTP {status} without an error code"),
    });
    let code = details.code.clone().unwrap_or_else(|| "UnknownError".to_owned());
    Error::new(kind, code, message)
        .with_response(status, request_id)
        .with_retry_class(classify_response(details.code.as_deref(), status))
}

/// A 2xx response whose body could not be understood: `message` says why.
pub(crate) fn invalid_response(status: u16, headers: &HeaderMap, message: String) -> Error {
    Error::of_kind(ErrorKind::InvalidResponse, message).with_response(status, rest_json::request_id(headers))
}

fn error_kind(code: Option<&str>, status: u16) -> ErrorKind {
    match code {
        Some(code) => match ErrorKind::from_modelled_code(code) {
            Some(kind) => kind,
            None if AUTH_CODES.contains(&code) || status == 403 => ErrorKind::Auth,
            None => ErrorKind::UnknownService,
        },
        None if status == 403 => ErrorKind::Auth,
        None => ErrorKind::UnknownService,
    }
}
