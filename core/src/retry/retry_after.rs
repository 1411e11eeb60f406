//! The service's hint of how long to wait before a retry, read from an error response's headers.
//!
//! Two headers, read as the SDKs read them:
//! - `x-amz-retry-after`, in milliseconds, as botocore reads it (`botocore/retries/standard.py`,
//!   `ExponentialBackoff._get_retry_after_delay`): Python's `int()` of the value, so a whole
//!   number with optional surrounding spaces and sign; a negative value, a fraction or anything
//!   else is ignored; a value of any size is taken (it ends up bounded by the backoff plus 5 s).
//!   Python also takes `_` between digits; this does not. smithy-rs (`aws-runtime`
//!   `retries/classifiers.rs`) also takes only a whole number; the JS SDK takes any JavaScript
//!   number (`1.5`, `1e3`), which botocore ignores.
//! - `Retry-After`, which only the JS SDK reads (`@smithy/core`,
//!   `middleware-retry/parseRetryAfterHeader.ts`): seconds (`120` or `1.5`), or an HTTP date
//!   ending in `GMT` (IMF-fixdate or RFC 850), which counts from now and is nothing when past;
//!   two values joined as `<date> GMT, <seconds>` give the seconds; and a date in another form
//!   (here asctime, of the forms JavaScript's `Date.parse` reads) counts only if it is not past.
//!   Anything else is ignored.
//!
//! A header sent more than once is read as its values joined with `, `, as `fetch` and botocore's
//! urllib3 see it (so two `x-amz-retry-after` values are ignored, as in botocore). When both
//! headers are present and valid, `x-amz-retry-after` is used: the JS SDK takes whichever comes
//! first in the response, an order not every transport keeps; an invalid one of the two leaves the
//! other to be read, where the JS SDK would stop at the first.

use http::HeaderMap;
use std::time::{Duration, SystemTime};

/// The header botocore and smithy-rs read, in milliseconds.
const AMZ_RETRY_AFTER: &str = "x-amz-retry-after";

/// The wait an error response asks for before the next attempt, from its `x-amz-retry-after`
/// (milliseconds) or `Retry-After` (seconds or an HTTP date, counted from `now`) header; `None`
/// when neither is present and valid. It only ever raises the backoff, by at most 5 s (see
/// [`retry_delay`](super::retry_delay)). `now` should be the service's time as the client knows
/// it (its clock corrected by the offset learned from `Date` headers): the JS SDK counts from
/// the local clock.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let amz = joined(headers, AMZ_RETRY_AFTER).and_then(|value| milliseconds(&value));
    amz.or_else(|| joined(headers, http::header::RETRY_AFTER.as_str()).and_then(|value| seconds_or_date(&value, now)))
}

/// Every value of header `name` joined with `, `; `None` when it is absent or not text.
fn joined(headers: &HeaderMap, name: &str) -> Option<String> {
    let mut values = headers.get_all(name).iter().map(|value| value.to_str().ok());
    let mut text = values.next()??.to_owned();
    for value in values {
        text.push_str(", ");
        text.push_str(value?);
    }
    Some(text)
}

/// botocore's reading of `x-amz-retry-after`: `int(value) / 1000`, refused when negative.
fn milliseconds(value: &str) -> Option<Duration> {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, digits) = match value.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, value.strip_prefix('+').unwrap_or(value)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if negative {
        // `int("-0")` is 0, which botocore keeps.
        return digits.bytes().all(|b| b == b'0').then_some(Duration::ZERO);
    }
    Some(digits.parse::<u64>().map_or(Duration::MAX, Duration::from_millis))
}

/// The JS SDK's reading of `Retry-After`.
fn seconds_or_date(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if value.ends_with("GMT") {
        let date = httpdate::parse_http_date(value).ok()?;
        return Some(date.duration_since(now).unwrap_or_default());
    }
    if let Some((_, last)) = value.rsplit_once(" GMT, ") {
        if let Some(wait) = seconds(last) {
            return Some(wait);
        }
    }
    if let Some(wait) = seconds(value) {
        return Some(wait);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    date.duration_since(now).ok()
}

/// `120` or `1.5` (the JS SDK's `/^((\d+)|(\d+\.\d+))$/`) as a wait.
fn seconds(value: &str) -> Option<Duration> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    // Read as decimal digits, not through f64: float parsing would add its tables to the wasm
    // download for one header. Digits past the nanosecond are dropped.
    let Ok(whole) = whole.parse::<u64>() else { return Some(Duration::MAX) };
    let nanos = fraction.bytes().chain(std::iter::repeat(b'0')).take(9).fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    Some(Duration::new(whole, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    /// 2015-10-21T07:28:00Z, the date in the examples below.
    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_445_412_480)
    }

    fn hint(pairs: &[(&str, &str)]) -> Option<Duration> {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(http::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        retry_after(&headers, now())
    }

    const fn ms(millis: u64) -> Option<Duration> {
        Some(Duration::from_millis(millis))
    }

    #[test]
    fn x_amz_retry_after_is_a_whole_number_of_milliseconds() {
        assert_eq!(hint(&[]), None);
        assert_eq!(hint(&[("x-amz-retry-after", "1500")]), ms(1500));
        assert_eq!(hint(&[("X-Amz-Retry-After", "0")]), ms(0));
        assert_eq!(hint(&[("x-amz-retry-after", "+20")]), ms(20));
        assert_eq!(hint(&[("x-amz-retry-after", "-0")]), ms(0));
        assert_eq!(hint(&[("x-amz-retry-after", "99999999999999999999999")]), Some(Duration::MAX));
        for invalid in ["-5", "1.5", "1e3", "", "abc", "0x10", "1_000", "5 s"] {
            assert_eq!(hint(&[("x-amz-retry-after", invalid)]), None, "{invalid:?}");
        }
        assert_eq!(hint(&[("x-amz-retry-after", "100"), ("x-amz-retry-after", "200")]), None, "read as `100, 200`");
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        assert_eq!(hint(&[("retry-after", "2")]), ms(2000));
        assert_eq!(hint(&[("Retry-After", "1.5")]), ms(1500));
        assert_eq!(hint(&[("retry-after", "Wed, 21 Oct 2015 07:28:03 GMT")]), ms(3000));
        assert_eq!(hint(&[("retry-after", "Wednesday, 21-Oct-15 07:28:04 GMT")]), ms(4000));
        assert_eq!(hint(&[("retry-after", "Wed, 21 Oct 2015 07:27:00 GMT")]), ms(0), "a past date");
        assert_eq!(hint(&[("retry-after", "Wed Oct 21 07:28:05 2015")]), ms(5000), "asctime");
        assert_eq!(hint(&[("retry-after", "Wed Oct 21 07:27:05 2015")]), None, "a past date not ending in GMT");
        assert_eq!(hint(&[("retry-after", "Wed, 21 Oct 2015 07:28:03 GMT"), ("retry-after", "7")]), ms(7000));
        assert_eq!(hint(&[("retry-after", "7"), ("retry-after", "Wed, 21 Oct 2015 07:28:03 GMT")]), None);
        for invalid in ["", "-1", "1.", ".5", "1e3", "soon", "Wed, 32 Oct 2015 07:28:03 GMT", "2 GMT"] {
            assert_eq!(hint(&[("retry-after", invalid)]), None, "{invalid:?}");
        }
    }

    #[test]
    fn x_amz_retry_after_comes_first() {
        assert_eq!(hint(&[("retry-after", "2"), ("x-amz-retry-after", "300")]), ms(300));
        assert_eq!(hint(&[("retry-after", "2"), ("x-amz-retry-after", "soon")]), ms(2000));
    }
}
