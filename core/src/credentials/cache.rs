//! Caches a provider's credentials until shortly before they expire.

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::runtime::{BoxFuture, Clock};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Credentials are refreshed this long before they expire, so none expire in flight.
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(5 * 60);

/// Wraps a provider and reuses its credentials until 5 minutes before their expiry; credentials
/// without an expiry are kept for good.
pub struct CachedProvider {
    inner: Arc<dyn ProvideCredentials>,
    clock: Arc<dyn Clock>,
    cached: Mutex<Option<Credentials>>,
}

impl std::fmt::Debug for CachedProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedProvider").finish_non_exhaustive()
    }
}

impl CachedProvider {
    /// Caches `inner`, judging expiry by `clock`.
    pub fn new(inner: Arc<dyn ProvideCredentials>, clock: Arc<dyn Clock>) -> Self {
        Self { inner, clock, cached: Mutex::new(None) }
    }

    fn fresh(&self) -> Option<Credentials> {
        let cached = self.cached.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        cached.as_ref().filter(|c| self.is_fresh(c)).cloned()
    }

    fn is_fresh(&self, credentials: &Credentials) -> bool {
        match credentials.expires_at() {
            None => true,
            Some(expiry) => self.clock.now() + REFRESH_BEFORE_EXPIRY < expiry,
        }
    }
}

impl ProvideCredentials for CachedProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            if let Some(credentials) = self.fresh() {
                return Ok(credentials);
            }
            let credentials = self.inner.provide_credentials().await?;
            *self.cached.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(credentials.clone());
            Ok(credentials)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::FixedClock;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::SystemTime;

    #[derive(Debug)]
    struct Counting {
        calls: AtomicU32,
        lifetime: Option<Duration>,
        now: SystemTime,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
            let n = self.calls.fetch_add(1, Ordering::SeqCst);
            let expiry = self.lifetime.map(|l| self.now + l);
            Box::pin(async move { Ok(Credentials::new(format!("AKID{n}"), "secret", None, expiry)) })
        }
    }

    fn cached(lifetime: Option<Duration>) -> (Arc<Counting>, CachedProvider) {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let inner = Arc::new(Counting { calls: AtomicU32::new(0), lifetime, now });
        let provider = CachedProvider::new(inner.clone(), Arc::new(FixedClock(now)));
        (inner, provider)
    }

    fn block<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(future)
    }

    #[test]
    fn reuses_credentials_until_near_expiry() {
        let (inner, provider) = cached(Some(Duration::from_secs(3600)));
        block(async {
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "AKID0");
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "AKID0");
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn refreshes_credentials_that_expire_within_five_minutes() {
        let (inner, provider) = cached(Some(Duration::from_secs(120)));
        block(async {
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "AKID0");
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "AKID1");
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn keeps_credentials_without_expiry() {
        let (inner, provider) = cached(None);
        block(async {
            for _ in 0..3 {
                provider.provide_credentials().await.unwrap();
            }
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 1);
    }
}
