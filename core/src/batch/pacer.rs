//! A batch's share of the account's request rate: every request the batch sends, retries and
//! paginated reads included, takes a token from one bucket filled at the rate the caller set. A
//! throttling response cuts the rate (by CUBIC's 0.7, at most once per half second, so a burst
//! of throttles met together counts once) and pauses sending for as long as the response asked
//! (`x-amz-retry-after`, `Retry-After`); successes raise it back to the caller's rate over a few
//! seconds. Time is seconds read from the client's clock, as in the adaptive mode's limiter.

use std::sync::Mutex;
use std::time::Duration;

/// How much of the rate is kept when throttled.
const CUT: f64 = 0.7;
/// The least time between two cuts, in seconds.
const CUT_INTERVAL: f64 = 0.5;
/// The lowest rate a cut leaves, in requests per second.
const MIN_RATE: f64 = 0.5;
/// How much of the caller's rate is won back per second of successes.
const RECOVERY_PER_SECOND: f64 = 0.05;

/// The request pacing of one batch, shared by its calls.
#[derive(Debug)]
pub(crate) struct BatchPacer {
    state: Mutex<State>,
}

#[derive(Debug, Clone, PartialEq)]
struct State {
    /// The caller's rate: the pacer never sends faster. `None`: no limit of the batch's own.
    ceiling: Option<f64>,
    /// The rate now, at most the ceiling.
    rate: f64,
    /// Tokens in the bucket; below zero when sends are waiting for tokens they reserved.
    tokens: f64,
    /// When the bucket was last filled.
    filled_at: Option<f64>,
    /// No request is sent before this time (a throttling response's retry hint).
    paused_until: f64,
    /// When the rate was last cut.
    cut_at: f64,
    /// Requests sent.
    requests: u32,
    /// Throttling responses met.
    throttled: u32,
}

/// What the pacer counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PacerCounts {
    /// Requests sent.
    pub(crate) requests: u32,
    /// Throttling responses met.
    pub(crate) throttled: u32,
}

impl BatchPacer {
    /// A pacer sending at most `requests_per_second` (0: no limit of its own, only the pauses
    /// throttling asks for).
    pub(crate) fn new(requests_per_second: u32) -> Self {
        let ceiling = (requests_per_second > 0).then_some(f64::from(requests_per_second));
        let rate = ceiling.unwrap_or(0.0);
        let state = State {
            ceiling,
            rate,
            tokens: 1.0,
            filled_at: None,
            paused_until: 0.0,
            cut_at: f64::NEG_INFINITY,
            requests: 0,
            throttled: 0,
        };
        Self { state: Mutex::new(state) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is plain numbers, each update complete before the lock is released.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes a request's token at `now` (seconds) and returns how long to wait before sending it.
    pub(crate) fn acquire(&self, now: f64) -> Option<Duration> {
        let mut state = self.lock();
        state.requests = state.requests.saturating_add(1);
        let pause = (state.paused_until - now).max(0.0);
        let queue = match state.ceiling {
            Some(_) => {
                state.fill(now);
                let wait = (1.0 - state.tokens).max(0.0) / state.rate;
                state.tokens -= 1.0;
                wait
            }
            None => 0.0,
        };
        let wait = pause.max(queue);
        (wait > 0.0).then(|| Duration::from_secs_f64(wait))
    }

    /// Records how a request ended at `now`: throttled (with the wait the response asked for, if
    /// any) or not.
    pub(crate) fn record(&self, now: f64, throttled: bool, retry_after: Option<Duration>) {
        let mut state = self.lock();
        if throttled {
            state.throttled = state.throttled.saturating_add(1);
            if let Some(wait) = retry_after {
                state.paused_until = state.paused_until.max(now + wait.as_secs_f64());
            }
            if state.ceiling.is_some() && now - state.cut_at >= CUT_INTERVAL {
                state.fill(now);
                state.rate = (state.rate * CUT).max(MIN_RATE);
                state.cut_at = now;
                state.tokens = state.tokens.min(1.0);
            }
        } else if let Some(ceiling) = state.ceiling {
            // Each success wins back a share, so that at `rate` successes a second the rate grows
            // by RECOVERY_PER_SECOND of the ceiling per second.
            state.fill(now);
            state.rate = (state.rate + RECOVERY_PER_SECOND * ceiling / state.rate.max(1.0)).min(ceiling);
        }
    }

    /// The requests sent and throttles met so far.
    pub(crate) fn counts(&self) -> PacerCounts {
        let state = self.lock();
        PacerCounts { requests: state.requests, throttled: state.throttled }
    }
}

impl State {
    /// Adds the tokens earned since the last fill; the bucket holds at most a tenth of a second's
    /// worth (and at least one), so a pause is not followed by a burst.
    fn fill(&mut self, now: f64) {
        let capacity = (self.rate / 10.0).max(1.0);
        if let Some(last) = self.filled_at {
            self.tokens = (self.tokens + (now - last).max(0.0) * self.rate).min(capacity);
        }
        self.filled_at = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends `count` requests as fast as the pacer allows, from `start`; the time the last is sent.
    fn send(pacer: &BatchPacer, start: f64, count: u32) -> f64 {
        let mut now = start;
        for _ in 0..count {
            if let Some(wait) = pacer.acquire(now) {
                now += wait.as_secs_f64();
            }
            pacer.record(now, false, None);
        }
        now
    }

    #[test]
    fn it_holds_requests_to_the_rate() {
        let pacer = BatchPacer::new(50);
        let end = send(&pacer, 1000.0, 501);
        assert!((end - 1010.0).abs() < 0.2, "500 requests after the first took {} s", end - 1000.0);
        assert_eq!(pacer.counts(), PacerCounts { requests: 501, throttled: 0 });
    }

    #[test]
    fn throttling_cuts_the_rate_once_per_burst_and_it_recovers() {
        let pacer = BatchPacer::new(100);
        let now = send(&pacer, 1000.0, 10);
        for _ in 0..8 {
            pacer.record(now, true, None);
        }
        assert!((pacer.lock().rate - 70.0).abs() < 1e-9, "eight throttles together cut once");
        let later = send(&pacer, now, 1000);
        assert_eq!(pacer.lock().rate, 100.0, "back to the ceiling after {} s", later - now);
        assert_eq!(pacer.counts().throttled, 8);
    }

    #[test]
    fn a_retry_hint_pauses_every_request() {
        let pacer = BatchPacer::new(0);
        assert_eq!(pacer.acquire(10.0), None, "no limit of its own");
        pacer.record(10.0, true, Some(Duration::from_secs(2)));
        let wait = pacer.acquire(10.5).expect("paused");
        assert!((wait.as_secs_f64() - 1.5).abs() < 1e-9);
        assert_eq!(pacer.acquire(12.0), None);
    }
}
