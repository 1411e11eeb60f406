//! Writing restJson1 responses: JSON bodies, the error header and the headers every AWS
//! response carries (`x-amzn-RequestId`, `Date`).

use crate::error::ApiError;
use bytes::Bytes;
use http::header::{HeaderValue, CONTENT_TYPE, DATE};
use http::{Response, StatusCode};
use http_body_util::Full;
use serde_json::Value;
use std::time::SystemTime;

/// The body type of every response.
pub type Body = Full<Bytes>;

/// The request ID header (botocore and the JS SDK read it case-insensitively).
pub const REQUEST_ID_HEADER: &str = "x-amzn-RequestId";
/// The header naming the error shape.
pub const ERROR_TYPE_HEADER: &str = "x-amzn-ErrorType";

/// What a successful operation answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A JSON object (the output shape's members).
    Json(Value),
    /// Nothing: the operation has no output members, and the body is empty.
    Empty,
}

/// A 200 response for a successful operation.
pub fn success(reply: Reply, request_id: &str, date: SystemTime) -> Response<Body> {
    match reply {
        Reply::Json(value) => json(StatusCode::OK, &value, request_id, date),
        Reply::Empty => with_common_headers(Response::new(Body::default()), request_id, date),
    }
}

/// An error response: its status, `x-amzn-ErrorType: CODE` and `{"message": ...}`.
pub fn error(error: &ApiError, request_id: &str, date: SystemTime) -> Response<Body> {
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = json(status, &error.body(), request_id, date);
    response.headers_mut().insert(ERROR_TYPE_HEADER, HeaderValue::from_static(error.code));
    response
}

/// A JSON response with the given status.
pub fn json(status: StatusCode, value: &Value, request_id: &str, date: SystemTime) -> Response<Body> {
    json_text(status, value.to_string(), request_id, date)
}

/// A response with the given status whose body is already serialized JSON.
pub fn json_text(status: StatusCode, text: String, request_id: &str, date: SystemTime) -> Response<Body> {
    let mut response = Response::new(Body::new(Bytes::from(text)));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    with_common_headers(response, request_id, date)
}

/// Adds `x-amzn-RequestId` and `Date` (the service's, possibly skewed, clock).
pub fn with_common_headers(mut response: Response<Body>, request_id: &str, date: SystemTime) -> Response<Body> {
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert(REQUEST_ID_HEADER, value);
    }
    if let Ok(value) = HeaderValue::from_str(&httpdate::fmt_http_date(date)) {
        headers.insert(DATE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn errors_carry_type_id_date_and_message() {
        let date = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        let response = error(&ApiError::certificate_state("no"), "req-1", date);
        assert_eq!(response.status(), 406);
        assert_eq!(response.headers()[ERROR_TYPE_HEADER], "CertificateStateException");
        assert_eq!(response.headers()[REQUEST_ID_HEADER], "req-1");
        assert_eq!(response.headers()[DATE], "Tue, 14 Nov 2023 22:13:20 GMT");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..], br#"{"message":"no"}"#);
    }

    #[tokio::test]
    async fn empty_replies_have_an_empty_body() {
        let response = success(Reply::Empty, "req-2", SystemTime::now());
        assert_eq!(response.status(), 200);
        assert!(response.headers().get(CONTENT_TYPE).is_none());
        assert!(response.into_body().collect().await.unwrap().to_bytes().is_empty());
    }
}
