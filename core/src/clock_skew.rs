//! Clock-skew correction, as smithy-rs does it (`aws-runtime` `service_clock_skew.rs`,
//! `ServiceClockSkewInterceptor` and `ServiceClockSkewClassifier`): the `Date` header of every
//! response, success or error, sets the client's clock offset, measured from the middle of the
//! round trip; a response served from a cache (with an `Age` header) or after a round trip of over
//! 15 minutes is not trusted. A request refused with a clock-skew code whose signing time was more
//! than 4 minutes from the service's clock is signed again with the corrected time and resent.
//!
//! The JS SDK (`@aws-sdk/core` `AwsSdkSigV4Signer`, `getUpdatedSystemClockOffset`) also learns from
//! every response and skips the same responses, with the same 4-minute threshold
//! (`clockSkewCorrected`), but measures from the time the response arrived.

use http::HeaderMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A refused request whose signing time is further than this from the service's clock was
/// refused for its time (smithy-rs `SKEW_DETECTION_THRESHOLD`; the JS SDK's 240,000 ms).
const SKEW_THRESHOLD: Duration = Duration::from_secs(4 * 60);

/// A response whose round trip took longer than this says too little about the service's clock
/// (smithy-rs `MAX_TRUSTED_REQUEST_DURATION`; the JS SDK's 900,000 ms).
const MAX_TRUSTED_ROUND_TRIP: Duration = Duration::from_secs(15 * 60);

/// The error codes with which a service refuses a request for its time. smithy-rs's list less
/// `AccessDeniedException`, plus `RequestExpired` and `RequestInTheFuture` from the JS SDK's
/// (`CLOCK_SKEW_ERROR_CODES`, which also has `AccessDeniedException`): a denied action is refused
/// after the signature and its time were accepted, so signing it again cannot help.
const CLOCK_SKEW_CODES: &[&str] = &[
    "RequestTimeTooSkewed",
    "RequestExpired",
    "RequestInTheFuture",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure",
];

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

    /// Learns the offset from the headers of a response to a request sent at local time `sent`
    /// and answered at `received`: the service's time, from `Date`, minus the middle of the round
    /// trip. Returns the service's time when the response could be trusted for it.
    pub(crate) fn learn(&self, headers: &HeaderMap, sent: SystemTime, received: SystemTime) -> Option<SystemTime> {
        // `get`, not `contains_key`: one lookup function fewer in the WebAssembly package.
        if headers.get(http::header::AGE).is_some() {
            return None;
        }
        let date = headers.get(http::header::DATE)?.to_str().ok()?;
        let server_time = httpdate::parse_http_date(date).ok()?;
        let round_trip = received.duration_since(sent).unwrap_or_default();
        if round_trip > MAX_TRUSTED_ROUND_TRIP {
            return None;
        }
        self.millis.store(millis_between(sent + round_trip / 2, server_time), Ordering::Relaxed);
        Some(server_time)
    }

    /// The current offset in milliseconds (service time minus local time).
    #[cfg(test)]
    pub(crate) fn millis(&self) -> i64 {
        self.millis.load(Ordering::Relaxed)
    }
}

/// Whether a request signed for `signed_at` and refused with `code` by a service whose clock
/// read `server_time` was refused for its time, so that, signed again now, it may pass. It
/// depends on the request's own signing time, not on the offset: calls refused together are all
/// resent, whichever of them corrected the offset first.
pub(crate) fn refused_for_time(code: &str, server_time: SystemTime, signed_at: SystemTime) -> bool {
    CLOCK_SKEW_CODES.contains(&code)
        && millis_between(signed_at, server_time).unsigned_abs() > SKEW_THRESHOLD.as_millis() as u64
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
    let shifted = if millis >= 0 { time.checked_add(amount) } else { time.checked_sub(amount) };
    shifted.unwrap_or(time)
}

#[cfg(test)]
mod tests;
