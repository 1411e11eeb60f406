//! What a thrown JavaScript value says about itself, read without trusting its shape.

use crate::js_value::read_object;
use serde::de::Deserializer;
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// What a thrown JavaScript value says about itself: its `code` and `message` when they are
/// strings, or the thrown string.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Thrown {
    /// A Node error code, such as `ECONNREFUSED`.
    #[serde(default, deserialize_with = "lenient_text")]
    pub(crate) code: Option<String>,
    /// The error's message.
    #[serde(default, deserialize_with = "lenient_text")]
    pub(crate) message: Option<String>,
}

impl Thrown {
    /// Reads a thrown value; what it does not say is `None`. Every member is lenient, so the read
    /// cannot fail (and `read_object`'s error path, which reads serde's errors here, never loops).
    pub(crate) fn read(thrown: &JsValue) -> Thrown {
        if let Some(text) = thrown.as_string() {
            return Thrown { code: None, message: Some(text) };
        }
        read_object(thrown.clone(), "").unwrap_or_default()
    }
}

/// A member read as a string when it is one, and as not set otherwise.
fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
    Ok(value.as_string())
}
