//! Caches a provider's credentials until shortly before they expire, refreshing them once at a
//! time and within a time limit.

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::runtime::{BoxFuture, Clock, Sleep};
use futures_util::future::{select, Either, FutureExt};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Credentials are refreshed this long before they expire, so none expire in flight (the JS
/// SDK's window; botocore starts at 15 minutes, smithy-rs at 10 seconds).
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(5 * 60);

/// How long one refresh may take by default: smithy-rs's lazy identity cache's load timeout.
pub const DEFAULT_LOAD_TIMEOUT: Duration = Duration::from_secs(5);

/// Wraps a provider and reuses its credentials until 5 minutes before their expiry; credentials
/// without an expiry are kept for good.
///
/// One refresh runs at a time. A call that finds the cached credentials in the refresh window
/// but not expired does not wait for another call's refresh: it signs with them (botocore's
/// advisory refresh). A call with no usable credentials waits for the refresh in progress and
/// takes its outcome, success or error, instead of calling the provider again. A refresh that
/// fails or takes longer than the load timeout is an error, unless the cached credentials have
/// not yet expired: those are used until they do.
pub struct CachedProvider {
    inner: Arc<dyn ProvideCredentials>,
    clock: Arc<dyn Clock>,
    sleep: Arc<dyn Sleep>,
    load_timeout: Duration,
    state: Mutex<State>,
    refreshing: futures_util::lock::Mutex<()>,
}

/// What the refreshes so far left.
#[derive(Default)]
struct State {
    cached: Option<Credentials>,
    /// Refreshes finished, so a call that waited can tell one ended meanwhile.
    refreshes: u32,
    /// The last refresh's error, for the calls that waited for it.
    last_error: Option<CredentialsError>,
}

impl std::fmt::Debug for CachedProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedProvider").field("load_timeout", &self.load_timeout).finish_non_exhaustive()
    }
}

impl CachedProvider {
    /// Caches `inner`, judging expiry by `clock` and bounding each refresh by `load_timeout`
    /// (timed with `sleep`).
    pub fn new(
        inner: Arc<dyn ProvideCredentials>,
        clock: Arc<dyn Clock>,
        sleep: Arc<dyn Sleep>,
        load_timeout: Duration,
    ) -> Self {
        Self {
            inner,
            clock,
            sleep,
            load_timeout,
            state: Mutex::new(State::default()),
            refreshing: futures_util::lock::Mutex::new(()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn is_fresh(&self, credentials: &Credentials) -> bool {
        match credentials.expires_at() {
            None => true,
            Some(expiry) => self.clock.now() + REFRESH_BEFORE_EXPIRY < expiry,
        }
    }

    fn is_unexpired(&self, credentials: &Credentials) -> bool {
        credentials.expires_at().is_none_or(|expiry| self.clock.now() < expiry)
    }

    /// One call to the provider, bounded by the load timeout. A provider that answers at once
    /// (static credentials) starts no timer.
    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let mut load = self.inner.provide_credentials();
        if let Some(result) = (&mut load).now_or_never() {
            return result;
        }
        match select(load, self.sleep.sleep(self.load_timeout)).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => Err(CredentialsError::ProviderFailed(format!(
                "no credentials within the load timeout of {} ms",
                self.load_timeout.as_millis()
            ))),
        }
    }

    /// Refreshes (this call holds the refresh lock) and records the outcome for the calls that
    /// wait for it.
    async fn refresh(&self) -> Result<Credentials, CredentialsError> {
        let result = self.load().await;
        let mut state = self.state();
        state.refreshes = state.refreshes.wrapping_add(1);
        match result {
            Ok(credentials) => {
                state.cached = Some(credentials.clone());
                state.last_error = None;
                Ok(credentials)
            }
            Err(error) => {
                state.last_error = Some(error.clone());
                state.cached.clone().filter(|c| self.is_unexpired(c)).ok_or(error)
            }
        }
    }
}

impl ProvideCredentials for CachedProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let (cached, refreshes_seen) = {
                let state = self.state();
                (state.cached.clone(), state.refreshes)
            };
            if let Some(credentials) = cached.clone().filter(|c| self.is_fresh(c)) {
                return Ok(credentials);
            }
            let usable = cached.filter(|c| self.is_unexpired(c));
            let _one_refresh_at_a_time = match (self.refreshing.try_lock(), usable) {
                (Some(guard), _) => guard,
                // Another call is refreshing: sign with what still works rather than wait.
                (None, Some(credentials)) => return Ok(credentials),
                (None, None) => self.refreshing.lock().await,
            };
            {
                // A refresh ended while this call waited: its outcome is this call's too.
                let state = self.state();
                if state.refreshes != refreshes_seen {
                    if let Some(credentials) = state.cached.clone().filter(|c| self.is_unexpired(c)) {
                        return Ok(credentials);
                    }
                    if let Some(error) = state.last_error.clone() {
                        return Err(error);
                    }
                }
            }
            self.refresh().await
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
        let provider = CachedProvider::new(
            inner.clone(),
            Arc::new(FixedClock(now)),
            crate::runtime::default_sleep(),
            DEFAULT_LOAD_TIMEOUT,
        );
        (inner, provider)
    }

    fn block<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(future)
    }

    /// Answers each call after `delay` with the next of `results` (`None`: a failure).
    struct Scripted {
        delay: Duration,
        results: Mutex<Vec<Option<Credentials>>>,
        calls: AtomicU32,
    }

    impl ProvideCredentials for Scripted {
        fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let next = self.results.lock().unwrap().remove(0);
            let delay = self.delay;
            Box::pin(async move {
                tokio::time::sleep(delay).await;
                next.ok_or_else(|| CredentialsError::ProviderFailed("the source is down".into()))
            })
        }
    }

    /// A clock tests move forward.
    struct SteppedClock(Mutex<SystemTime>);

    impl Clock for SteppedClock {
        fn now(&self) -> SystemTime {
            *self.0.lock().unwrap()
        }
    }

    fn scripted(
        delay: Duration,
        results: Vec<Option<Credentials>>,
        load_timeout: Duration,
    ) -> (Arc<Scripted>, Arc<SteppedClock>, CachedProvider) {
        let clock = Arc::new(SteppedClock(Mutex::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000))));
        let inner = Arc::new(Scripted { delay, results: Mutex::new(results), calls: AtomicU32::new(0) });
        let provider = CachedProvider::new(inner.clone(), clock.clone(), crate::runtime::default_sleep(), load_timeout);
        (inner, clock, provider)
    }

    fn expiring_in(clock: &SteppedClock, key: &str, lifetime: Duration) -> Option<Credentials> {
        Some(Credentials::new(key, "secret", None, Some(clock.now() + lifetime)))
    }

    #[test]
    fn concurrent_calls_wait_for_one_refresh() {
        let (inner, _clock, provider) = scripted(
            Duration::from_millis(50),
            vec![Some(Credentials::new("AKID", "s", None, None))],
            DEFAULT_LOAD_TIMEOUT,
        );
        block(async {
            let calls = (0..5).map(|_| provider.provide_credentials());
            for result in futures_util::future::join_all(calls).await {
                assert_eq!(result.unwrap().access_key_id(), "AKID");
            }
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_refresh_slower_than_the_load_timeout_is_an_error() {
        let (_, _clock, provider) = scripted(
            Duration::from_secs(5),
            vec![Some(Credentials::new("AKID", "s", None, None))],
            Duration::from_millis(20),
        );
        let error = block(provider.provide_credentials()).unwrap_err();
        assert!(
            matches!(&error, CredentialsError::ProviderFailed(text) if text.contains("load timeout of 20 ms")),
            "{error}"
        );
    }

    #[test]
    fn calls_waiting_for_a_failing_refresh_share_its_error() {
        let (inner, _clock, provider) =
            scripted(Duration::from_millis(50), vec![None, None, None], DEFAULT_LOAD_TIMEOUT);
        block(async {
            let calls = (0..3).map(|_| provider.provide_credentials());
            for result in futures_util::future::join_all(calls).await {
                assert!(matches!(result, Err(CredentialsError::ProviderFailed(_))));
            }
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 1, "one refresh, its error shared");
    }

    #[test]
    fn a_call_in_the_refresh_window_does_not_wait_for_another_calls_refresh() {
        let clock = SteppedClock(Mutex::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)));
        let first = expiring_in(&clock, "FIRST", Duration::from_secs(120));
        let second = expiring_in(&clock, "SECOND", Duration::from_secs(3600));
        let (inner, _clock, provider) = scripted(Duration::from_millis(200), vec![first, second], DEFAULT_LOAD_TIMEOUT);
        block(async {
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "FIRST");
            let started = std::time::Instant::now();
            let (refreshing, not_waiting) = futures_util::future::join(provider.provide_credentials(), async {
                tokio::task::yield_now().await;
                provider.provide_credentials().await
            })
            .await;
            assert_eq!(refreshing.unwrap().access_key_id(), "SECOND");
            assert_eq!(not_waiting.unwrap().access_key_id(), "FIRST");
            assert!(started.elapsed() >= Duration::from_millis(200));
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_failed_refresh_keeps_credentials_until_they_expire() {
        let clock = SteppedClock(Mutex::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)));
        let first = expiring_in(&clock, "FIRST", Duration::from_secs(120));
        let (inner, clock, provider) = scripted(Duration::ZERO, vec![first, None, None], DEFAULT_LOAD_TIMEOUT);
        block(async {
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "FIRST");
            // Within the refresh window: the refresh fails, the unexpired credentials still sign.
            assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "FIRST");
            *clock.0.lock().unwrap() += Duration::from_secs(121);
            assert!(provider.provide_credentials().await.is_err(), "expired credentials are never used");
        });
        assert_eq!(inner.calls.load(Ordering::SeqCst), 3);
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
