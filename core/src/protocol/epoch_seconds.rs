//! restJson1 timestamps: JSON numbers of seconds since the Unix epoch, possibly fractional.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Deserializes an epoch-seconds member as `Some(time)`; a member of another type, or a number no
/// `SystemTime` can hold, as `None` (like [`optional_text`](super::optional_text), leniently).
pub(crate) fn optional_epoch_seconds<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<SystemTime>, D::Error> {
    deserializer.deserialize_any(SecondsOrNothing)
}

/// Reads a number as seconds and skips anything else.
struct SecondsOrNothing;

impl<'de> Visitor<'de> for SecondsOrNothing {
    type Value = Option<SystemTime>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_f64<E: de::Error>(self, seconds: f64) -> Result<Self::Value, E> {
        Ok(from_epoch_seconds(seconds))
    }

    fn visit_i64<E: de::Error>(self, seconds: i64) -> Result<Self::Value, E> {
        Ok(from_epoch_seconds(seconds as f64))
    }

    fn visit_u64<E: de::Error>(self, seconds: u64) -> Result<Self::Value, E> {
        Ok(from_epoch_seconds(seconds as f64))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
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
        #[serde(default, deserialize_with = "optional_epoch_seconds")]
        at: Option<SystemTime>,
    }

    fn at(json: &str) -> Option<SystemTime> {
        serde_json::from_str::<Body>(json).unwrap().at
    }

    #[test]
    fn whole_and_fractional_seconds() {
        assert_eq!(at(r#"{"at":1700000000}"#), Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000)));
        assert_eq!(at(r#"{"at":1.5}"#), Some(UNIX_EPOCH + Duration::from_millis(1500)));
    }

    #[test]
    fn other_types_and_unrepresentable_numbers_are_none() {
        for other in [r#""2024-01-01""#, "null", "true", "[]", "{}", "1e300"] {
            assert_eq!(at(&format!(r#"{{"at":{other}}}"#)), None, "{other}");
        }
        assert_eq!(at("{}"), None);
    }
}
