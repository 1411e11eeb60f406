//! Conversions the records share.

use std::time::Duration;

/// A duration in whole milliseconds, as the error's `total_retry_delay_ms` carries it.
pub(crate) fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
