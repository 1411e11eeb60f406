//! The retry quota of the standard mode: the tokens a client spends on retries, so that a failing
//! service is not hammered.
//!
//! It follows botocore (`botocore/retries/standard.py`, `RetryQuotaChecker`; `quota.py`,
//! `RetryQuota`), smithy-rs (`aws-smithy-runtime` `retries/strategy/standard.rs`,
//! `release_retry_permit`; `token_bucket.rs`) and the JS SDK (`@smithy/util-retry`,
//! `StandardRetryStrategy.recordSuccess`): 500 tokens to start with and at most; a retry costs 5,
//! or 10 after a timeout; a success gives back the cost of the retry that succeeded (the last one
//! taken, not the sum of the call's retries), or 1 when the first attempt succeeded. A failed call
//! gives nothing back.

use super::RetryClass;
use std::sync::atomic::{AtomicU32, Ordering};

/// The tokens the quota starts with and never exceeds (botocore `RetryQuota.INITIAL_CAPACITY`).
const CAPACITY: u32 = 500;
/// The cost of a retry (botocore `_RETRY_COST`, smithy-rs `DEFAULT_RETRY_COST`).
const RETRY_COST: u32 = 5;
/// The cost of a retry after a timeout (botocore `_TIMEOUT_RETRY_REQUEST`).
const TIMEOUT_RETRY_COST: u32 = 10;
/// What a success without retries gives back (botocore `_NO_RETRY_INCREMENT`).
const NO_RETRY_INCREMENT: u32 = 1;

/// A client's retry quota, shared by its calls and its clones.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    available: AtomicU32,
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self { available: AtomicU32::new(CAPACITY) }
    }
}

impl RetryQuota {
    /// Takes the cost of retrying after a failure of `class` and returns it; `None` (nothing
    /// taken) when fewer tokens are left than it costs.
    pub(crate) fn acquire(&self, class: RetryClass) -> Option<u32> {
        let cost = if class == RetryClass::Timeout { TIMEOUT_RETRY_COST } else { RETRY_COST };
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| available.checked_sub(cost))
            .ok()
            .map(|_| cost)
    }

    /// Gives tokens back after a successful call: the cost of its last retry (`last_retry_cost`,
    /// what [`acquire`](Self::acquire) returned last), or 1 when it was not retried.
    pub(crate) fn release(&self, last_retry_cost: Option<u32>) {
        let amount = last_retry_cost.unwrap_or(NO_RETRY_INCREMENT);
        let _ = self.available.fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
            Some(available.saturating_add(amount).min(CAPACITY))
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
    fn starts_full_and_runs_out() {
        let quota = RetryQuota::default();
        assert_eq!(quota.available(), 500);
        for _ in 0..100 {
            assert_eq!(quota.acquire(RetryClass::Transient), Some(5));
        }
        assert_eq!(quota.acquire(RetryClass::Throttling), None);
        assert_eq!(quota.available(), 0, "a refused retry takes nothing");
    }

    #[test]
    fn a_timeout_retry_costs_ten() {
        let quota = RetryQuota::default();
        assert_eq!(quota.acquire(RetryClass::Timeout), Some(10));
        assert_eq!(quota.available(), 490);
    }

    #[test]
    fn a_success_gives_back_its_last_retry_or_one() {
        // botocore release_retry_quota: a first-try success releases 1; a success after retries
        // releases what the last acquisition took (context['retry_quota_capacity']).
        let quota = RetryQuota::default();
        let first = quota.acquire(RetryClass::Transient);
        let last = quota.acquire(RetryClass::Timeout);
        assert_eq!((first, last, quota.available()), (Some(5), Some(10), 485));
        quota.release(last);
        assert_eq!(quota.available(), 495, "the last retry's 10, not the call's 15");
        quota.release(None);
        assert_eq!(quota.available(), 496);
    }

    #[test]
    fn never_exceeds_its_capacity() {
        let quota = RetryQuota::default();
        quota.release(None);
        quota.release(Some(10));
        assert_eq!(quota.available(), 500);
        assert_eq!(quota.acquire(RetryClass::Transient), Some(5));
        quota.release(Some(10));
        assert_eq!(quota.available(), 500);
    }
}
