//! The core's error to the plain description the JavaScript layer turns into an `Error` class:
//! `{ name, code, kind, message, $fault, $retryable, $metadata, field?, rule?, hint?, possiblyApplied }`.

use crate::output::{metadata_to_js, set};
use iot_transfer::{ErrorKind, TransferCertificateError};
use js_sys::Object;
use wasm_bindgen::JsValue;

/// Describes `error` for the JavaScript layer.
pub(crate) fn to_js(error: TransferCertificateError) -> JsValue {
    let object = Object::new();
    set(&object, "name", error.code().into());
    set(&object, "code", error.code().into());
    set(&object, "kind", error.kind().name().into());
    set(&object, "serviceError", error.kind().is_service_error().into());
    set(&object, "message", error.message().into());
    set(&object, "$fault", error.fault().as_str().into());
    set(&object, "retryable", error.is_retryable().into());
    set(&object, "throttling", error.is_throttling().into());
    set(&object, "possiblyApplied", error.possibly_applied().into());
    set(&object, "$metadata", metadata_to_js(error.metadata()));
    if let Some(hint) = error.hint() {
        set(&object, "hint", hint.into());
    }
    if let ErrorKind::Validation(validation) = error.kind() {
        set(&object, "field", validation.field().model_name().into());
        set(&object, "rule", validation.rule().to_string().into());
    }
    object.into()
}

/// A configuration error raised while building the client, described like any other error.
pub(crate) fn config_error(message: &str) -> JsValue {
    let object = Object::new();
    set(&object, "name", "ConfigurationError".into());
    set(&object, "code", "ConfigurationError".into());
    set(&object, "kind", "Configuration".into());
    set(&object, "serviceError", false.into());
    set(&object, "message", message.into());
    set(&object, "$fault", "client".into());
    set(&object, "retryable", false.into());
    set(&object, "throttling", false.into());
    set(&object, "possiblyApplied", false.into());
    object.into()
}
