//! STS's awsQuery wire format: form-encoded parameters in, XML out, and errors as
//! `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>…`.

use crate::error::ApiError;
use crate::wire::request::decode_pairs;
use crate::wire::response::{with_common_headers, Body};
use bytes::Bytes;
use http::header::{HeaderValue, CONTENT_TYPE};
use http::{Response, StatusCode};
use std::time::SystemTime;

/// The XML namespace of every STS response.
pub const NAMESPACE: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

/// An STS error: status, code, who is at fault, message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StsError {
    /// The HTTP status.
    pub status: u16,
    /// The error code, e.g. `AccessDenied`.
    pub code: &'static str,
    /// `Sender` (the client's fault) or `Receiver`.
    pub fault: &'static str,
    /// The message.
    pub message: String,
}

impl StsError {
    /// A client error with this status and code.
    pub fn sender(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, fault: "Sender", message: message.into() }
    }

    /// `ValidationError` (400): a parameter is missing or out of its constraints.
    pub fn validation(message: impl Into<String>) -> Self {
        Self::sender(400, "ValidationError", message)
    }

    /// `AccessDenied` (403): the caller may not assume the role.
    pub fn access_denied(message: impl Into<String>) -> Self {
        Self::sender(403, "AccessDenied", message)
    }

    /// STS's name for a signature verification failure (the verifier speaks IoT's codes).
    pub fn from_signature_error(error: ApiError) -> Self {
        let (status, code) = match error.code {
            "MissingAuthenticationTokenException" => (403, "MissingAuthenticationToken"),
            "IncompleteSignatureException" => (400, "IncompleteSignature"),
            "UnrecognizedClientException" => (403, "InvalidClientTokenId"),
            "InvalidSignatureException" => (403, "SignatureDoesNotMatch"),
            "ExpiredTokenException" => (403, "ExpiredToken"),
            _ => return Self { status: 500, code: "InternalFailure", fault: "Receiver", message: error.message },
        };
        let message = match code {
            "MissingAuthenticationToken" => "Request is missing Authentication Token".to_owned(),
            _ => error.message,
        };
        Self::sender(status, code, message)
    }
}

/// The request's parameters: the query string's, then the form body's.
pub fn parameters(raw_query: Option<&str>, body: &[u8]) -> Result<Vec<(String, String)>, StsError> {
    let malformed = |_| StsError::sender(400, "MalformedQueryString", "The parameters are not valid UTF-8");
    let mut pairs = raw_query.map(decode_pairs).transpose().map_err(malformed)?.unwrap_or_default();
    let body = std::str::from_utf8(body).map_err(|_| StsError::sender(400, "MalformedQueryString", "Not UTF-8"))?;
    pairs.extend(decode_pairs(body.trim()).map_err(malformed)?);
    Ok(pairs)
}

/// The first value of a parameter.
pub fn parameter<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

/// A required parameter, or the `ValidationError` AWS sends when it is missing.
pub fn required<'a>(pairs: &'a [(String, String)], name: &str, member: &str) -> Result<&'a str, StsError> {
    parameter(pairs, name).ok_or_else(|| {
        StsError::validation(format!(
            "1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null"
        ))
    })
}

/// Escapes text for an XML element.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// `<Name>escaped text</Name>`.
pub fn element(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", escape(text))
}

/// A 200 answer: `<{action}Response><{action}Result>{result}</…Result><ResponseMetadata>…`.
pub fn success(action: &str, result: &str, request_id: &str, date: SystemTime) -> Response<Body> {
    let xml = format!(
        "<{action}Response xmlns=\"{NAMESPACE}\">\n  <{action}Result>\n{result}  </{action}Result>\n  \
         <ResponseMetadata>\n    <RequestId>{}</RequestId>\n  </ResponseMetadata>\n</{action}Response>\n",
        escape(request_id)
    );
    xml_response(StatusCode::OK, xml, request_id, date)
}

/// An error answer in the awsQuery error format.
pub fn error(error: &StsError, request_id: &str, date: SystemTime) -> Response<Body> {
    let xml = format!(
        "<ErrorResponse xmlns=\"{NAMESPACE}\">\n  <Error>\n    {}\n    {}\n    {}\n  </Error>\n  {}\n</ErrorResponse>\n",
        element("Type", error.fault),
        element("Code", error.code),
        element("Message", &error.message),
        element("RequestId", request_id)
    );
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    xml_response(status, xml, request_id, date)
}

fn xml_response(status: StatusCode, xml: String, request_id: &str, date: SystemTime) -> Response<Body> {
    let mut response = Response::new(Body::new(Bytes::from(xml)));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/xml"));
    with_common_headers(response, request_id, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_form_parameters() {
        let pairs = parameters(None, b"Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&X=a+b").unwrap();
        assert_eq!(parameter(&pairs, "Action"), Some("AssumeRole"));
        assert_eq!(parameter(&pairs, "RoleArn"), Some("arn:aws:iam::1:role/r"));
        assert_eq!(parameter(&pairs, "X"), Some("a b"));
        assert_eq!(required(&pairs, "Nope", "nope").unwrap_err().code, "ValidationError");
        assert_eq!(
            parameter(&parameters(Some("Action=GetCallerIdentity"), b"").unwrap(), "Action").unwrap(),
            "GetCallerIdentity"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(element("M", "a<b & 'c'"), "<M>a&lt;b &amp; &apos;c&apos;</M>");
    }

    #[test]
    fn maps_signature_errors() {
        let mapped = StsError::from_signature_error(ApiError::unrecognized_client());
        assert_eq!((mapped.status, mapped.code, mapped.fault), (403, "InvalidClientTokenId", "Sender"));
        assert_eq!(StsError::from_signature_error(ApiError::incomplete_signature("x")).status, 400);
        assert_eq!(StsError::from_signature_error(ApiError::expired_token()).code, "ExpiredToken");
    }
}
