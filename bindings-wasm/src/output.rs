//! The metadata and the signed request as plain JavaScript objects.

use crate::js_value::to_js;
use iot_transfer::{ResponseMetadata, SignedRequest};
use serde::ser::{Serialize, Serializer};
use wasm_bindgen::JsValue;

/// `{ httpStatusCode, requestId, attempts, totalRetryDelay, reconciled }`, the delay in
/// milliseconds, as the JS SDK's `$metadata` has it, and whether a check of the certificate's
/// state settled the outcome.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Metadata<'a> {
    http_status_code: Option<u16>,
    request_id: Option<&'a str>,
    attempts: u32,
    total_retry_delay: f64,
    reconciled: bool,
}

impl<'a> From<&'a ResponseMetadata> for Metadata<'a> {
    fn from(metadata: &'a ResponseMetadata) -> Self {
        Metadata {
            http_status_code: metadata.http_status,
            request_id: metadata.request_id.as_deref(),
            attempts: metadata.attempts,
            total_retry_delay: metadata.total_retry_delay.as_millis() as f64,
            reconciled: metadata.reconciled,
        }
    }
}

/// `{ method, url, headers: { name: value }, body }`.
#[derive(serde::Serialize)]
struct SignedRequestObject<'a> {
    method: &'a str,
    url: &'a str,
    headers: HeaderObject<'a>,
    body: &'a str,
}

/// Header pairs as one object, in the order they are sent.
struct HeaderObject<'a>(&'a [(String, String)]);

impl Serialize for HeaderObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}

/// The signed request as `{ method, url, headers, body }`.
pub(crate) fn signed_request_to_js(request: &SignedRequest) -> JsValue {
    to_js(&SignedRequestObject {
        method: &request.method,
        url: &request.url,
        headers: HeaderObject(&request.headers),
        body: &request.body,
    })
}
