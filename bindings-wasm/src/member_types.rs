//! The scalar member types of the objects the package reads from JavaScript, each checked for
//! its type and range. Each reads its member as a JavaScript value first and checks it here, so a
//! message says what was expected and never repeats the value (it may be a secret put in the
//! wrong member).

use serde::de::{Deserializer, Error};
use serde::Deserialize;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// Reads the member as a JavaScript value and converts it with `read`, or fails with
/// `must be {expected}`.
fn checked<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    expected: &str,
    read: impl FnOnce(&JsValue) -> Option<T>,
) -> Result<T, D::Error> {
    let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
    read(&value).ok_or_else(|| D::Error::custom(format_args!("must be {expected}")))
}

/// What a string member with a lone surrogate is told, which `as_string` would silently replace.
const LONE_SURROGATE: &str = "must be well-formed Unicode text (it has a lone surrogate)";

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

/// A boolean member.
pub(crate) struct Flag(pub(crate) bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        checked(deserializer, "a boolean", JsValue::as_bool).map(Flag)
    }
}

/// A duration member: a finite, non-negative number of milliseconds (fractions dropped; a
/// duration too long to hold is the longest one).
pub(crate) struct Millis(pub(crate) Duration);

impl<'de> Deserialize<'de> for Millis {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        checked(deserializer, "a non-negative number of milliseconds", |value| {
            // `as u64` saturates, so a huge but finite number is the longest duration.
            value.as_f64().filter(|n| n.is_finite() && *n >= 0.0).map(|n| Duration::from_millis(n as u64))
        })
        .map(Millis)
    }
}

/// A retry mode: `"standard"` or `"adaptive"`, as the JS SDK's `retryMode`.
pub(crate) struct Mode(pub(crate) iot_transfer::RetryMode);

impl<'de> Deserialize<'de> for Mode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        checked(deserializer, "\"standard\" or \"adaptive\"", |value| {
            value.as_string().and_then(|name| iot_transfer::RetryMode::from_name(&name))
        })
        .map(Mode)
    }
}

/// An attempt count: a whole number from 1 to `u32::MAX`.
pub(crate) struct Attempts(pub(crate) u32);

impl<'de> Deserialize<'de> for Attempts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        checked(deserializer, "a whole number from 1 to 4294967295", |value| {
            value.as_f64().filter(|n| n.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(n)).map(|n| n as u32)
        })
        .map(Attempts)
    }
}
