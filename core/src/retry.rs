//! Retries as the AWS SDKs do them: which failures are retried, full-jitter exponential backoff,
//! the retry quota a client shares across its calls (standard mode) and, in adaptive mode, a
//! client-side rate limiter that slows sending down when the service throttles.

mod quota;
mod rate_limiter;

pub(crate) use quota::RetryQuota;
pub(crate) use rate_limiter::ClientRateLimiter;

use std::time::Duration;

/// How a client retries, named as the SDKs' `retry_mode` setting names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
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
        if name.eq_ignore_ascii_case("standard") {
            Some(Self::Standard)
        } else if name.eq_ignore_ascii_case("adaptive") {
            Some(Self::Adaptive)
        } else {
            None
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
    /// The backoff base: the delay before retry `i` is `random(0,1) * min(base * 2^(i-1), max)`.
    /// Default 1 s, as in the Python and Rust SDKs.
    pub initial_backoff: Duration,
    /// The cap on one backoff delay. Default 20 s.
    pub max_backoff: Duration,
    /// Whether retries draw on the client's retry quota (500 tokens). Default true.
    pub use_retry_quota: bool,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self {
            mode: RetryMode::Standard,
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
            use_retry_quota: true,
        }
    }
}

/// Why a failure may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryClass {
    /// The service asked the caller to slow down.
    Throttling,
    /// A server or network failure that may pass.
    Transient,
    /// An attempt timed out; retrying costs more quota.
    Timeout,
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

/// The delay before the retry that follows failed attempt number `attempt` (1-based):
/// full jitter over an exponential backoff capped at `max_backoff`.
pub(crate) fn backoff(config: &RetryConfig, attempt: u32, random: f64) -> Duration {
    let exponent = attempt.saturating_sub(1).min(31);
    let ceiling = config.initial_backoff.saturating_mul(1u32 << exponent).min(config.max_backoff);
    ceiling.mul_f64(random.clamp(0.0, 1.0))
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
    fn backoff_is_full_jitter_exponential_and_capped() {
        let config = RetryConfig::default();
        assert_eq!(backoff(&config, 1, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(&config, 2, 1.0), Duration::from_secs(2));
        assert_eq!(backoff(&config, 3, 0.5), Duration::from_secs(2));
        assert_eq!(backoff(&config, 6, 1.0), Duration::from_secs(20));
        assert_eq!(backoff(&config, 40, 1.0), Duration::from_secs(20));
        assert_eq!(backoff(&config, 2, 0.0), Duration::ZERO);
    }

    #[test]
    fn modes_are_read_by_name() {
        assert_eq!(RetryConfig::default().mode, RetryMode::Standard);
        assert_eq!(RetryMode::from_name("adaptive"), Some(RetryMode::Adaptive));
        assert_eq!(RetryMode::from_name("Standard"), Some(RetryMode::Standard));
        assert_eq!(RetryMode::from_name("legacy"), None);
    }
}
