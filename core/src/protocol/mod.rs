//! Wire-protocol rules shared by operations.

pub(crate) mod error_response;
mod json_object;
mod lenient;
pub(crate) mod rest_json;

pub(crate) use json_object::from_json_object;
pub(crate) use lenient::{optional_epoch_seconds, optional_integer, optional_text};

use http::HeaderName;

/// The largest response body the client reads, 1 MiB; a longer one is an error, not an allocation.
pub const MAX_RESPONSE_BODY: usize = 1 << 20;

/// `x-amzn-errortype`: the error code of an error response.
pub(crate) const ERROR_TYPE: HeaderName = HeaderName::from_static("x-amzn-errortype");
/// `x-amzn-requestid`: the service's request id.
pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
/// `x-amz-request-id`: the request id some front ends send instead.
pub(crate) const ALT_REQUEST_ID: HeaderName = HeaderName::from_static("x-amz-request-id");

/// The response headers the client reads; a transport may drop all others.
pub const RESPONSE_HEADERS: [HeaderName; 5] =
    [ERROR_TYPE, REQUEST_ID, ALT_REQUEST_ID, http::header::DATE, http::header::LOCATION];
