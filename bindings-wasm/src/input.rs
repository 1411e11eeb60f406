//! `{ certificateId, targetAwsAccount, transferMessage? }` to the core's input. A member of the
//! wrong type, or a string with a lone surrogate, is a validation error naming it, as the core
//! reports every other broken rule.

use crate::js_value::read_object;
use crate::member_types::{well_formed_text, NotText};
use iot_transfer::{InputField, TransferCertificateError, TransferCertificateInput, ValidationError, ValidationRule};
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// The members of the input, as JavaScript gives them; each is checked by [`text`].
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct InputObject {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    certificate_id: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    target_aws_account: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    transfer_message: JsValue,
}

/// Reads the input object; missing members (or a missing object) become empty strings, so that
/// the core reports them as required.
pub(crate) fn from_js(input: &JsValue) -> Result<TransferCertificateInput, TransferCertificateError> {
    // Every member is read as it is, so only a value that is not an object can fail here.
    let object: InputObject =
        if input.is_object() { read_object(input.clone(), "").unwrap_or_default() } else { InputObject::default() };
    Ok(TransferCertificateInput {
        certificate_id: text(InputField::CertificateId, object.certificate_id)?.unwrap_or_default(),
        target_aws_account: text(InputField::TargetAwsAccount, object.target_aws_account)?.unwrap_or_default(),
        transfer_message: text(InputField::TransferMessage, object.transfer_message)?,
    })
}

/// A string member: `None` when not set (`null`, `undefined`), an error when it is not a string
/// or not well-formed (a lone surrogate, which converting would silently replace).
fn text(field: InputField, value: JsValue) -> Result<Option<String>, ValidationError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let rule = match well_formed_text(&value) {
        Ok(text) => return Ok(Some(text)),
        Err(NotText::WrongType) => ValidationRule::WrongType { expected: "string" },
        Err(NotText::LoneSurrogate) => ValidationRule::LoneSurrogate,
    };
    Err(ValidationError::new(field, rule))
}
