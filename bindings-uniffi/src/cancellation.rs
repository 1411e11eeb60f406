//! Cancelling a call from the host: a token the host cancels (a Swift task's cancellation handler,
//! a cancel button), which ends the call with a `Cancelled` error; and, for hosts whose own
//! cancellation drops the call (an asyncio task, a Kotlin coroutine), the token still says
//! afterwards whether the transfer may have been applied.

/// Cancels the call it is given to. Give a token to one call.
#[derive(Debug, Default, uniffi::Object)]
pub struct CancellationToken {
    pub(crate) inner: iot_transfer::Cancellation,
}

#[uniffi::export]
impl CancellationToken {
    /// A token that has not been cancelled.
    #[uniffi::constructor]
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels the call: its retries stop, its attempt in flight is dropped, and it fails with
    /// `Cancelled`. Idempotent.
    pub fn cancel(&self) {
        self.inner.cancel();
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.is_cancelled()
    }

    /// Whether the call may have applied its transfer: an attempt's outcome was unknown, or one
    /// was cut short by the cancellation. Read it after the host cancelled the call its own way.
    pub fn possibly_applied(&self) -> bool {
        self.inner.possibly_applied()
    }
}
