//! The adaptive retry mode's hold on the attempt loop: before each attempt, wait for the rate
//! limiter's token; after each, tell the limiter whether the service throttled. In the standard
//! mode both do nothing.

use super::Client;
use std::time::{SystemTime, UNIX_EPOCH};

impl Client {
    /// Waits, in adaptive mode, until the rate limiter allows another attempt.
    pub(super) async fn wait_for_send_token(&self) {
        let Some(limiter) = &self.inner.rate_limiter else {
            return;
        };
        if let Some(wait) = limiter.acquire(self.seconds_now()) {
            self.inner.config.sleep.sleep(wait).await;
        }
    }

    /// Records, in adaptive mode, how an attempt ended: throttled or not (a success, another
    /// error, a failure to connect).
    pub(super) fn record_attempt(&self, throttled: bool) {
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
