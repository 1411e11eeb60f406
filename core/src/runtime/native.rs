//! Native runtime: the system clock and tokio's timer.

use super::{BoxFuture, Clock, Sleep};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The operating system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// Sleeps on tokio's timer; needs to run inside a tokio runtime.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleep;

impl Sleep for TokioSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// A uniformly random number in `[0, 1)`, for backoff jitter.
pub fn random_unit() -> f64 {
    fastrand::f64()
}

/// The clock a client uses unless told otherwise.
pub fn default_clock() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}

/// The sleep a client uses unless told otherwise.
pub fn default_sleep() -> Arc<dyn Sleep> {
    Arc::new(TokioSleep)
}
