//! Which member of a JavaScript object a struct could not read. serde's errors do not say, so the
//! struct's member names are asked of its `Deserialize` impl and each member is read alone.

use js_sys::{Object, Reflect};
use serde::de::{DeserializeOwned, Deserializer, Visitor};
use std::fmt;
use wasm_bindgen::JsValue;

/// The first of `T`'s members, in declaration order, that `T` cannot read from `object` alone,
/// and why. Every member of the structs the binding reads is optional, so an object holding one
/// member alone reads unless that member is wrong.
pub(crate) fn failing_member<T: DeserializeOwned>(
    object: &JsValue,
) -> Option<(&'static str, serde_wasm_bindgen::Error)> {
    member_names::<T>().iter().find_map(|&name| {
        let key = JsValue::from_str(name);
        let alone = Object::new();
        Reflect::set(&alone, &key, &Reflect::get(object, &key).ok()?).ok()?;
        let error = T::deserialize(serde_wasm_bindgen::Deserializer::from(JsValue::from(alone))).err()?;
        Some((name, error))
    })
}

/// The member names serde's derive gives for `T` when it is a struct (renamed as in JavaScript,
/// in declaration order); empty for any other type.
fn member_names<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(MemberNames) {
        Err(MembersFound(names)) => names,
        Ok(_) => &[],
    }
}

/// A deserializer that only asks what members a struct has.
struct MemberNames;

/// What [`MemberNames`] found: the member names of a struct, or none.
#[derive(Debug)]
struct MembersFound(&'static [&'static str]);

impl fmt::Display for MembersFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} members", self.0.len())
    }
}

impl std::error::Error for MembersFound {}

impl serde::de::Error for MembersFound {
    fn custom<M: fmt::Display>(_message: M) -> Self {
        MembersFound(&[])
    }
}

impl<'de> Deserializer<'de> for MemberNames {
    type Error = MembersFound;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, MembersFound> {
        Err(MembersFound(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, MembersFound> {
        Err(MembersFound(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}
