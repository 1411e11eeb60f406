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

    /// Given the `Date` header of a response refusing a request signed for `signed_at`: whether
    /// that time was at least five minutes from the service's, so that the request, signed again
    /// now, may pass. Keeps a new offset when the corrected clock is still that far off (another
    /// call refused at the same time may already have corrected it: its request is resent too).
    pub(crate) fn correct(&self, server_date: &str, local_now: SystemTime, signed_at: SystemTime) -> bool {
        let Ok(server_time) = httpdate::parse_http_date(server_date) else {
            return false;
        };
        let is_skew =
            |time: SystemTime| millis_between(time, server_time).unsigned_abs() >= SKEW_THRESHOLD.as_millis() as u64;
        if !is_skew(signed_at) {
            return false;
        }
        if is_skew(self.apply(local_now)) {
            self.millis.store(millis_between(local_now, server_time), Ordering::Relaxed);
        }
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
        assert!(offset.correct(&date, local, local));
        assert_eq!(offset.millis(), 3_600_000);
        assert_eq!(offset.apply(local), server);
        // A request signed with the corrected time was not refused for its time.
        assert!(!offset.correct(&date, local, offset.apply(local)));
    }

    #[test]
    fn a_request_signed_before_another_call_corrected_the_clock_is_resent() {
        // Found by the soak (service clock 20 minutes ahead, 32 calls in flight): the calls refused
        // after the first one corrected the offset were not resent and failed.
        let offset = ClockOffset::default();
        let date = httpdate::fmt_http_date(at(1_700_000_000));
        let local = at(1_700_000_000 - 1200);
        assert!(offset.correct(&date, local, local));
        assert!(offset.correct(&date, local, local), "signed with the old time: resend");
        assert_eq!(offset.millis(), 1_200_000);
    }

    #[test]
    fn ignores_small_differences_and_bad_dates() {
        let offset = ClockOffset::default();
        let date = httpdate::fmt_http_date(at(1_700_000_000));
        assert!(!offset.correct(&date, at(1_700_000_000 - 240), at(1_700_000_000 - 240)));
        assert!(!offset.correct("yesterday", at(0), at(0)));
        assert_eq!(offset.millis(), 0);
    }

    #[test]
    fn corrects_a_clock_that_runs_ahead() {
        let offset = ClockOffset::default();
        let date = httpdate::fmt_http_date(at(1_700_000_000));
        assert!(offset.correct(&date, at(1_700_000_000 + 900), at(1_700_000_000 + 900)));
        assert_eq!(offset.millis(), -900_000);
    }
}
