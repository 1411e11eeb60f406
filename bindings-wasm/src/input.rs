//! `{ certificateId, targetAwsAccount, transferMessage? }` to the core's input. A member of the
//! wrong type is a validation error naming it, as the core reports every other broken rule.

use crate::js_value::read_object;
use crate::member_types::{Text, LONE_SURROGATE};
use iot_transfer::{InputField, TransferCertificateError, TransferCertificateInput, ValidationError, ValidationRule};
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// The members of the input, as JavaScript gives them.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct InputObject {
    certificate_id: Option<Text>,
    target_aws_account: Option<Text>,
    transfer_message: Option<Text>,
}

/// The members a wrong type can be reported for, by their model names.
const FIELDS: [InputField; 3] = [InputField::CertificateId, InputField::TargetAwsAccount, InputField::TransferMessage];

/// Reads the input object; missing members (or a missing object) become empty strings, so that
/// the core reports them as required.
pub(crate) fn from_js(input: &JsValue) -> Result<TransferCertificateInput, TransferCertificateError> {
    let object = if input.is_object() {
        read_object::<InputObject>(input.clone(), "").map_err(|error| {
            // Only the members above are read, so the path names one of them.
            let field =
                FIELDS.into_iter().find(|f| f.model_name() == error.path()).unwrap_or(InputField::CertificateId);
            let rule = if error.message().contains(LONE_SURROGATE) {
                ValidationRule::LoneSurrogate
            } else {
                ValidationRule::WrongType { expected: "string" }
            };
            ValidationError::new(field, rule)
        })?
    } else {
        InputObject::default()
    };
    Ok(TransferCertificateInput {
        certificate_id: object.certificate_id.map(|t| t.0).unwrap_or_default(),
        target_aws_account: object.target_aws_account.map(|t| t.0).unwrap_or_default(),
        transfer_message: object.transfer_message.map(|t| t.0),
    })
}
