//! Clock-skew correction: when the service rejects a request's time and its `Date` header shows
//! the local clock is minutes off, the client keeps the difference and signs with corrected time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A difference at least this large between the service's `Date` and the local clock is skew.
const SKEW_THRESHOLD: Duration = Duration::from_secs(5 * 60);

/// The offset (service time minus local time) a client adds to its clock when signing.
#[derive(Debug, Default)]
pub(crate) struct ClockOffset {
    millis: AtomicI64,
}

impl ClockOffset {
    /// `now` corrected by the offset.
    pub(crate) fn apply(&self, now: SystemTime) -> SystemTime {
        shift(now, self.millis.load(Ordering::Relaxed))
    }

    /// Given a response's `Date` header, keeps a new offset when the corrected clock is still at
    /// least five minutes away from the service's; returns whether it did.
    pub(crate) fn correct(&self, server_date: &str, local_now: SystemTime) -> bool {
        let Ok(server_time) = httpdate::parse_http_date(server_date) else {
            return false;
        };
        let corrected = self.apply(local_now);
        let gap = millis_between(corrected, server_time);
        if gap.unsigned_abs() < SKEW_THRESHOLD.as_millis() as u64 {
            return false;
        }
        self.millis.store(millis_between(local_now, server_time), Ordering::Relaxed);
        true
    }

    /// The current offset in milliseconds (service time minus local time).
    #[cfg(test)]
    pub(crate) fn millis(&self) -> i64 {
        self.millis.load(Ordering::Relaxed)
    }
}

fn millis_of(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_millis() as i64,
        Err(before) => -(before.duration().as_millis() as i64),
    }
}

/// `to - from` in milliseconds.
fn millis_between(from: SystemTime, to: SystemTime) -> i64 {
    millis_of(to) - millis_of(from)
}

fn shift(time: SystemTime, millis: i64) -> SystemTime {
    let amount = Duration::from_millis(millis.unsigned_abs());
    if millis >= 0 {
        time + amount
    } else {
        time - amount
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn keeps_the_offset_when_the_service_is_minutes_away() {
        let offset = ClockOffset::default();
        let server = at(1_700_000_000);
        let date = httpdate::fmt_http_date(server);
        let local = at(1_700_000_000 - 3600);
        assert!(offset.correct(&date, local));
        assert_eq!(offset.millis(), 3_600_000);
        assert_eq!(offset.apply(local), server);
        // Once corrected, the same date is no longer skew.
        assert!(!offset.correct(&date, local));
    }

    #[test]
    fn ignores_small_differences_and_bad_dates() {
        let offset = ClockOffset::default();
        let date = httpdate::fmt_http_date(at(1_700_000_000));
        assert!(!offset.correct(&date, at(1_700_000_000 - 240)));
        assert!(!offset.correct("yesterday", at(0)));
        assert_eq!(offset.millis(), 0);
    }

    #[test]
    fn corrects_a_clock_that_runs_ahead() {
        let offset = ClockOffset::default();
        let date = httpdate::fmt_http_date(at(1_700_000_000));
        assert!(offset.correct(&date, at(1_700_000_000 + 900)));
        assert_eq!(offset.millis(), -900_000);
    }
}
