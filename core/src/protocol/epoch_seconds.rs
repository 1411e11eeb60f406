//! restJson1 timestamps: JSON numbers of seconds since the Unix epoch, possibly fractional.

use serde::{Deserialize, Deserializer};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Deserializes an epoch-seconds member as `Some(time)`; a member of another type, or a number no
/// `SystemTime` can hold, as `None` (like [`optional_text`](super::optional_text), leniently).
pub(crate) fn optional_epoch_seconds<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<SystemTime>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(value.as_f64().and_then(from_epoch_seconds))
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
