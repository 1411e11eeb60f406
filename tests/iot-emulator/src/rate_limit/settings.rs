//! The request-rate quota as set at startup (`rateLimit` in the config file, `--rate-limit`) or at
//! runtime (`POST /_emulator/rate-limit`): `{"requestsPerSecond": N, "burst": B}`.

use serde::{Deserialize, Serialize, Serializer};

/// The lowest rate accepted (one call per 1000 s).
pub const MIN_REQUESTS_PER_SECOND: f64 = 0.001;
/// The highest rate accepted.
pub const MAX_REQUESTS_PER_SECOND: f64 = 1_000_000.0;
/// The largest burst accepted.
pub const MAX_BURST: u32 = 1_000_000;

/// A token bucket per account: refilled continuously at `requests_per_second`, holding at most
/// `burst` calls (default: the rate rounded up).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateLimit {
    /// Calls per second each account may make on average (may be fractional, e.g. 0.5).
    #[serde(serialize_with = "whole_as_integer")]
    pub requests_per_second: f64,
    /// How many calls an idle account may make at once (absent: the rate rounded up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burst: Option<u32>,
}

impl RateLimit {
    /// A quota of `requests_per_second` with the default burst.
    pub fn per_second(requests_per_second: f64) -> Self {
        Self { requests_per_second, burst: None }
    }

    /// The bucket's capacity: `burst`, else the rate rounded up (at least 1).
    pub fn effective_burst(&self) -> u32 {
        // Saturating float-to-int conversion; `validate` bounds the rate anyway.
        self.burst.unwrap_or_else(|| (self.requests_per_second.ceil() as u32).max(1))
    }

    /// The same quota with the burst filled in, as reported.
    pub fn normalized(&self) -> Self {
        Self { burst: Some(self.effective_burst()), ..*self }
    }

    /// Checks the rate (0.001 to 1,000,000 per second) and the burst (1 to 1,000,000).
    pub fn validate(&self) -> Result<(), String> {
        let rate = self.requests_per_second;
        if !(MIN_REQUESTS_PER_SECOND..=MAX_REQUESTS_PER_SECOND).contains(&rate) {
            return Err(format!(
                "requestsPerSecond must be from {MIN_REQUESTS_PER_SECOND} to {MAX_REQUESTS_PER_SECOND}, got {rate}"
            ));
        }
        if let Some(burst) = self.burst.filter(|burst| !(1..=MAX_BURST).contains(burst)) {
            return Err(format!("burst must be from 1 to {MAX_BURST}, got {burst}"));
        }
        Ok(())
    }

    /// Parses the flag form `N[:BURST]`, e.g. `10` or `0.5:3`, and validates it.
    pub fn parse_flag(text: &str) -> Result<Self, String> {
        let usage = || format!("--rate-limit wants REQUESTS_PER_SECOND[:BURST], got {text:?}");
        let (rate, burst) = match text.split_once(':') {
            Some((rate, burst)) => (rate, Some(burst.parse().map_err(|_| usage())?)),
            None => (text, None),
        };
        let limit = Self { requests_per_second: rate.parse().map_err(|_| usage())?, burst };
        limit.validate().map_err(|message| format!("--rate-limit: {message}"))?;
        Ok(limit)
    }
}

/// Writes `10.0` as `10`, so that what was given as an integer reads back as one.
fn whole_as_integer<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && (0.0..=MAX_REQUESTS_PER_SECOND).contains(value) {
        serializer.serialize_u64(*value as u64)
    } else {
        serializer.serialize_f64(*value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_burst_defaults_to_the_rate_rounded_up() {
        assert_eq!(RateLimit::per_second(10.0).effective_burst(), 10);
        assert_eq!(RateLimit::per_second(2.5).effective_burst(), 3);
        assert_eq!(RateLimit::per_second(0.01).effective_burst(), 1);
        assert_eq!(RateLimit { requests_per_second: 10.0, burst: Some(50) }.effective_burst(), 50);
    }

    #[test]
    fn parses_json_and_writes_it_back() {
        let limit: RateLimit = serde_json::from_str(r#"{"requestsPerSecond": 20, "burst": 5}"#).unwrap();
        assert_eq!(limit, RateLimit { requests_per_second: 20.0, burst: Some(5) });
        let shown = serde_json::to_string(&RateLimit::per_second(4.0).normalized()).unwrap();
        assert_eq!(shown, r#"{"requestsPerSecond":4,"burst":4}"#);
        assert_eq!(serde_json::to_string(&RateLimit::per_second(0.5)).unwrap(), r#"{"requestsPerSecond":0.5}"#);
        assert!(serde_json::from_str::<RateLimit>(r#"{"requestsPerSecond": 1, "bursts": 2}"#).is_err());
        assert!(serde_json::from_str::<RateLimit>(r#"{"burst": 2}"#).is_err());
    }

    #[test]
    fn refuses_rates_and_bursts_out_of_range_naming_the_member() {
        for rate in [0.0, -1.0, 0.0001, 2_000_000.0, f64::NAN, f64::INFINITY] {
            let message = RateLimit::per_second(rate).validate().unwrap_err();
            assert!(message.starts_with("requestsPerSecond must be"), "{message}");
        }
        let message = RateLimit { requests_per_second: 1.0, burst: Some(0) }.validate().unwrap_err();
        assert!(message.starts_with("burst must be"), "{message}");
        assert!(RateLimit { requests_per_second: 1.0, burst: Some(MAX_BURST + 1) }.validate().is_err());
        assert!(RateLimit { requests_per_second: 0.001, burst: Some(MAX_BURST) }.validate().is_ok());
    }

    #[test]
    fn parses_flags() {
        assert_eq!(RateLimit::parse_flag("10").unwrap(), RateLimit::per_second(10.0));
        assert_eq!(RateLimit::parse_flag("0.5:3").unwrap(), RateLimit { requests_per_second: 0.5, burst: Some(3) });
        for bad in ["", "x", "10:", "10:x", "10:0", "0", "1:2:3", "-5"] {
            assert!(RateLimit::parse_flag(bad).is_err(), "{bad}");
        }
    }
}
