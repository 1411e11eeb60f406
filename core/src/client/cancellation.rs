//! Cancelling a call from outside it: a JavaScript `AbortSignal`, a Swift task, or a host's own
//! cancel button. A cancelled call stops its retries and drops its attempt in flight, and ends
//! with a `Cancelled` error that says whether the transfer may have been applied.

use futures_util::task::AtomicWaker;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// A handle that cancels the call it is given to. Clones share the state; give one to one call.
#[derive(Debug, Clone, Default)]
pub struct Cancellation {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    cancelled: AtomicBool,
    waker: AtomicWaker,
    /// An attempt of the call this cancellation was given to may have been applied.
    possibly_applied: AtomicBool,
    /// An attempt of that call, not idempotent, is in the transport's hands.
    in_flight: AtomicBool,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cancellation").field("cancelled", &self.cancelled.load(Ordering::Acquire)).finish()
    }
}

impl Cancellation {
    /// A cancellation that has not been triggered.
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels the call: it stops at once, whatever it was doing. Idempotent.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::Release);
        self.inner.waker.wake();
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::Acquire)
    }

    /// Whether the call this cancellation was given to may have applied its transfer: true when
    /// an attempt's outcome is unknown, including one cut short by the cancellation or by the
    /// call's future being dropped. For a host whose own cancellation (an asyncio task, a Kotlin
    /// coroutine) drops the call rather than ending it with an error.
    pub fn possibly_applied(&self) -> bool {
        self.inner.possibly_applied.load(Ordering::Acquire) || self.inner.in_flight.load(Ordering::Acquire)
    }

    /// Told by the call's attempt loop that an attempt may have been applied.
    pub(super) fn note_possibly_applied(&self) {
        self.inner.possibly_applied.store(true, Ordering::Release);
    }

    /// Told by the call's attempt loop that an attempt that is not idempotent is in flight, or
    /// has ended.
    pub(super) fn note_in_flight(&self, in_flight: bool) {
        self.inner.in_flight.store(in_flight, Ordering::Release);
    }

    /// Resolves when the call is cancelled.
    pub(super) fn cancelled(&self) -> Cancelled<'_> {
        Cancelled { cancellation: self }
    }
}

/// The future of [`Cancellation::cancelled`].
pub(super) struct Cancelled<'a> {
    cancellation: &'a Cancellation,
}

impl Future for Cancelled<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.cancellation.is_cancelled() {
            return Poll::Ready(());
        }
        self.cancellation.inner.waker.register(cx.waker());
        // Checked again after registering, so that a cancel between the two is not missed.
        if self.cancellation.is_cancelled() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}
