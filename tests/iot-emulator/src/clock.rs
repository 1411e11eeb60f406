//! The emulator's clock: the machine's time plus an adjustable skew (a fault), and the time
//! formats the wire uses (SigV4's `x-amz-date`, epoch seconds in JSON bodies, ISO 8601 in the
//! credential services' expirations).

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// The service's notion of "now": the real time shifted by `skew`, so that tests can check a
/// client's clock-skew correction. Everything (the `Date` header, signature time checks and
/// resource timestamps) reads this clock.
#[derive(Debug, Default)]
pub struct Clock {
    skew_millis: AtomicI64,
}

impl Clock {
    /// The skewed current time.
    pub fn now(&self) -> SystemTime {
        let skew = self.skew_millis.load(Ordering::Relaxed);
        let magnitude = Duration::from_millis(skew.unsigned_abs());
        if skew >= 0 {
            SystemTime::now() + magnitude
        } else {
            SystemTime::now() - magnitude
        }
    }

    /// The skewed current time in milliseconds since the Unix epoch.
    pub fn now_millis(&self) -> i64 {
        millis_since_epoch(self.now())
    }

    /// Sets the skew in seconds (positive: the service's clock is ahead of the real time).
    pub fn set_skew_seconds(&self, seconds: i64) {
        self.skew_millis.store(seconds.saturating_mul(1000), Ordering::Relaxed);
    }

    /// The current skew in seconds.
    pub fn skew_seconds(&self) -> i64 {
        self.skew_millis.load(Ordering::Relaxed) / 1000
    }
}

/// Milliseconds since the Unix epoch (negative before it).
pub fn millis_since_epoch(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

/// The time at `millis` since the Unix epoch.
pub fn time_from_millis(millis: i64) -> SystemTime {
    let magnitude = Duration::from_millis(millis.unsigned_abs());
    if millis >= 0 {
        UNIX_EPOCH + magnitude
    } else {
        UNIX_EPOCH - magnitude
    }
}

/// A timestamp as restJson1 sends it by default: epoch seconds, with milliseconds as a fraction.
pub fn epoch_seconds_json(millis: i64) -> serde_json::Value {
    if millis % 1000 == 0 {
        serde_json::Value::from(millis / 1000)
    } else {
        serde_json::Value::from(millis as f64 / 1000.0)
    }
}

/// Parses SigV4's basic ISO 8601 form, `YYYYMMDDTHHMMSSZ`.
pub fn parse_amz_date(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = text.get(range)?;
        if !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    let month = Month::try_from(u8::try_from(number(4..6)?).ok()?).ok()?;
    let day = u8::try_from(number(6..8)?).ok()?;
    let hour = u8::try_from(number(9..11)?).ok()?;
    let minute = u8::try_from(number(11..13)?).ok()?;
    let second = u8::try_from(number(13..15)?).ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time_of_day = Time::from_hms(hour, minute, second).ok()?;
    let seconds = PrimitiveDateTime::new(date, time_of_day).assume_utc().unix_timestamp();
    Some(time_from_millis(seconds.checked_mul(1000)?))
}

/// Formats a time in SigV4's basic ISO 8601 form, `YYYYMMDDTHHMMSSZ`.
pub fn format_amz_date(time: SystemTime) -> String {
    let seconds = millis_since_epoch(time).div_euclid(1000);
    let moment = OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        moment.year(),
        u8::from(moment.month()),
        moment.day(),
        moment.hour(),
        moment.minute(),
        moment.second()
    )
}

/// Formats a time as ISO 8601 in UTC to the second, `YYYY-MM-DDTHH:MM:SSZ`, as STS, IMDS and
/// the container endpoint write credential expirations.
pub fn format_iso8601(time: SystemTime) -> String {
    let basic = format_amz_date(time);
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &basic[..4],
        &basic[4..6],
        &basic[6..8],
        &basic[9..11],
        &basic[11..13],
        &basic[13..15]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amz_dates_round_trip() {
        let time = parse_amz_date("20240229T235959Z").unwrap();
        assert_eq!(millis_since_epoch(time), 1_709_251_199_000);
        assert_eq!(format_amz_date(time), "20240229T235959Z");
    }

    #[test]
    fn iso8601_has_dashes_and_colons() {
        assert_eq!(format_iso8601(time_from_millis(1_709_251_199_500)), "2024-02-29T23:59:59Z");
    }

    #[test]
    fn malformed_amz_dates_are_refused() {
        for text in ["20240230T000000Z", "2024-02-29T00:00:00Z", "20240229T000000", "2024022xT000000Z"] {
            assert_eq!(parse_amz_date(text), None, "{text}");
        }
    }

    #[test]
    fn skew_moves_now() {
        let clock = Clock::default();
        clock.set_skew_seconds(-3600);
        let lag = millis_since_epoch(SystemTime::now()) - clock.now_millis();
        assert!((3_599_000..3_601_000).contains(&lag), "{lag}");
        assert_eq!(clock.skew_seconds(), -3600);
    }

    #[test]
    fn whole_seconds_are_integers_in_json() {
        assert_eq!(epoch_seconds_json(1_700_000_000_000).to_string(), "1700000000");
        assert_eq!(epoch_seconds_json(1_700_000_000_250).to_string(), "1700000000.25");
    }
}
