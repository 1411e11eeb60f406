//! The hold on the attempt loop of a batch's pacer and of the adaptive retry mode's rate limiter:
//! before each attempt, wait for their tokens; after each, tell them whether the service
//! throttled. Outside a batch, in the standard mode, both do nothing.

use super::Client;
use std::time::{SystemTime, UNIX_EPOCH};

impl Client {
    /// Waits until the batch's pacer, then (in adaptive mode) the rate limiter, allow another attempt.
    pub(super) async fn wait_for_send_token(&self) {
        if let Some(wait) = self.pacer.as_ref().and_then(|pacer| pacer.acquire(self.seconds_now())) {
            self.inner.config.sleep.sleep(wait).await;
        }
        let Some(limiter) = &self.inner.rate_limiter else {
            return;
        };
        if let Some(wait) = limiter.acquire(self.seconds_now()) {
            self.inner.config.sleep.sleep(wait).await;
        }
    }

    /// Records how an attempt ended, for the batch's pacer and in adaptive mode: throttled or not
    /// (a success, another error, a failure to connect), and the wait a throttling response asked for.
    pub(super) fn record_attempt(&self, throttled: bool, retry_after: Option<std::time::Duration>) {
        if let Some(pacer) = &self.pacer {
            pacer.record(self.seconds_now(), throttled, retry_after);
        }
        if let Some(limiter) = &self.inner.rate_limiter {
            limiter.record(self.seconds_now(), throttled);
        }
    }

    /// The limiter's time: the client's injected clock, so that it runs on wasm32 and under a
    /// test's clock.
    fn seconds_now(&self) -> f64 {
        seconds_since_epoch(self.inner.config.clock.now())
    }
}

/// `time` in seconds since the Unix epoch, the rate limiter's unit (0 before 1970).
pub(super) fn seconds_since_epoch(time: SystemTime) -> f64 {
    time.duration_since(UNIX_EPOCH).map_or(0.0, |since| since.as_secs_f64())
}
