//! The operations' inputs read from JavaScript objects and their outputs written as plain
//! objects (timestamps as `Date`s, the metadata as `$metadata`), expanded from the core's one
//! declaration ([`iot_transfer::for_each_shape!`]): a member added there is read or written here.

use crate::member_types::{well_formed_text, NotText};
use crate::output::Metadata;
use iot_transfer::operation::shapes::*;
use iot_transfer::{InputField, ValidationError, ValidationRule};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wasm_bindgen::JsValue;

/// An input read from a JavaScript object. A member of the wrong type, or a string with a lone
/// surrogate, is a validation error naming it; a missing required string is empty, which the core
/// reports as required.
pub(crate) trait FromJs: Sized {
    fn from_js(value: &JsValue) -> Result<Self, ValidationError>;
}

/// One member's type, read from its JavaScript value (`undefined` and `null` count as not set).
trait ReadMember: Sized {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError>;
}

/// The member named `name`, looked up only when a value is refused, off the path of a good call.
fn field_named(name: &'static str) -> InputField {
    // Every input member is an InputField (core's shapes test `every_input_member_is_an_input_field`).
    InputField::from_model_name(name).unwrap_or_else(|| unreachable!("every input member is an InputField: {name}"))
}

fn wrong_type(name: &'static str, expected: &'static str) -> ValidationError {
    ValidationError::new(field_named(name), ValidationRule::WrongType { expected })
}

fn unset(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

impl ReadMember for Option<String> {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        if unset(&value) {
            return Ok(None);
        }
        match well_formed_text(&value) {
            Ok(text) => Ok(Some(text)),
            Err(NotText::WrongType) => Err(wrong_type(name, "string")),
            Err(NotText::LoneSurrogate) => Err(ValidationError::new(field_named(name), ValidationRule::LoneSurrogate)),
        }
    }
}

impl ReadMember for String {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        Option::<String>::read(name, value).map(Option::unwrap_or_default)
    }
}

impl ReadMember for Option<bool> {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        if unset(&value) {
            return Ok(None);
        }
        value.as_bool().map(Some).ok_or_else(|| wrong_type(name, "boolean"))
    }
}

impl ReadMember for bool {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        Option::<bool>::read(name, value).map(Option::unwrap_or_default)
    }
}

impl ReadMember for Option<i32> {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        if unset(&value) {
            return Ok(None);
        }
        match value.as_f64() {
            // Out of i32's range saturates (`as` does), and the core's range check then names the
            // rule and the value.
            Some(n) if n.fract() == 0.0 => Ok(Some(n as i32)),
            _ => Err(wrong_type(name, "whole number")),
        }
    }
}

impl ReadMember for u32 {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        match value.as_f64() {
            // Above u32's range saturates (`as` does), and the core's range check then names the
            // rule and the value.
            Some(n) if n.fract() == 0.0 && n >= 0.0 => Ok(n as u32),
            _ if unset(&value) => Ok(0),
            _ => Err(wrong_type(name, "non-negative whole number")),
        }
    }
}

impl ReadMember for Vec<String> {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        if unset(&value) {
            return Ok(Vec::new());
        }
        if !js_sys::Array::is_array(&value) {
            return Err(wrong_type(name, "list of strings"));
        }
        js_sys::Array::from(&value).iter().map(|item| String::read(name, item)).collect()
    }
}

impl ReadMember for CertificateStatus {
    fn read(name: &'static str, value: JsValue) -> Result<Self, ValidationError> {
        Ok(CertificateStatus::from_name(String::read(name, value)?))
    }
}

/// A core value as it is written to JavaScript.
pub(crate) trait WriteJs {
    /// Writes the value with `serializer` (serde-wasm-bindgen's).
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Whether a member holding it is left out of its object (an absent option, as the JS SDK
    /// leaves it out).
    fn absent(&self) -> bool {
        false
    }
}

/// A core value written as JavaScript: `Js(&value).serialize(...)`.
pub(crate) struct Js<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: WriteJs + ?Sized> Serialize for Js<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

macro_rules! plain {
    ($($type:ty),*) => {$(
        impl WriteJs for $type {
            fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.serialize(serializer)
            }
        }
    )*};
}

plain!(String, bool, i32, u16, u32, f64);

impl<T: WriteJs> WriteJs for Option<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.write(serializer),
            None => serializer.serialize_none(),
        }
    }

    fn absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: WriteJs> WriteJs for Vec<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Js(item))?;
        }
        seq.end()
    }
}

/// A timestamp is a JavaScript `Date`, as the JS SDK returns it.
impl WriteJs for SystemTime {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let millis = match self.duration_since(UNIX_EPOCH) {
            Ok(after) => after.as_secs_f64() * 1000.0,
            Err(before) => -before.duration().as_secs_f64() * 1000.0,
        };
        let date: JsValue = js_sys::Date::new(&JsValue::from_f64(millis)).into();
        serde_wasm_bindgen::preserve::serialize(&date, serializer)
    }
}

/// A duration is a number of milliseconds.
impl WriteJs for Duration {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_millis() as f64)
    }
}

/// The metadata as the JS SDK's `$metadata`.
impl WriteJs for ResponseMetadata {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Metadata::from(self).serialize(serializer)
    }
}

/// The status as the service spells it (`PENDING_TRANSFER`), as the JS SDK gives it.
impl WriteJs for CertificateStatus {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The JavaScript name of a member: camelCase, and `$metadata` for the metadata.
fn member_name(camel: &'static str) -> &'static str {
    if camel == "metadata" {
        "$metadata"
    } else {
        camel
    }
}

/// A declared default as its member's value: the same value, or an empty list for `[]`.
trait Declared<T> {
    fn declared(self) -> T;
}

impl<T> Declared<T> for T {
    fn declared(self) -> T {
        self
    }
}

impl Declared<Vec<String>> for [String; 0] {
    fn declared(self) -> Vec<String> {
        Vec::new()
    }
}

/// A member read from `value`; one left out (or `null`) is its declared default, when it has one.
macro_rules! read_member {
    ($name:expr, $value:expr, $ty:ty) => {
        <$ty as ReadMember>::read($name, $value)?
    };
    ($name:expr, $value:expr, $ty:ty, $default:expr) => {
        if unset(&$value) {
            <_ as Declared<$ty>>::declared($default)
        } else {
            <$ty as ReadMember>::read($name, $value)?
        }
    };
}

macro_rules! js_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $($inputs:tt)* }
        records { $($records:tt)* }
        status { $($status:tt)* }
        enums { $($enums:tt)* }
    ) => {
        js_shapes!(@inputs $($inputs)*);
        js_shapes!(@records $($records)*);
        js_shapes!(@enums $($enums)*);
    };
    (@inputs $(
        $(#[$sattr:meta])*
        struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)? }
    )*) => { pastey::paste! { $(
        impl FromJs for $record {
            // An input with no member reads nothing.
            #[allow(unused_variables)]
            fn from_js(value: &JsValue) -> Result<Self, ValidationError> {
                let object = if value.is_object() { value.clone() } else { js_sys::Object::new().into() };
                Ok(Self { $(
                    $field: {
                        let name = stringify!([<$field:lower_camel>]);
                        let value = js_sys::Reflect::get(&object, &name.into()).unwrap_or_default();
                        read_member!(name, value, $fty $(, $default)?)
                    },
                )* })
            }
        }
    )* } };
    (@records $(
        $(#[$sattr:meta])*
        struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty ),* $(,)? }
    )*) => { pastey::paste! { $(
        impl WriteJs for $record {
            fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $(
                    if !self.$field.absent() {
                        map.serialize_entry(member_name(stringify!([<$field:lower_camel>])), &Js(&self.$field))?;
                    }
                )*
                map.end()
            }
        }
    )* } };
    (@enums $(
        $(#[$eattr:meta])*
        enum $enum:ident { $(
            $(#[$vattr:meta])*
            $variant:ident $( { $( $(#[$vfattr:meta])* $vfield:ident: $vfty:ty ),* $(,)? } )?
        ),* $(,)? }
    )*) => { pastey::paste! { $(
        /// `{ type: "Variant", ...members }`.
        impl WriteJs for $enum {
            fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                match self { $(
                    $enum::$variant $( { $($vfield),* } )? => {
                        map.serialize_entry("type", stringify!($variant))?;
                        $($( map.serialize_entry(stringify!([<$vfield:lower_camel>]), &Js($vfield))?; )*)?
                    }
                )* }
                map.end()
            }
        }
    )* } };
}

iot_transfer::for_each_shape!(js_shapes);

/// Writes a core value as plain JavaScript objects.
pub(crate) fn to_js<T: WriteJs>(value: &T) -> JsValue {
    crate::js_value::to_js(&Js(value))
}
