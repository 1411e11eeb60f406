//! `{ certificateId, targetAwsAccount, transferMessage? }` to the core's input. A member of the
//! wrong type is a validation error naming it, as the core reports every other broken rule.

use iot_transfer::{InputField, TransferCertificateError, TransferCertificateInput, ValidationError, ValidationRule};
use wasm_bindgen::JsValue;

/// Reads the input object; missing members become empty strings so that the core reports them
/// as required.
pub(crate) fn from_js(input: &JsValue) -> Result<TransferCertificateInput, TransferCertificateError> {
    let certificate_id = string_member(input, "certificateId", InputField::CertificateId)?.unwrap_or_default();
    let target_aws_account =
        string_member(input, "targetAwsAccount", InputField::TargetAwsAccount)?.unwrap_or_default();
    let transfer_message = string_member(input, "transferMessage", InputField::TransferMessage)?;
    Ok(TransferCertificateInput { certificate_id, target_aws_account, transfer_message })
}

fn string_member(input: &JsValue, name: &str, field: InputField) -> Result<Option<String>, TransferCertificateError> {
    let value = if input.is_object() {
        js_sys::Reflect::get(input, &name.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string() {
        Some(text) => Ok(Some(text)),
        None => Err(ValidationError::new(field, ValidationRule::WrongType { expected: "string" }).into()),
    }
}
