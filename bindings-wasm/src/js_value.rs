//! Conversions between JavaScript values and the binding's serde types, with serde-wasm-bindgen:
//! reading an object into a struct (an error names the member path, such as `timeouts.attempt`)
//! and writing a struct as a plain object.

use crate::thrown::Thrown;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;
use wasm_bindgen::JsValue;

/// A member of a JavaScript object that could not be read: where it is and what it must be.
#[derive(Debug)]
pub(crate) struct MemberError {
    path: String,
    message: String,
}

impl MemberError {
    /// The member at `path` (empty for the object itself) and what is wrong, such as
    /// `must be a string`.
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for MemberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} {}", self.path, self.message)
        }
    }
}

/// Reads the object `value`, found at `at` (empty at the top), into `T`. Unknown members are
/// ignored; `null` and `undefined` members count as not set. `serde_path_to_error` says which
/// member a failure is about.
pub(crate) fn read_object<T: DeserializeOwned>(value: JsValue, at: &str) -> Result<T, MemberError> {
    if !value.is_object() {
        return Err(MemberError::new(at, "must be an object"));
    }
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|error| {
        // An empty path prints as ".".
        let member = error.path().to_string();
        let path = match (at, member.as_str()) {
            (at, ".") => at.to_owned(),
            ("", member) => member.to_owned(),
            (at, member) => format!("{at}.{member}"),
        };
        let message = Thrown::read(&error.into_inner().into()).message;
        MemberError::new(path, message.unwrap_or_else(|| "could not be read".into()))
    })
}

/// Writes `value` as plain JavaScript objects (maps too), strings, numbers and booleans.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    // The binding's output types hold only strings, numbers, booleans, options, maps and
    // preserved JavaScript values, which serde-wasm-bindgen always converts; were one to fail,
    // its JavaScript error is returned in place of the object.
    value.serialize(&serializer).unwrap_or_else(JsValue::from)
}
