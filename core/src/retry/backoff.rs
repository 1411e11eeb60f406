//! The delay before a retry: full-jitter exponential backoff from a base chosen by the failure's
//! class, raised by the service's retry-after hint within bounds.
//!
//! It follows botocore (`botocore/retries/standard.py`, `ExponentialBackoff.delay_amount` and
//! `_get_base_scale`) and the JS SDK (`@smithy/core`, `util-retry/StandardRetryStrategy.ts`,
//! `refreshRetryTokenForRetry`, and `DefaultRetryBackoffStrategy.ts`): `t_i = random(0,1) *
//! min(base * 2^i, 20 s)` for retry `i` counted from 0, and with a hint
//! `max(t_i, min(hint, t_i + 5 s))`: the hint can lengthen the wait by at most 5 s and never
//! shorten it. The JS SDK rounds `t_i` down to whole milliseconds; this keeps nanoseconds, as
//! botocore keeps a float.

use super::{RetryClass, RetryConfig};
use std::time::Duration;

/// The throttling base at the default setting (botocore `throttling_base_scale`, the JS SDK's
/// `Retry.throttlingDelay()`).
const THROTTLING_BASE: Duration = Duration::from_secs(1);

/// The throttling base over the other one at the defaults: 1 s over 50 ms.
const THROTTLING_FACTOR: u32 = 20;

/// How much longer than the backoff a retry-after hint may make the wait (botocore
/// `_RETRY_AFTER_MAX_ADDITIONAL`, the JS SDK's `delayFromErrorType + 5_000`).
const MAX_RETRY_AFTER_EXTRA: Duration = Duration::from_secs(5);

/// The delay before the retry that follows failed attempt number `attempt` (1 for the first
/// attempt), for a failure of `class`, with `random` in `[0, 1]` (outside it, or NaN, is brought
/// back in) and the service's retry-after hint (see [`retry_after`](super::retry_after)).
/// The bases are [`RetryConfig::initial_backoff`] and, for throttling, the larger base its doc
/// describes; the exponential part is capped at [`RetryConfig::max_backoff`].
pub fn retry_delay(
    config: &RetryConfig,
    class: RetryClass,
    attempt: u32,
    random: f64,
    retry_after: Option<Duration>,
) -> Duration {
    let base = match class {
        RetryClass::Throttling => throttling_base(config.initial_backoff),
        RetryClass::Transient => config.initial_backoff,
    };
    let exponent = attempt.saturating_sub(1).min(31);
    let ceiling = base.saturating_mul(1u32 << exponent).min(config.max_backoff);
    let random = if random >= 0.0 { random.min(1.0) } else { 0.0 };
    let backoff = Duration::try_from_secs_f64(ceiling.as_secs_f64() * random).unwrap_or(ceiling).min(ceiling);
    match retry_after {
        Some(hint) => hint.clamp(backoff, backoff.saturating_add(MAX_RETRY_AFTER_EXTRA)),
        None => backoff,
    }
}

/// The base throttling errors back off from when the others back off from `base`.
fn throttling_base(base: Duration) -> Duration {
    base.saturating_mul(THROTTLING_FACTOR).min(THROTTLING_BASE).max(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delay(class: RetryClass, attempt: u32, random: f64) -> Duration {
        retry_delay(&RetryConfig::default(), class, attempt, random, None)
    }

    #[test]
    fn backs_off_from_50_ms_and_from_1_s_when_throttled() {
        use RetryClass::{Throttling, Transient};
        assert_eq!(delay(Transient, 1, 1.0), Duration::from_millis(50));
        assert_eq!(delay(Transient, 2, 1.0), Duration::from_millis(100));
        assert_eq!(delay(Transient, 3, 0.5), Duration::from_millis(100));
        assert_eq!(delay(Throttling, 1, 1.0), Duration::from_secs(1));
        assert_eq!(delay(Throttling, 2, 0.25), Duration::from_millis(500));
        assert_eq!(delay(Throttling, 2, 0.0), Duration::ZERO);
    }

    #[test]
    fn is_capped_at_20_s() {
        assert_eq!(delay(RetryClass::Throttling, 6, 1.0), Duration::from_secs(20));
        assert_eq!(delay(RetryClass::Transient, 10, 1.0), Duration::from_secs(20));
        assert_eq!(delay(RetryClass::Transient, 40, 1.0), Duration::from_secs(20));
        assert_eq!(delay(RetryClass::Transient, u32::MAX, 1.0), Duration::from_secs(20));
    }

    #[test]
    fn a_random_value_out_of_range_is_brought_back() {
        assert_eq!(delay(RetryClass::Transient, 1, 2.0), Duration::from_millis(50));
        assert_eq!(delay(RetryClass::Transient, 1, -1.0), Duration::ZERO);
        assert_eq!(delay(RetryClass::Transient, 1, f64::NAN), Duration::ZERO);
    }

    #[test]
    fn a_configured_base_sets_the_throttling_base_too() {
        let base = |millis| RetryConfig { initial_backoff: Duration::from_millis(millis), ..RetryConfig::default() };
        let first = |config: &RetryConfig, class| retry_delay(config, class, 1, 1.0, None);
        for (configured, transient, throttling) in
            [(1, 1, 20), (5, 5, 100), (50, 50, 1000), (100, 100, 1000), (1000, 1000, 1000), (2000, 2000, 2000)]
        {
            let config = base(configured);
            assert_eq!(first(&config, RetryClass::Transient), Duration::from_millis(transient), "{configured}");
            assert_eq!(first(&config, RetryClass::Throttling), Duration::from_millis(throttling), "{configured}");
        }
        assert_eq!(first(&base(0), RetryClass::Throttling), Duration::ZERO);
    }

    #[test]
    fn a_retry_after_hint_raises_the_delay_by_at_most_5_s() {
        let hinted = |attempt, random, hint: u64| {
            retry_delay(
                &RetryConfig::default(),
                RetryClass::Transient,
                attempt,
                random,
                Some(Duration::from_millis(hint)),
            )
        };
        // t_i = 25 ms.
        assert_eq!(hinted(1, 0.5, 1500), Duration::from_millis(1500));
        assert_eq!(hinted(1, 0.5, 10), Duration::from_millis(25), "a hint never shortens the backoff");
        assert_eq!(hinted(1, 0.5, 0), Duration::from_millis(25));
        assert_eq!(hinted(1, 0.5, 60_000), Duration::from_millis(5025), "at most t_i + 5 s");
        // t_i = 20 s, the cap: the hint may still add 5 s.
        assert_eq!(hinted(12, 1.0, 60_000), Duration::from_secs(25));
        let throttled =
            retry_delay(&RetryConfig::default(), RetryClass::Throttling, 1, 0.5, Some(Duration::from_secs(2)));
        assert_eq!(throttled, Duration::from_secs(2));
    }
}
