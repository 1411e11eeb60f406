//! A batch's counters, and the [`BatchProgress`] each event carries.

use super::outcome::Tally;
use super::pacer::PacerCounts;
use crate::operation::shapes::BatchProgress;
use std::time::Duration;

/// What a batch has counted so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counters {
    /// Certificates in the batch.
    pub(crate) total: u32,
    done: u32,
    ready: u32,
    blocked: u32,
    /// Failed, for the batch's `max_failures`.
    pub(crate) failed: u32,
    skipped: u32,
}

impl Counters {
    /// Counts one outcome.
    pub(crate) fn count(&mut self, tally: Tally) {
        let counter = match tally {
            Tally::Done => &mut self.done,
            Tally::Ready => &mut self.ready,
            Tally::Blocked => &mut self.blocked,
            Tally::Failed => &mut self.failed,
            Tally::Skipped => &mut self.skipped,
        };
        *counter += 1;
    }

    fn finished(&self) -> u32 {
        self.done + self.ready + self.blocked + self.failed + self.skipped
    }

    /// The progress after `elapsed`, with the pacer's counts. The time left is the remaining
    /// certificates at the pace of those worked on so far (skipped ones cost nothing).
    pub(crate) fn progress(&self, elapsed: Duration, calls: PacerCounts) -> BatchProgress {
        let remaining = self.total.saturating_sub(self.finished());
        let seconds = elapsed.as_secs_f64();
        let worked = self.finished() - self.skipped;
        let time_left = (worked > 0 && seconds > 0.0)
            .then(|| Duration::from_secs_f64(seconds / f64::from(worked) * f64::from(remaining)));
        BatchProgress {
            total: self.total,
            done: self.done,
            ready: self.ready,
            blocked: self.blocked,
            failed: self.failed,
            skipped: self.skipped,
            remaining,
            requests: calls.requests,
            throttled: calls.throttled,
            elapsed,
            requests_per_second: if seconds > 0.0 { f64::from(calls.requests) / seconds } else { 0.0 },
            time_left: if remaining == 0 { Some(Duration::ZERO) } else { time_left },
        }
    }
}
