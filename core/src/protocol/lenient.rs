//! Lenient serde fields. Error bodies and outputs are read with serde derives; a member of an
//! unexpected type (a number where a message was expected) must not make the whole body
//! unreadable, as botocore and the JS SDK ignore such members too. One visitor reads any JSON
//! value as text, a number or something else (skipped); the fields keep what they expect.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Deserializes a string member as `Some`, anything else (number, object, null, ...) as `None`.
pub(crate) fn optional_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Scalar::deserialize(deserializer)? {
        Scalar::Text(text) => Some(text),
        _ => None,
    })
}

/// Deserializes a restJson1 timestamp (a JSON number of seconds since the Unix epoch, possibly
/// fractional) as `Some(time)`; a member of another type, or a number no `SystemTime` can hold,
/// as `None`.
pub(crate) fn optional_epoch_seconds<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<SystemTime>, D::Error> {
    Ok(match Scalar::deserialize(deserializer)? {
        Scalar::Number(seconds) => from_epoch_seconds(seconds),
        _ => None,
    })
}

/// Deserializes a model `Integer` member (a whole JSON number within `i32`) as `Some`; anything
/// else (a fraction, a number out of range, a string, ...) as `None`.
pub(crate) fn optional_integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i32>, D::Error> {
    Ok(match Scalar::deserialize(deserializer)? {
        Scalar::Number(n) if n.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&n) => {
            Some(n as i32)
        }
        _ => None,
    })
}

/// Any JSON value, seen only as far as the lenient fields need.
enum Scalar {
    Text(String),
    Number(f64),
    Other,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Scalar, E> {
        Ok(Scalar::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(value as f64))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// The time `seconds` after (or before, when negative) the Unix epoch, if representable.
fn from_epoch_seconds(seconds: f64) -> Option<SystemTime> {
    let offset = Duration::try_from_secs_f64(seconds.abs()).ok()?;
    if seconds >= 0.0 {
        UNIX_EPOCH.checked_add(offset)
    } else {
        UNIX_EPOCH.checked_sub(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "optional_text")]
        text: Option<String>,
        #[serde(default, deserialize_with = "optional_epoch_seconds")]
        at: Option<SystemTime>,
        #[serde(default, deserialize_with = "optional_integer")]
        count: Option<i32>,
    }

    fn body(json: &str) -> Body {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn strings_are_kept_and_everything_else_is_none() {
        assert_eq!(body(r#"{"text":"a\"b"}"#).text.as_deref(), Some("a\"b"));
        assert_eq!(body("{}").text, None);
        for other in ["5", "-1", "1.5", "true", "null", "[1,[2]]", r#"{"a":{"b":[]}}"#] {
            assert_eq!(body(&format!(r#"{{"text":{other}}}"#)).text, None, "{other}");
        }
    }

    #[test]
    fn integers_whole_and_in_range_else_none() {
        assert_eq!(body(r#"{"count":3}"#).count, Some(3));
        assert_eq!(body(r#"{"count":-2147483648}"#).count, Some(i32::MIN));
        for other in ["1.5", "2147483648", "\"3\"", "true", "null", "[3]"] {
            assert_eq!(body(&format!(r#"{{"count":{other}}}"#)).count, None, "{other}");
        }
    }

    #[test]
    fn timestamps_in_whole_and_fractional_seconds() {
        assert_eq!(body(r#"{"at":1700000000}"#).at, Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000)));
        assert_eq!(body(r#"{"at":1.5}"#).at, Some(UNIX_EPOCH + Duration::from_millis(1500)));
    }

    #[test]
    fn other_types_and_unrepresentable_timestamps_are_none() {
        for other in [r#""2024-01-01""#, "null", "true", "[]", "{}", "1e300"] {
            assert_eq!(body(&format!(r#"{{"at":{other}}}"#)).at, None, "{other}");
        }
        assert_eq!(body("{}").at, None);
    }
}
