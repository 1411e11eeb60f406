//! Wire-protocol rules shared by operations.

pub(crate) mod json;

use http::HeaderName;

/// `x-amzn-errortype`: the error code of an error response.
pub(crate) const ERROR_TYPE: HeaderName = HeaderName::from_static("x-amzn-errortype");
/// `x-amzn-requestid`: the service's request id.
pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
/// `x-amz-request-id`: the request id some front ends send instead.
pub(crate) const ALT_REQUEST_ID: HeaderName = HeaderName::from_static("x-amz-request-id");
/// `x-amz-date`: the signing time.
pub(crate) const AMZ_DATE: HeaderName = HeaderName::from_static("x-amz-date");
/// `x-amz-security-token`: the session token.
pub(crate) const SECURITY_TOKEN: HeaderName = HeaderName::from_static("x-amz-security-token");

/// The response headers the client reads; a transport may drop all others.
pub const RESPONSE_HEADERS: [HeaderName; 4] = [ERROR_TYPE, REQUEST_ID, ALT_REQUEST_ID, http::header::DATE];
pub(crate) mod rest_json;
