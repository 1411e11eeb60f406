//! restJson1 error responses: the error code, the message and the request id.

use super::json::{self, TopLevel};
use http::HeaderMap;

/// The error code and message of an error response, when it has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ErrorDetails {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// Reads the error code from `x-amzn-errortype` (any case), else the body's `code`, else its
/// `__type`, cleaned of namespace and URI; and the message from `message`, `Message` or
/// `errorMessage`. A body that is not JSON (an HTML error page, nothing) gives no code or message.
pub(crate) fn error_details(headers: &HeaderMap, body: &[u8]) -> ErrorDetails {
    let members = match json::parse(body) {
        Ok(TopLevel::Object(members)) => members,
        _ => Default::default(),
    };
    let field = |name: &str| members.get(name).map(String::as_str);
    let raw_code = headers
        .get(&super::ERROR_TYPE)
        .and_then(|v| v.to_str().ok())
        .or_else(|| field("code"))
        .or_else(|| field("__type"));
    let code = raw_code.map(sanitize_error_code).filter(|c| !c.is_empty()).map(str::to_owned);
    let message = ["message", "Message", "errorMessage"].iter().find_map(|name| field(name)).map(str::to_owned);
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
