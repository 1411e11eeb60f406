//! The standard retry mode: which failures are retried, full-jitter exponential backoff, and the
//! retry quota a client shares across its calls.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Retry settings; the defaults are the AWS SDKs' standard mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfig {
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

const INITIAL_QUOTA: u32 = 500;
const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
const SUCCESS_REFUND: u32 = 1;

/// The tokens a client spends on retries, so that a failing service is not hammered: a retry
/// costs 5 (10 after a timeout), a first-try success refunds 1, a success after retries refunds
/// what its retries cost. When the quota is empty, errors are returned instead of retried.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    available: AtomicU32,
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self { available: AtomicU32::new(INITIAL_QUOTA) }
    }
}

impl RetryQuota {
    /// Takes the cost of retrying after a failure of `class`; `None` when the quota is too low.
    pub(crate) fn acquire(&self, class: RetryClass) -> Option<u32> {
        let cost = if class == RetryClass::Timeout { TIMEOUT_RETRY_COST } else { RETRY_COST };
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| available.checked_sub(cost))
            .ok()
            .map(|_| cost)
    }

    /// Returns tokens after a successful call that spent `spent` on its retries.
    pub(crate) fn refund(&self, spent: u32) {
        let amount = if spent == 0 { SUCCESS_REFUND } else { spent };
        let _ = self.available.fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
            Some(available.saturating_add(amount).min(INITIAL_QUOTA))
        });
    }

    /// The tokens left.
    #[cfg(test)]
    pub(crate) fn available(&self) -> u32 {
        self.available.load(Ordering::Acquire)
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
    fn the_quota_runs_out_and_refills() {
        let quota = RetryQuota::default();
        for _ in 0..100 {
            assert_eq!(quota.acquire(RetryClass::Transient), Some(5));
        }
        assert_eq!(quota.acquire(RetryClass::Throttling), None);
        quota.refund(0);
        assert_eq!(quota.available(), 1);
        quota.refund(10);
        assert_eq!(quota.available(), 11);
        assert_eq!(quota.acquire(RetryClass::Timeout), Some(10));
        assert_eq!(quota.acquire(RetryClass::Timeout), None);
        for _ in 0..200 {
            quota.refund(5);
        }
        assert_eq!(quota.available(), 500);
    }
}
