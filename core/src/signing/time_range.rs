//! The span of signing times SigV4 can carry: its timestamp has a four-digit year, and
//! `aws-sigv4` panics on a time it cannot format.

use crate::operation::transfer_certificate::{InputField, ValidationError, ValidationRule};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds from the epoch to 9999-12-31T23:59:59Z, the last second a SigV4 timestamp can name.
const LAST_SECOND: u64 = 253_402_300_799;

/// 9999-12-31T23:59:59Z, the last second a SigV4 timestamp can name.
pub fn latest_signing_time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(LAST_SECOND)
}

/// Whether a request can be signed for `time`: from 1970-01-01T00:00:00Z to the end of
/// 9999-12-31T23:59:59Z (sub-seconds are dropped by the signer).
pub fn is_representable(time: SystemTime) -> bool {
    time.duration_since(UNIX_EPOCH).is_ok_and(|since| since.as_secs() <= LAST_SECOND)
}

/// The signing time `millis` milliseconds after the epoch (before it when negative), as a
/// JavaScript `Date` counts them, when SigV4 can carry it; fractions of a millisecond are dropped.
///
/// Hosts that count time this way convert here rather than building a `SystemTime` themselves:
/// on wasm32 a `SystemTime` cannot hold a time before 1970 at all, so the range is judged on the
/// number.
pub fn signing_time_from_epoch_millis(millis: f64) -> Result<SystemTime, ValidationError> {
    if !millis.is_finite() {
        let expected = "finite number of milliseconds since the epoch";
        return Err(ValidationError::new(InputField::SigningDate, ValidationRule::WrongType { expected }));
    }
    let out_of_range = || ValidationError::new(InputField::SigningDate, ValidationRule::SigningDateRange);
    // Finite and within 1970..=9999 (checked below), so the cast to u64 is exact in whole milliseconds.
    if millis < 0.0 || millis >= (LAST_SECOND + 1) as f64 * 1000.0 {
        return Err(out_of_range());
    }
    Ok(UNIX_EPOCH + Duration::from_millis(millis as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_is_1970_to_the_end_of_9999() {
        assert!(is_representable(UNIX_EPOCH));
        assert!(!is_representable(UNIX_EPOCH - Duration::from_nanos(1)));
        assert!(is_representable(latest_signing_time() + Duration::from_millis(999)));
        assert!(!is_representable(latest_signing_time() + Duration::from_secs(1)));
        assert_eq!(httpdate::fmt_http_date(latest_signing_time()), "Fri, 31 Dec 9999 23:59:59 GMT");
    }

    #[test]
    fn epoch_milliseconds_convert_within_the_span() {
        let rule = |millis: f64| signing_time_from_epoch_millis(millis).unwrap_err().rule().clone();
        assert_eq!(signing_time_from_epoch_millis(0.0).unwrap(), UNIX_EPOCH);
        assert_eq!(signing_time_from_epoch_millis(1.9).unwrap(), UNIX_EPOCH + Duration::from_millis(1));
        let last = 253_402_300_799_999.0;
        assert_eq!(signing_time_from_epoch_millis(last).unwrap(), latest_signing_time() + Duration::from_millis(999));
        for outside in [-1.0, -0.5, last + 1.0, 8.64e15, f64::MAX] {
            assert_eq!(rule(outside), ValidationRule::SigningDateRange, "{outside}");
        }
        for not_a_time in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(matches!(rule(not_a_time), ValidationRule::WrongType { .. }), "{not_a_time}");
        }
    }
}
