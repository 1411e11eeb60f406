//! The retry quota of the standard mode: the tokens a client spends on retries, so that a failing
//! service is not hammered.
//!
//! It follows botocore (`botocore/retries/standard.py`, `RetryQuotaChecker`: `_RETRY_COST_V2`,
//! `_THROTTLING_RETRY_COST`, `release_retry_quota`; `quota.py`, `RetryQuota`) and the JS SDK
//! (`@smithy/core`, `util-retry/StandardRetryStrategy.ts`, `getCapacityCost` and `recordSuccess`;
//! `retries-2026-config.ts`): 500 tokens to start with and at most; a retry costs 14, or 5 after
//! a throttling error; a success gives back the cost of the retry that succeeded (the last one taken, not the sum of the call's
//! retries), or 1 when the first attempt succeeded. A failed call gives nothing back. (Before
//! these SDK versions a retry cost 5, or 10 after a timeout.)

use super::RetryClass;
use std::sync::atomic::{AtomicU32, Ordering};

/// The tokens the quota starts with and never exceeds (botocore `RetryQuota.INITIAL_CAPACITY`).
const CAPACITY: u32 = 500;
/// The cost of a retry (botocore `_RETRY_COST_V2`, the JS SDK's `Retry.cost()`).
const RETRY_COST: u32 = 14;
/// The cost of a retry after a throttling error (botocore `_THROTTLING_RETRY_COST`, the JS SDK's
/// `Retry.throttlingCost()`).
const THROTTLING_RETRY_COST: u32 = 5;
/// What a success without retries gives back (botocore `_NO_RETRY_INCREMENT`).
const NO_RETRY_INCREMENT: u32 = 1;

/// A client's retry quota, shared by its calls and its clones. Public so that the shared vectors
/// (`tests/vectors/retries.json`) can drive it.
#[derive(Debug)]
pub struct RetryQuota {
    available: AtomicU32,
}

impl Default for RetryQuota {
    /// A full quota: 500 tokens.
    fn default() -> Self {
        Self { available: AtomicU32::new(CAPACITY) }
    }
}

impl RetryQuota {
    /// Takes the cost of retrying after a failure of `class` and returns it; `None` (nothing
    /// taken) when fewer tokens are left than it costs.
    pub fn acquire(&self, class: RetryClass) -> Option<u32> {
        let cost = match class {
            RetryClass::Throttling => THROTTLING_RETRY_COST,
            RetryClass::Transient => RETRY_COST,
        };
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| available.checked_sub(cost))
            .ok()
            .map(|_| cost)
    }

    /// Gives tokens back after a successful call: the cost of its last retry (`last_retry_cost`,
    /// what [`acquire`](Self::acquire) returned last), or 1 when it was not retried.
    pub fn release(&self, last_retry_cost: Option<u32>) {
        let amount = last_retry_cost.unwrap_or(NO_RETRY_INCREMENT);
        let _ = self.available.fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
            Some(available.saturating_add(amount).min(CAPACITY))
        });
    }

    /// The tokens left.
    pub fn available(&self) -> u32 {
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
        for _ in 0..35 {
            assert_eq!(quota.acquire(RetryClass::Transient), Some(14));
        }
        assert_eq!(quota.available(), 10);
        assert_eq!(quota.acquire(RetryClass::Transient), None);
        assert_eq!(quota.available(), 10, "a refused retry takes nothing");
        assert_eq!(quota.acquire(RetryClass::Throttling), Some(5));
        assert_eq!(quota.acquire(RetryClass::Throttling), Some(5));
        assert_eq!(quota.acquire(RetryClass::Throttling), None);
        assert_eq!(quota.available(), 0);
    }

    #[test]
    fn a_throttling_retry_costs_five() {
        let quota = RetryQuota::default();
        assert_eq!(quota.acquire(RetryClass::Throttling), Some(5));
        assert_eq!(quota.available(), 495);
    }

    #[test]
    fn a_success_gives_back_its_last_retry_or_one() {
        // botocore release_retry_quota: a first-try success releases 1; a success after retries
        // releases what the last acquisition took (context['retry_quota_capacity']).
        let quota = RetryQuota::default();
        let first = quota.acquire(RetryClass::Transient);
        let last = quota.acquire(RetryClass::Throttling);
        assert_eq!((first, last, quota.available()), (Some(14), Some(5), 481));
        quota.release(last);
        assert_eq!(quota.available(), 486, "the last retry's 5, not the call's 19");
        quota.release(None);
        assert_eq!(quota.available(), 487);
    }

    #[test]
    fn never_exceeds_its_capacity() {
        let quota = RetryQuota::default();
        quota.release(None);
        quota.release(Some(14));
        assert_eq!(quota.available(), 500);
        assert_eq!(quota.acquire(RetryClass::Throttling), Some(5));
        quota.release(Some(14));
        assert_eq!(quota.available(), 500);
    }
}
