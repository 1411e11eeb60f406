//! restJson1 error responses: the error code, the message and the request id.

use super::optional_text;
use http::HeaderMap;
use serde::Deserialize;

/// The error code and message of an error response, when it has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ErrorDetails {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// The members of a restJson1 error body the client reads; others are ignored, and so is a
/// member of another type than string.
#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(default, deserialize_with = "optional_text")]
    code: Option<String>,
    #[serde(rename = "__type", default, deserialize_with = "optional_text")]
    type_name: Option<String>,
    #[serde(default, deserialize_with = "optional_text")]
    message: Option<String>,
    #[serde(rename = "Message", default, deserialize_with = "optional_text")]
    capitalized_message: Option<String>,
    #[serde(rename = "errorMessage", default, deserialize_with = "optional_text")]
    error_message: Option<String>,
}

/// Reads the error code from `x-amzn-errortype` (any case; an empty one is skipped, as botocore
/// does), else the body's `code`, else its `__type`, cleaned of namespace and URI; and the message
/// from `message`, `Message` or `errorMessage`. A body that is not a JSON object (an HTML error
/// page, nothing) gives no code or message.
pub(crate) fn error_details(headers: &HeaderMap, body: &[u8]) -> ErrorDetails {
    let body: ErrorBody = super::from_json_object(body).unwrap_or_default();
    let header_code = headers.get(&super::ERROR_TYPE).and_then(|v| v.to_str().ok()).filter(|v| !v.trim().is_empty());
    let raw_code = header_code.or(body.code.as_deref()).or(body.type_name.as_deref());
    let code = raw_code.map(sanitize_error_code).filter(|c| !c.is_empty()).map(str::to_owned);
    let message = body.message.or(body.capitalized_message).or(body.error_message);
    ErrorDetails { code, message }
}

/// `aws.iot#ThrottlingException:http://internal...` becomes `ThrottlingException`.
pub(crate) fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    let after_hash = before_colon.rsplit('#').next().unwrap_or(before_colon);
    after_hash.trim()
}

/// The request id from `x-amzn-RequestId`, falling back to `x-amz-request-id`.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    [super::REQUEST_ID, super::ALT_REQUEST_ID]
        .iter()
        .find_map(|name| headers.get(name))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn the_header_wins_over_the_body() {
        let details = error_details(
            &headers(&[("X-Amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/")]),
            br#"{"code":"Other","__type":"Other2","message":"slow down"}"#,
        );
        assert_eq!(details.code.as_deref(), Some("ThrottlingException"));
        assert_eq!(details.message.as_deref(), Some("slow down"));
    }

    #[test]
    fn an_empty_header_falls_back_to_the_body() {
        for header in ["", "  "] {
            let mut map = HeaderMap::new();
            map.insert("x-amzn-errortype", header.parse().unwrap());
            let details = error_details(&map, br#"{"code":"CertificateStateException"}"#);
            assert_eq!(details.code.as_deref(), Some("CertificateStateException"), "{header:?}");
        }
    }

    #[test]
    fn an_array_body_has_no_details() {
        assert_eq!(error_details(&HeaderMap::new(), br#"["ThrottlingException","slow"]"#), ErrorDetails::default());
    }

    #[test]
    fn members_of_other_types_are_ignored() {
        let details = error_details(&HeaderMap::new(), br#"{"code":5,"__type":"B","message":{"m":1},"Message":"M"}"#);
        assert_eq!(details, ErrorDetails { code: Some("B".into()), message: Some("M".into()) });
    }

    #[test]
    fn code_falls_back_to_code_then_type() {
        let code = |body: &[u8]| error_details(&HeaderMap::new(), body).code;
        assert_eq!(code(br#"{"code":"A","__type":"B"}"#).as_deref(), Some("A"));
        assert_eq!(code(br#"{"__type":"aws.iot#B:extra"}"#).as_deref(), Some("B"));
        assert_eq!(code(b"<html>503</html>"), None);
        assert_eq!(code(b""), None);
        assert_eq!(code(br#"{"__type":""}"#), None);
    }

    #[test]
    fn message_spellings() {
        let message = |body: &[u8]| error_details(&HeaderMap::new(), body).message;
        assert_eq!(message(br#"{"Message":"M"}"#).as_deref(), Some("M"));
        assert_eq!(message(br#"{"errorMessage":"E"}"#).as_deref(), Some("E"));
        assert_eq!(message(br#"{"message":"m","Message":"M"}"#).as_deref(), Some("m"));
    }

    #[test]
    fn sanitizes_codes() {
        assert_eq!(sanitize_error_code("aws.iot#ThrottlingException:http://x/y"), "ThrottlingException");
        assert_eq!(sanitize_error_code("com.amazon#a.b#Code"), "Code");
        assert_eq!(sanitize_error_code("Plain"), "Plain");
    }

    #[test]
    fn request_id_any_case() {
        assert_eq!(request_id(&headers(&[("X-Amzn-RequestId", "r1")])).as_deref(), Some("r1"));
        assert_eq!(request_id(&headers(&[("x-amz-request-id", "r2")])).as_deref(), Some("r2"));
        assert_eq!(request_id(&HeaderMap::new()), None);
    }
}
