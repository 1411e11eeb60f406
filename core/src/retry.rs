//! Retries as the AWS SDKs do them: which failures are retried, full-jitter exponential backoff
//! raised by the service's retry-after hint, the retry quota a client shares across its calls
//! (standard mode) and, in adaptive mode, a client-side rate limiter that slows sending down when
//! the service throttles.
//!
//! The figures are those of botocore 1.44 (`botocore/retries/standard.py`) and `@smithy/core`
//! 3.41 (`packages/core/src/submodules/retry/util-retry/`): a 50 ms backoff base and 1 s for
//! throttling, retries costing the quota 14 tokens and 5 for throttling. They are the default in
//! `@smithy/core` 3.41.1; in the older sources read (botocore 1.43.67, `@smithy/core` 3.33.3)
//! they sit behind the opt-in `AWS_NEW_RETRIES_2026` and `SMITHY_NEW_RETRIES_2026`, and without
//! it botocore backs off from 1 s, the JS SDK from 100 ms (500 ms when throttled), and a retry
//! costs 5, or 10 after a timeout (botocore) or a transient error (the JS SDK).

mod backoff;
mod classify;
mod quota;
mod rate_limiter;
mod retry_after;

pub use backoff::retry_delay;
pub(crate) use classify::{next_retry, response_may_have_applied, transport_failure};
pub use quota::RetryQuota;
pub(crate) use rate_limiter::ClientRateLimiter;
pub use retry_after::retry_after;

use std::time::Duration;

/// How a client retries, named as the SDKs' `retry_mode` setting names it. Exhaustive: the
/// bindings expose it as an enum of their languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RetryMode {
    /// Attempts, backoff and the retry quota. The default.
    #[default]
    Standard,
    /// The standard mode, plus a client-side rate limiter: once the service throttles, every
    /// attempt waits for a token of a bucket whose fill rate follows CUBIC (cut on throttling,
    /// grown back on success), as in the adaptive mode of botocore, smithy-rs and the JS SDK.
    Adaptive,
}

/// What `AWS_MAX_ATTEMPTS` and the shared config file's `max_attempts` must hold.
pub const MAX_ATTEMPTS_EXPECTED: &str = "a whole number of at least 1";

/// The attempt count `text` spells (`AWS_MAX_ATTEMPTS`, `max_attempts`), if it is one.
pub fn max_attempts_from_text(text: &str) -> Option<u32> {
    text.parse::<u32>().ok().filter(|n| *n >= 1)
}

impl RetryMode {
    /// The mode named `standard` or `adaptive` (any case), as `AWS_RETRY_MODE` and the shared
    /// config file's `retry_mode` spell it; `None` for any other name (`legacy` included).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mode| mode.name().eq_ignore_ascii_case(name))
    }

    /// Every mode.
    pub const ALL: [Self; 2] = [Self::Standard, Self::Adaptive];

    /// The mode's name in the SDKs' settings: `standard` or `adaptive`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Adaptive => "adaptive",
        }
    }
}

/// Retry settings; the defaults are the AWS SDKs' standard mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfig {
    /// Standard or adaptive. Default standard.
    pub mode: RetryMode,
    /// Attempts per call, the first included (1 disables retries). Default 3.
    pub max_attempts: u32,
    /// The backoff base: the delay before retry `i` (1 for the first) is
    /// `random(0,1) * min(base * 2^(i-1), max_backoff)`, raised by the service's retry-after hint
    /// (see [`retry_delay`]). Default 50 ms, as in botocore and the JS SDK.
    ///
    /// Throttling errors back off from a larger base: `max(base, min(20 * base, 1 s))`. At the
    /// default that is the SDKs' 1 s; a base between 50 ms and 1 s leaves it at 1 s, as the JS
    /// SDK's `baseDelay` does (`StandardRetryStrategy`: "overrides the base delay for
    /// non-throttling retries"); a smaller base shrinks both in proportion (a 1 ms base, for
    /// tests, gives 20 ms); and a base of 1 s or more serves both, as the one base did before
    /// (smithy-rs's `initial_backoff` is its throttling base alone). botocore has no such setting.
    pub initial_backoff: Duration,
    /// The cap on the exponential backoff; a retry-after hint may add up to 5 s to it. Default 20 s.
    pub max_backoff: Duration,
    /// Whether retries draw on the client's retry quota (500 tokens). Default true.
    pub use_retry_quota: bool,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self {
            mode: RetryMode::Standard,
            max_attempts: 3,
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_secs(20),
            use_retry_quota: true,
        }
    }
}

/// Why a failure may be retried; it chooses the backoff base and the retry's cost to the quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryClass {
    /// The service asked the caller to slow down (a throttling code, or HTTP 429).
    Throttling,
    /// A server or network failure that may pass: a 5xx, a timeout code, a connection that
    /// failed or timed out, an attempt that timed out. (The SDKs no longer cost a timeout more.)
    Transient,
}

impl RetryClass {
    /// The class named `throttling` or `transient`, as the shared vectors name them.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "throttling" => Some(Self::Throttling),
            "transient" => Some(Self::Transient),
            _ => None,
        }
    }
}

const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Classifies an error response by its code and HTTP status.
pub(crate) fn classify_response(code: Option<&str>, status: u16) -> Option<RetryClass> {
    let code = code.unwrap_or_default();
    if THROTTLING_CODES.contains(&code) || status == 429 {
        Some(RetryClass::Throttling)
    } else if TRANSIENT_CODES.contains(&code) || TRANSIENT_STATUSES.contains(&status) {
        Some(RetryClass::Transient)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_like_the_standard_mode() {
        assert_eq!(classify_response(Some("ThrottlingException"), 400), Some(RetryClass::Throttling));
        assert_eq!(classify_response(Some("SlowDown"), 503), Some(RetryClass::Throttling));
        assert_eq!(classify_response(None, 429), Some(RetryClass::Throttling));
        assert_eq!(classify_response(Some("ServiceUnavailableException"), 503), Some(RetryClass::Transient));
        assert_eq!(classify_response(Some("InternalFailureException"), 500), Some(RetryClass::Transient));
        assert_eq!(classify_response(None, 502), Some(RetryClass::Transient));
        assert_eq!(classify_response(None, 504), Some(RetryClass::Transient));
        assert_eq!(classify_response(Some("RequestTimeoutException"), 400), Some(RetryClass::Transient));
        for (code, status) in [
            ("InvalidRequestException", 400),
            ("ResourceNotFoundException", 404),
            ("CertificateStateException", 406),
            ("TransferConflictException", 409),
            ("UnauthorizedException", 401),
            ("InvalidSignatureException", 403),
        ] {
            assert_eq!(classify_response(Some(code), status), None, "{code}");
        }
        assert_eq!(classify_response(None, 501), None);
    }

    #[test]
    fn modes_are_read_by_name() {
        assert_eq!(RetryConfig::default().mode, RetryMode::Standard);
        assert_eq!(RetryClass::from_name("throttling"), Some(RetryClass::Throttling));
        assert_eq!(RetryClass::from_name("transient"), Some(RetryClass::Transient));
        assert_eq!(RetryClass::from_name("timeout"), None);
        assert_eq!(RetryMode::from_name("adaptive"), Some(RetryMode::Adaptive));
        assert_eq!(RetryMode::from_name("Standard"), Some(RetryMode::Standard));
        assert_eq!(RetryMode::from_name("legacy"), None);
    }
}
