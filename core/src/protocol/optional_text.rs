//! A lenient serde field: a JSON string member as `Some(text)`, any other JSON value as `None`.
//!
//! Error bodies and outputs are read with serde derives; a member of an unexpected type (a
//! number where a message was expected) must not make the whole body unreadable, as botocore
//! and the JS SDK ignore such members too.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Deserializes a string member as `Some`, anything else (number, object, null, ...) as `None`.
pub(crate) fn optional_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    deserializer.deserialize_any(TextOrNothing)
}

struct TextOrNothing;

impl<'de> Visitor<'de> for TextOrNothing {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Some(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Some(value))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "super::optional_text")]
        text: Option<String>,
    }

    #[test]
    fn strings_are_kept_and_everything_else_is_none() {
        let text = |json: &str| serde_json::from_str::<Body>(json).unwrap().text;
        assert_eq!(text(r#"{"text":"a\"b"}"#).as_deref(), Some("a\"b"));
        assert_eq!(text(r#"{}"#), None);
        for other in ["5", "-1", "1.5", "true", "null", "[1,[2]]", r#"{"a":{"b":[]}}"#] {
            assert_eq!(text(&format!(r#"{{"text":{other}}}"#)), None, "{other}");
        }
    }
}
