//! Text as the package reads it from JavaScript: well-formed, a lone surrogate being an error
//! rather than a replacement character. A message says what was expected and never repeats the
//! value (it may be a secret put in the wrong member).

use serde::de::{Deserializer, Error};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// What a string member with a lone surrogate is told, which `as_string` would silently replace.
pub(crate) const LONE_SURROGATE: &str = "must be well-formed Unicode text (it has a lone surrogate)";

/// Why a JavaScript value is not usable text.
pub(crate) enum NotText {
    /// It is not a string.
    WrongType,
    /// It is a string with a lone surrogate, which converting would replace with U+FFFD.
    LoneSurrogate,
}

/// The string `value` holds, exactly. The conversion replaces a lone surrogate with U+FFFD, so
/// only a result holding U+FFFD is checked unit by unit (`is_valid_utf16` makes one call into
/// JavaScript per UTF-16 unit, too slow for every member of every call).
pub(crate) fn well_formed_text(value: &JsValue) -> Result<String, NotText> {
    let text = value.as_string().ok_or(NotText::WrongType)?;
    if text.contains('\u{FFFD}') && !value.unchecked_ref::<js_sys::JsString>().is_valid_utf16() {
        return Err(NotText::LoneSurrogate);
    }
    Ok(text)
}

/// A string member, well-formed: a lone surrogate is an error, not a replacement character.
pub(crate) struct Text(pub(crate) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
        match well_formed_text(&value) {
            Ok(text) => Ok(Text(text)),
            Err(NotText::WrongType) => Err(D::Error::custom("must be a string")),
            Err(NotText::LoneSurrogate) => Err(D::Error::custom(LONE_SURROGATE)),
        }
    }
}
