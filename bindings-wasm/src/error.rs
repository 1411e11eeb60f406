//! The core's error to the plain description the JavaScript layer turns into an `Error` class:
//! `{ name, code, kind, serviceError, message, $fault, retryable, throttling, possiblyApplied,
//! $metadata?, hint?, field?, rule? }`.

use crate::js_value::{self, MemberError};
use crate::output::Metadata;
use iot_transfer::{ErrorKind, TransferCertificateError};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// An error as the JavaScript layer reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Description<'a> {
    name: &'a str,
    code: &'a str,
    kind: &'a str,
    service_error: bool,
    message: &'a str,
    #[serde(rename = "$fault")]
    fault: &'a str,
    retryable: bool,
    throttling: bool,
    possibly_applied: bool,
    #[serde(rename = "$metadata", skip_serializing_if = "Option::is_none")]
    metadata: Option<Metadata<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
}

/// Describes `error` for the JavaScript layer. A cancelled call is an `AbortError`, the name the
/// JS SDK and `fetch` give an aborted request.
pub(crate) fn to_js(error: TransferCertificateError) -> JsValue {
    let validation = match error.kind() {
        ErrorKind::Validation(validation) => Some(validation),
        _ => None,
    };
    let code = if *error.kind() == ErrorKind::Cancelled { "AbortError" } else { error.code() };
    js_value::to_js(&Description {
        name: code,
        code,
        kind: error.kind().name(),
        service_error: error.kind().is_service_error(),
        message: error.message(),
        fault: error.fault().as_str(),
        retryable: error.is_retryable(),
        throttling: error.is_throttling(),
        possibly_applied: error.possibly_applied(),
        metadata: Some(Metadata::from(error.metadata())),
        hint: error.hint(),
        field: validation.map(|v| v.field().model_name()),
        rule: validation.map(|v| v.rule().to_string()),
    })
}

/// A configuration error raised while building the client, described like any other error.
pub(crate) fn config_error(error: &MemberError) -> JsValue {
    configuration_error(&error.to_string())
}

/// A call option of the wrong type (`abortSignal`), described as a configuration error.
pub(crate) fn option_error(message: &str) -> JsValue {
    configuration_error(message)
}

fn configuration_error(message: &str) -> JsValue {
    js_value::to_js(&Description {
        name: "ConfigurationError",
        code: "ConfigurationError",
        kind: "Configuration",
        service_error: false,
        message,
        fault: "client",
        retryable: false,
        throttling: false,
        possibly_applied: false,
        metadata: None,
        hint: None,
        field: None,
        rule: None,
    })
}
