//! The request-rate quota of every account, like an AWS account's API rate limit: one token
//! bucket per account, replaced whole when the settings change, and a count of the calls it
//! refused per operation.

use super::bucket::{BucketShape, TokenBucket};
use super::settings::RateLimit;
use crate::wire::routing::Operation;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};
use std::time::{SystemTime, UNIX_EPOCH};

/// The quota in force: its settings and a bucket per account.
#[derive(Debug)]
struct Quota {
    settings: RateLimit,
    shape: BucketShape,
    buckets: HashMap<String, TokenBucket>,
}

/// The rate limiter shared by all connections. A call takes a read lock (shared, never waited
/// for except while the settings are replaced) and one compare-and-swap on its account's bucket.
#[derive(Debug)]
pub struct RateLimiter {
    account_ids: Vec<String>,
    quota: RwLock<Option<Quota>>,
    throttled: BTreeMap<Operation, AtomicU64>,
}

impl RateLimiter {
    /// A limiter for these accounts (the emulator's accounts are fixed once it starts) with
    /// these settings (`None`: no limit).
    pub fn new(account_ids: impl IntoIterator<Item = String>, settings: Option<RateLimit>) -> Result<Self, String> {
        let limiter = Self {
            account_ids: account_ids.into_iter().collect(),
            quota: RwLock::new(None),
            throttled: Operation::all().map(|operation| (operation, AtomicU64::new(0))).collect(),
        };
        limiter.replace(settings)?;
        Ok(limiter)
    }

    /// Replaces the settings after checking them (`None` removes the limit). Every bucket starts
    /// full again; the throttled counts stay.
    pub fn replace(&self, settings: Option<RateLimit>) -> Result<(), String> {
        let quota = match settings {
            Some(settings) => {
                settings.validate()?;
                let settings = settings.normalized();
                let shape = BucketShape::new(settings.requests_per_second, settings.effective_burst());
                let buckets = self.account_ids.iter().map(|id| (id.clone(), TokenBucket::new())).collect();
                Some(Quota { settings, shape, buckets })
            }
            None => None,
        };
        *self.quota.write().unwrap_or_else(PoisonError::into_inner) = quota;
        Ok(())
    }

    /// Removes the limit (the throttled counts stay).
    pub fn remove(&self) {
        *self.quota.write().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Whether `account_id` may make a call of `operation` at `now` (the service clock); a
    /// refused call is counted. Accounts the limiter does not know are not limited.
    pub fn admit(&self, account_id: &str, operation: Operation, now: SystemTime) -> bool {
        let admitted = match &*self.read() {
            Some(quota) => {
                quota.buckets.get(account_id).is_none_or(|bucket| bucket.try_take(quota.shape, nanos_since_epoch(now)))
            }
            None => true,
        };
        if !admitted {
            if let Some(count) = self.throttled.get(&operation) {
                count.fetch_add(1, Ordering::Relaxed);
            }
        }
        admitted
    }

    /// The settings in force, with the burst filled in.
    pub fn settings(&self) -> Option<RateLimit> {
        self.read().as_ref().map(|quota| quota.settings)
    }

    /// Calls refused by the quota per operation (only those with some), since the start or the
    /// last [`reset`](Self::reset).
    pub fn throttled_counts(&self) -> BTreeMap<&'static str, u64> {
        self.throttled
            .iter()
            .map(|(operation, count)| (operation.name(), count.load(Ordering::Relaxed)))
            .filter(|(_, count)| *count > 0)
            .collect()
    }

    /// `{"settings": {...} or null, "throttled": {"TransferCertificate": 3}}`.
    pub fn report(&self) -> Value {
        json!({ "settings": self.settings(), "throttled": self.throttled_counts() })
    }

    /// Removes the limit and clears the counts.
    pub fn reset(&self) {
        self.remove();
        for count in self.throttled.values() {
            count.store(0, Ordering::Relaxed);
        }
    }

    fn read(&self) -> RwLockReadGuard<'_, Option<Quota>> {
        // The quota is replaced whole under the write lock; a panic cannot leave half of one.
        self.quota.read().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Nanoseconds since the Unix epoch (0 before it; saturating in the year 2554).
fn nanos_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |since| u64::try_from(since.as_nanos()).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const SOURCE: &str = "111122223333";
    const TARGET: &str = "444455556666";

    fn limiter(settings: Option<RateLimit>) -> RateLimiter {
        RateLimiter::new([SOURCE.to_owned(), TARGET.to_owned()], settings).unwrap()
    }

    fn admitted(limiter: &RateLimiter, account: &str, now: SystemTime, calls: usize) -> usize {
        (0..calls).filter(|_| limiter.admit(account, Operation::TransferCertificate, now)).count()
    }

    #[test]
    fn each_account_has_its_own_bucket_and_strangers_none() {
        let limiter = limiter(Some(RateLimit { requests_per_second: 1.0, burst: Some(3) }));
        let now = SystemTime::now();
        assert_eq!(admitted(&limiter, SOURCE, now, 5), 3);
        assert_eq!(admitted(&limiter, TARGET, now, 5), 3);
        assert_eq!(admitted(&limiter, "999999999999", now, 5), 5);
        assert_eq!(admitted(&limiter, SOURCE, now + Duration::from_secs(1), 5), 1);
        assert_eq!(limiter.throttled_counts(), BTreeMap::from([("TransferCertificate", 8)]));
    }

    #[test]
    fn no_settings_no_limit() {
        let limiter = limiter(None);
        assert_eq!(admitted(&limiter, SOURCE, SystemTime::now(), 1000), 1000);
        assert_eq!(limiter.report(), json!({ "settings": null, "throttled": {} }));
    }

    #[test]
    fn replacing_refills_the_buckets_and_keeps_the_counts() {
        let limiter = limiter(Some(RateLimit::per_second(2.0)));
        let now = SystemTime::now();
        assert_eq!(admitted(&limiter, SOURCE, now, 3), 2);
        limiter.replace(Some(RateLimit::per_second(4.0))).unwrap();
        assert_eq!(admitted(&limiter, SOURCE, now, 5), 4);
        assert_eq!(limiter.report()["settings"], json!({ "requestsPerSecond": 4, "burst": 4 }));
        assert_eq!(limiter.throttled_counts()["TransferCertificate"], 2);
        assert!(limiter.replace(Some(RateLimit::per_second(0.0))).is_err());
        assert_eq!(limiter.settings(), Some(RateLimit { requests_per_second: 4.0, burst: Some(4) }));
        limiter.remove();
        assert_eq!(admitted(&limiter, SOURCE, now, 5), 5);
        assert_eq!(limiter.throttled_counts()["TransferCertificate"], 2);
        limiter.reset();
        assert!(limiter.throttled_counts().is_empty());
    }

    #[test]
    fn counts_per_operation() {
        let limiter = limiter(Some(RateLimit { requests_per_second: 0.001, burst: Some(1) }));
        let now = SystemTime::now();
        assert!(limiter.admit(SOURCE, Operation::DescribeCertificate, now));
        assert!(!limiter.admit(SOURCE, Operation::DescribeCertificate, now));
        assert!(!limiter.admit(SOURCE, Operation::UpdateCertificate, now));
        assert_eq!(limiter.throttled_counts(), BTreeMap::from([("DescribeCertificate", 1), ("UpdateCertificate", 1)]));
    }
}
