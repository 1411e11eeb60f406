//! The adaptive mode's client-side rate limiter: a token bucket that is off until the service
//! first throttles, then holds every attempt to a send rate that CUBIC cuts on throttling and
//! grows back on success, never above twice the rate the client was measured sending at.
//!
//! A port of smithy-rs (`aws-smithy-runtime` `client/retries/client_rate_limiter.rs`,
//! `ClientRateLimiter`), which is botocore's `retries/adaptive.py` (`ClientRateLimiter`,
//! `RateClocker`), `bucket.py` (`TokenBucket`) and `throttling.py` (`CubicCalculator`) in one
//! state, with the same constants. Time is seconds since the Unix epoch read from the client's
//! injected [`Clock`](crate::runtime::Clock), so it runs on wasm32 and under test clocks; it
//! never sleeps itself: [`ClientRateLimiter::acquire`] returns how long to wait.
//!
//! Two differences, deliberate. Every attempt costs one token, as in botocore
//! (`ClientRateLimiter.on_sending_request` acquires 1) and the JS SDK
//! (`DefaultRateLimiter.getSendToken` acquires 1): smithy-rs charges a retry 5 tokens and a
//! throttled retry 10 (its retry quota's costs), but the fill rate is in requests per second (the
//! measured rate counts each response once), so that would hold retries to a fifth or a tenth of
//! the rate the limiter computed. And the wait for a token comes on top of a retry's backoff, as
//! in botocore and the JS SDK, where smithy-rs waits for the token instead of the backoff.

use std::sync::Mutex;
use std::time::Duration;

/// The lowest fill rate, in tokens per second (botocore `TokenBucket._MIN_RATE`).
const MIN_FILL_RATE: f64 = 0.5;
/// The lowest bucket capacity.
const MIN_CAPACITY: f64 = 1.0;
/// The weight of the latest half second in the measured send rate (botocore `_DEFAULT_SMOOTHING`).
const SMOOTH: f64 = 0.8;
/// How much of the rate is kept on throttling (CUBIC's beta).
const BETA: f64 = 0.7;
/// How fast the rate grows back after throttling (CUBIC's scale constant C).
const SCALE_CONSTANT: f64 = 0.4;
/// The most a successful response can raise the rate to, as a multiple of the measured rate
/// (botocore `ClientRateLimiter._MAX_RATE_ADJUST_SCALE`).
const MAX_RATE_ADJUST_SCALE: f64 = 2.0;
/// What one attempt costs.
const ATTEMPT_COST: f64 = 1.0;

/// A client's rate limiter, shared by its calls and its clones.
#[derive(Debug)]
pub(crate) struct ClientRateLimiter {
    state: Mutex<State>,
}

#[derive(Debug, Clone, PartialEq)]
struct State {
    /// Tokens added per second.
    fill_rate: f64,
    /// The most tokens the bucket holds.
    max_capacity: f64,
    /// The tokens in the bucket; below zero when attempts are waiting for tokens they reserved.
    current_capacity: f64,
    /// When the bucket was last refilled.
    last_timestamp: Option<f64>,
    /// Off until the first throttling response.
    enabled: bool,
    /// The smoothed rate at which responses arrive, per second.
    measured_tx_rate: f64,
    /// The start of the half second whose responses are being counted.
    last_tx_rate_bucket: f64,
    /// Responses counted in the current half second.
    request_count: u64,
    /// The rate when last throttled (CUBIC's W_max).
    last_max_rate: f64,
    /// When last throttled.
    time_of_last_throttle: f64,
}

impl ClientRateLimiter {
    /// A limiter created at `now` (seconds since the Unix epoch), off until a throttling response.
    pub(crate) fn new(now: f64) -> Self {
        Self::from_state(State {
            fill_rate: MIN_FILL_RATE,
            max_capacity: MIN_CAPACITY,
            current_capacity: 0.0,
            last_timestamp: None,
            enabled: false,
            measured_tx_rate: 0.0,
            last_tx_rate_bucket: now.floor(),
            request_count: 0,
            last_max_rate: 0.0,
            time_of_last_throttle: now,
        })
    }

    fn from_state(state: State) -> Self {
        Self { state: Mutex::new(state) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is plain numbers, each update complete before the lock is released.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the token an attempt costs at `now` and returns how long to wait before sending
    /// it: `None` to send at once (always, until the service has throttled). The token is taken
    /// even when the bucket is short, so that attempts waiting together queue one behind another.
    pub(crate) fn acquire(&self, now: f64) -> Option<Duration> {
        let mut state = self.lock();
        if !state.enabled {
            return None;
        }
        state.refill(now);
        let wait = (ATTEMPT_COST > state.current_capacity)
            .then(|| (ATTEMPT_COST - state.current_capacity) / state.fill_rate)
            .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok());
        state.current_capacity -= ATTEMPT_COST;
        wait
    }

    /// Records the outcome of an attempt at `now`: a throttling error cuts the rate (and turns
    /// the limiter on), anything else (a success, another error, a failure to connect) lets it
    /// grow back.
    pub(crate) fn record(&self, now: f64, throttled: bool) {
        let mut state = self.lock();
        state.update_measured_rate(now);
        let calculated_rate = if throttled {
            let rate_to_use =
                if state.enabled { state.measured_tx_rate.min(state.fill_rate) } else { state.measured_tx_rate };
            state.last_max_rate = rate_to_use;
            state.time_of_last_throttle = now;
            state.enabled = true;
            cubic_throttle(rate_to_use)
        } else {
            state.cubic_success(now)
        };
        let new_rate = calculated_rate.min(MAX_RATE_ADJUST_SCALE * state.measured_tx_rate);
        state.update_fill_rate(now, new_rate);
    }
}

impl State {
    fn refill(&mut self, now: f64) {
        if let Some(last) = self.last_timestamp {
            let fill_amount = (now - last) * self.fill_rate;
            self.current_capacity = self.max_capacity.min(self.current_capacity + fill_amount);
        }
        self.last_timestamp = Some(now);
    }

    fn update_fill_rate(&mut self, now: f64, new_rate: f64) {
        // Tokens up to now accrue at the old rate.
        self.refill(now);
        self.fill_rate = new_rate.max(MIN_FILL_RATE);
        self.max_capacity = new_rate.max(MIN_CAPACITY);
        self.current_capacity = self.current_capacity.min(self.max_capacity);
    }

    /// botocore `RateClocker.record`: responses are counted per half second, and the rate of
    /// each half second that ends is smoothed into the measured rate.
    fn update_measured_rate(&mut self, now: f64) {
        let time_bucket = (now * 2.0).floor() / 2.0;
        self.request_count += 1;
        if time_bucket > self.last_tx_rate_bucket {
            let current_rate = self.request_count as f64 / (time_bucket - self.last_tx_rate_bucket);
            self.measured_tx_rate = current_rate * SMOOTH + self.measured_tx_rate * (1.0 - SMOOTH);
            self.request_count = 0;
            self.last_tx_rate_bucket = time_bucket;
        }
    }

    /// CUBIC's K: how long after a throttle the rate is back at W_max.
    fn time_window(&self) -> f64 {
        cube_root((self.last_max_rate * (1.0 - BETA)) / SCALE_CONSTANT)
    }

    /// botocore `CubicCalculator.success_received`: `C * (t - last_throttle - K)^3 + W_max`.
    fn cubic_success(&self, now: f64) -> f64 {
        let dt = now - self.time_of_last_throttle - self.time_window();
        SCALE_CONSTANT * dt * dt * dt + self.last_max_rate
    }
}

/// The cube root of `x` (the references' `x ** (1/3)`, `powf(1.0 / 3.0)`) for the non-negative
/// `x` CUBIC takes it of, by Newton's method: libm's `cbrt` (and the `fma` it calls) or `pow`
/// would add 2 KB or more to the WebAssembly package, which has no instruction for either.
fn cube_root(x: f64) -> f64 {
    if !(x > 0.0 && x.is_finite()) {
        return x.max(0.0);
    }
    // A first guess within a factor of 2: a third of the exponent (the bits' 682 << 52 restores
    // the bias); from there each step squares the error, so 8 steps reach double precision.
    let mut y = f64::from_bits(x.to_bits() / 3 + (682 << 52));
    for _ in 0..8 {
        y = (2.0 * y + x / (y * y)) / 3.0;
    }
    y
}

/// botocore `CubicCalculator.error_received`: the rate when throttled, times beta.
fn cubic_throttle(rate_to_use: f64) -> f64 {
    rate_to_use * BETA
}

#[cfg(test)]
mod tests;
