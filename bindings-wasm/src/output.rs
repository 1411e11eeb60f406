//! The core's output and signed request to plain JavaScript objects.

use iot_transfer::{ResponseMetadata, SignedRequest, TransferCertificateOutput};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// `{ transferredCertificateArn, $metadata }`.
pub(crate) fn to_js(output: &TransferCertificateOutput) -> JsValue {
    let object = Object::new();
    set(&object, "transferredCertificateArn", output.transferred_certificate_arn.as_str().into());
    set(&object, "$metadata", metadata_to_js(&output.metadata));
    object.into()
}

/// `{ httpStatusCode, requestId, attempts, totalRetryDelay }`, the delay in milliseconds, as the
/// JS SDK's `$metadata` has it.
pub(crate) fn metadata_to_js(metadata: &ResponseMetadata) -> JsValue {
    let object = Object::new();
    set(&object, "httpStatusCode", metadata.http_status.map_or(JsValue::UNDEFINED, |s| s.into()));
    set(&object, "requestId", metadata.request_id.as_deref().map_or(JsValue::UNDEFINED, |s| s.into()));
    set(&object, "attempts", metadata.attempts.into());
    set(&object, "totalRetryDelay", (metadata.total_retry_delay.as_millis() as f64).into());
    object.into()
}

/// `{ method, url, headers: { name: value }, body }`, headers in the order they are sent.
pub(crate) fn signed_request_to_js(request: &SignedRequest) -> JsValue {
    let object = Object::new();
    set(&object, "method", request.method.as_str().into());
    set(&object, "url", request.url.as_str().into());
    let headers = Object::new();
    for (name, value) in &request.headers {
        set(&headers, name, value.as_str().into());
    }
    set(&object, "headers", headers.into());
    set(&object, "body", request.body.as_str().into());
    object.into()
}

pub(crate) fn set(object: &Object, name: &str, value: JsValue) {
    // Defining a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &name.into(), &value);
}
