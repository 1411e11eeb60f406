//! The core's error to the description the JavaScript layer turns into an `Error` class:
//! `{ serviceError, details }`, `details` being the core's one record of an error
//! (`ErrorDetails`), written as every other shape is (camelCase, `$metadata`).

use crate::js_value;
use crate::shapes::Js;
use iot_transfer::{ErrorDetails, TransferCertificateError};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// An error as the JavaScript layer reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Description<'a> {
    /// Whether the service returned it (its class is then the one of its code).
    service_error: bool,
    details: Js<'a, ErrorDetails>,
}

/// Describes `error` for the JavaScript layer.
pub(crate) fn to_js(error: TransferCertificateError) -> JsValue {
    let details = error.details();
    js_value::to_js(&Description { service_error: error.kind().is_service_error(), details: Js(&details) })
}

/// A call option of the wrong type (`abortSignal`), described as a configuration error.
pub(crate) fn option_error(message: &str) -> JsValue {
    to_js(TransferCertificateError::configuration(message))
}
