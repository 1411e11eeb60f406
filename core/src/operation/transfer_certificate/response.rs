//! Maps an HTTP response to the output or a typed error: a pure function, no I/O.

use super::body::SuccessBody;
use crate::error::Error;
use crate::protocol::error_response::{invalid_response, parse_error};
use http::HeaderMap;

/// Returns the transferred certificate's ARN for a 2xx response, or the typed error the response
/// describes, with its code, message, HTTP status, request id and retry class. A 3xx is a
/// redirect, which is never followed: a transport error naming where it pointed.
pub fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<String, Error> {
    if !(200..300).contains(&status) {
        return Err(parse_error(status, headers, body));
    }
    parse_success(body).map_err(|message| invalid_response(status, headers, message))
}

fn parse_success(body: &[u8]) -> Result<String, String> {
    match SuccessBody::from_json(body)?.transferred_certificate_arn {
        Some(arn) if !arn.is_empty() => Ok(arn),
        _ => Err("the success response has no transferredCertificateArn string".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::runtime::TransportErrorKind;

    fn response(status: u16, headers: &[(&'static str, &'static str)], body: &str) -> Result<String, Error> {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, value.parse().unwrap());
        }
        parse_response(status, &map, body.as_bytes())
    }

    #[test]
    fn success_ignores_unknown_fields() {
        let arn =
            response(200, &[], r#"{"transferredCertificateArn":"arn:aws:iot:us-east-1:1:cert/x","extra":{"a":1}}"#);
        assert_eq!(arn.unwrap(), "arn:aws:iot:us-east-1:1:cert/x");
    }

    #[test]
    fn success_without_an_arn_or_with_bad_json_is_an_error() {
        for body in ["{}", "not json", "", r#"{"transferredCertificateArn":5}"#] {
            let error = response(200, &[("x-amzn-RequestId", "rid")], body).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::InvalidResponse, "{body}");
            assert_eq!(error.request_id(), Some("rid"));
            assert!(!error.is_retryable());
        }
    }

    #[test]
    fn every_modelled_error() {
        // Every modelled kind of the declaration, at its HTTP status; whether it is retried is
        // checked by tests/vectors/responses.json.
        let modelled = crate::ERROR_KINDS.iter().filter_map(|info| match info.origin {
            crate::ErrorOrigin::Modelled { code, http_status } => Some((info.name, code, http_status)),
            _ => None,
        });
        for (name, code, status) in modelled {
            let body = format!(r#"{{"message":"about {code}"}}"#);
            let mut headers = HeaderMap::new();
            headers.insert("x-amzn-errortype", format!("{code}:http://internal.amazon.com/").parse().unwrap());
            headers.insert("x-amzn-requestid", "req-1".parse().unwrap());
            let error = parse_response(status, &headers, body.as_bytes()).unwrap_err();
            assert_eq!(error.kind().name(), name);
            assert_eq!(error.code(), code);
            assert_eq!(error.message(), format!("about {code}"));
            assert_eq!(error.http_status(), Some(status));
            assert_eq!(error.request_id(), Some("req-1"));
        }
    }

    #[test]
    fn auth_and_unknown_codes() {
        let error = response(403, &[], r#"{"message":"Signature expired"}"#).unwrap_err();
        assert_eq!((error.kind(), error.code()), (&ErrorKind::Auth, "UnknownError"));
        let error = response(403, &[], r#"{"__type":"InvalidSignatureException","message":"bad"}"#).unwrap_err();
        assert_eq!((error.kind(), error.code()), (&ErrorKind::Auth, "InvalidSignatureException"));
        let error = response(400, &[], r#"{"__type":"aws.iot#NewFancyException","message":"new"}"#).unwrap_err();
        assert_eq!(
            (error.kind(), error.code(), error.message()),
            (&ErrorKind::UnknownService, "NewFancyException", "new")
        );
    }

    #[test]
    fn a_redirect_is_a_transport_error_naming_its_target() {
        for status in [301, 302, 307, 308] {
            let error = response(status, &[("location", "https://elsewhere.example/x")], "").unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::Transport(TransportErrorKind::Redirect));
            assert_eq!(error.http_status(), Some(status));
            assert!(error.message().contains("https://elsewhere.example/x"), "{}", error.message());
            assert!(!error.is_retryable());
        }
    }

    #[test]
    fn a_non_object_success_body_is_an_error() {
        for body in ["[]", "\"arn\"", "null", "7"] {
            let error = response(200, &[], body).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::InvalidResponse, "{body}");
            assert!(error.message().starts_with("the success response is not a JSON object"), "{}", error.message());
        }
    }

    #[test]
    fn a_5xx_with_an_html_or_empty_body_is_still_typed() {
        for body in ["<html><body>Bad Gateway</body></html>", ""] {
            let error = response(502, &[], body).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::UnknownService);
            assert_eq!(error.http_status(), Some(502));
            assert!(error.is_retryable());
            assert_eq!(error.message(), "the service answered HTTP 502 without an error code");
        }
    }
}
