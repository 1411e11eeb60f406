//! One account's token bucket in a single atomic word, as the generic cell rate algorithm keeps
//! it: the time at which the bucket will be full again. Taking a token is one compare-and-swap,
//! so concurrent calls never wait for a lock, and exactly `burst` of any simultaneous calls on a
//! full bucket get through.

use std::sync::atomic::{AtomicU64, Ordering};

/// A token bucket refilled continuously at one token per `interval_nanos`, holding at most
/// `capacity_nanos / interval_nanos` tokens (the burst).
#[derive(Debug, Default)]
pub struct TokenBucket {
    /// Nanoseconds since the Unix epoch at which the bucket is full again (0: full).
    full_at: AtomicU64,
}

/// The shape of a bucket: how long one token takes to come back, and how much time the whole
/// bucket holds (`burst` tokens' worth).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BucketShape {
    /// Nanoseconds per token (at least 1).
    pub interval_nanos: u64,
    /// `burst × interval_nanos`.
    pub capacity_nanos: u64,
}

impl BucketShape {
    /// The shape for `requests_per_second` (positive) and `burst` (at least 1).
    pub fn new(requests_per_second: f64, burst: u32) -> Self {
        // Saturating float-to-int conversion: the settings' bounds keep it in range.
        let interval_nanos = ((1e9 / requests_per_second).round() as u64).max(1);
        Self { interval_nanos, capacity_nanos: interval_nanos.saturating_mul(u64::from(burst)) }
    }
}

impl TokenBucket {
    /// A full bucket.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes a token at `now_nanos` if there is one; `false` means the call is over the quota
    /// (and takes nothing).
    pub fn try_take(&self, shape: BucketShape, now_nanos: u64) -> bool {
        let mut current = self.full_at.load(Ordering::Relaxed);
        loop {
            // A clock set back (a smaller skew) leaves `full_at` further ahead than a bucket can
            // be: treat the bucket as empty now rather than refusing calls until the clock
            // catches up.
            let full_at = current.min(now_nanos.saturating_add(shape.capacity_nanos));
            let after_taking = full_at.max(now_nanos).saturating_add(shape.interval_nanos);
            let admitted = after_taking - now_nanos <= shape.capacity_nanos;
            let next = if admitted { after_taking } else { full_at };
            if next == current {
                return admitted;
            }
            match self.full_at.compare_exchange_weak(current, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return admitted,
                Err(actual) => current = actual,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    const SECOND: u64 = 1_000_000_000;
    const START: u64 = 1_700_000_000 * SECOND;

    fn taken(bucket: &TokenBucket, shape: BucketShape, now: u64, calls: usize) -> usize {
        (0..calls).filter(|_| bucket.try_take(shape, now)).count()
    }

    #[test]
    fn a_full_bucket_lets_the_burst_through_then_refills_at_the_rate() {
        let shape = BucketShape::new(2.0, 5);
        let bucket = TokenBucket::new();
        assert_eq!(taken(&bucket, shape, START, 8), 5);
        assert!(!bucket.try_take(shape, START + SECOND / 2 - 1));
        assert!(bucket.try_take(shape, START + SECOND / 2));
        assert!(!bucket.try_take(shape, START + SECOND / 2));
        // Ten idle seconds refill it, but never beyond the burst.
        assert_eq!(taken(&bucket, shape, START + 11 * SECOND, 8), 5);
    }

    #[test]
    fn a_steady_caller_gets_the_rate_on_average() {
        let shape = BucketShape::new(10.0, 1);
        let bucket = TokenBucket::new();
        // One call every millisecond for 3 s: 1 at the start, then 10 per second.
        let admitted = (0..3000).filter(|ms| bucket.try_take(shape, START + ms * SECOND / 1000)).count();
        assert_eq!(admitted, 30);
    }

    #[test]
    fn fractional_rates_work() {
        let shape = BucketShape::new(0.5, 1);
        let bucket = TokenBucket::new();
        assert!(bucket.try_take(shape, START));
        assert!(!bucket.try_take(shape, START + SECOND));
        assert!(bucket.try_take(shape, START + 2 * SECOND));
    }

    #[test]
    fn a_clock_set_back_costs_at_most_one_empty_bucket() {
        let shape = BucketShape::new(1.0, 2);
        let bucket = TokenBucket::new();
        assert_eq!(taken(&bucket, shape, START, 2), 2);
        let an_hour_earlier = START - 3600 * SECOND;
        assert!(!bucket.try_take(shape, an_hour_earlier));
        assert!(bucket.try_take(shape, an_hour_earlier + SECOND));
    }

    #[test]
    fn simultaneous_callers_share_exactly_the_burst() {
        let shape = BucketShape::new(0.001, 100);
        let bucket = TokenBucket::new();
        let admitted = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| admitted.fetch_add(taken(&bucket, shape, START, 50), Ordering::Relaxed));
            }
        });
        assert_eq!(admitted.into_inner(), 100);
    }
}
