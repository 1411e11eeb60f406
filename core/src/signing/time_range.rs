//! The span of signing times SigV4 can carry: its timestamp has a four-digit year, and
//! `aws-sigv4` panics on a time it cannot format.

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
}
