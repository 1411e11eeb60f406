//! WebAssembly runtime: JavaScript's `Date.now()` and timers (`gloo-timers`, which clears a
//! timer when its future is dropped, so no timer outlives the call that set it).

use super::{BoxFuture, Clock, Sleep};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// JavaScript's wall clock (`Date.now()`); `SystemTime::now()` panics on wasm32.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateClock;

impl Clock for DateClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(js_sys::Date::now() as u64)
    }
}

/// Sleeps with the global `setTimeout`, cleared if the sleep is dropped before it ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeoutSleep;

impl Sleep for TimeoutSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        // setTimeout fires at once for a delay over 2^31 - 1 ms (about 24.8 days): wait that long at most.
        let millis = u32::try_from(duration.as_millis()).unwrap_or(u32::MAX).min(i32::MAX as u32);
        Box::pin(gloo_timers::future::TimeoutFuture::new(millis))
    }
}

/// A uniformly random number in `[0, 1)`, for backoff jitter (`Math.random()`).
pub fn random_unit() -> f64 {
    js_sys::Math::random()
}

/// The clock a client uses unless told otherwise.
pub fn default_clock() -> Arc<dyn Clock> {
    Arc::new(DateClock)
}

/// The sleep a client uses unless told otherwise.
pub fn default_sleep() -> Arc<dyn Sleep> {
    Arc::new(TimeoutSleep)
}
