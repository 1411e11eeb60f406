//! CORS, so that a web page can call the emulator from a browser with an official SDK: answers
//! preflights and lets pages read the AWS response headers.

use crate::wire::response::{with_common_headers, Body};
use http::header::{
    HeaderMap, HeaderValue, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS, ORIGIN, VARY,
};
use http::{Response, StatusCode};
use std::time::SystemTime;

/// Request headers browsers may send (those the AWS SDKs for JavaScript set, and more).
pub const ALLOWED_HEADERS: &[&str] = &[
    "authorization",
    "content-type",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-user-agent",
    "x-amz-content-sha256",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "user-agent",
    "x-amzn-trace-id",
];

/// Methods of the emulated operations and of the admin endpoint.
pub const ALLOWED_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

/// Response headers a page may read.
pub const EXPOSED_HEADERS: &str = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date";

/// The answer to an `OPTIONS` preflight: 204 with the allowed methods and headers (the fixed
/// list plus whatever the browser asks for).
pub fn preflight_response(request_headers: &HeaderMap, request_id: &str, date: SystemTime) -> Response<Body> {
    let mut response = Response::new(Body::default());
    *response.status_mut() = StatusCode::NO_CONTENT;
    let mut allowed: Vec<String> = ALLOWED_HEADERS.iter().map(|name| (*name).to_owned()).collect();
    let requested = request_headers.get(ACCESS_CONTROL_REQUEST_HEADERS).and_then(|value| value.to_str().ok());
    for name in requested.unwrap_or_default().split(',').map(|name| name.trim().to_ascii_lowercase()) {
        if !name.is_empty() && !allowed.contains(&name) {
            allowed.push(name);
        }
    }
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(ALLOWED_METHODS));
    if let Ok(value) = HeaderValue::from_str(&allowed.join(", ")) {
        headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, value);
    }
    headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    add_cors_headers(&mut response, request_headers);
    with_common_headers(response, request_id, date)
}

/// Adds `Access-Control-Allow-Origin` (the request's origin, or `*`) and
/// `Access-Control-Expose-Headers` to any response.
pub fn add_cors_headers(response: &mut Response<Body>, request_headers: &HeaderMap) {
    let headers = response.headers_mut();
    match request_headers.get(ORIGIN) {
        Some(origin) => {
            headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
            headers.append(VARY, HeaderValue::from_static("Origin"));
        }
        None => {
            headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        }
    }
    headers.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(EXPOSED_HEADERS));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preflights_allow_sdk_headers_and_echo_the_origin() {
        let mut request = HeaderMap::new();
        request.insert(ORIGIN, HeaderValue::from_static("http://localhost:8000"));
        request.insert(ACCESS_CONTROL_REQUEST_HEADERS, HeaderValue::from_static("X-Custom, authorization"));
        let response = preflight_response(&request, "id", SystemTime::now());
        assert_eq!(response.status(), 204);
        let headers = response.headers();
        assert_eq!(headers[ACCESS_CONTROL_ALLOW_ORIGIN], "http://localhost:8000");
        let allowed = headers[ACCESS_CONTROL_ALLOW_HEADERS].to_str().unwrap();
        assert!(allowed.contains("amz-sdk-invocation-id") && allowed.ends_with("x-custom"));
        assert!(headers[ACCESS_CONTROL_ALLOW_METHODS].to_str().unwrap().contains("PATCH"));
        assert!(headers[ACCESS_CONTROL_EXPOSE_HEADERS].to_str().unwrap().contains("x-amzn-RequestId"));
    }
}
