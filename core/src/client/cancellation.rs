//! Cancelling a call from outside it: a JavaScript `AbortSignal`, a Swift task, or a host's own
//! cancel button. A cancelled call stops its retries and drops its attempt in flight, and ends
//! with a `Cancelled` error that says whether the transfer may have been applied.

use super::attempts::SharedProgress;
use futures_util::task::AtomicWaker;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
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
    /// The progress of the call this cancellation was given to.
    progress: Mutex<Option<Arc<SharedProgress>>>,
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
        let progress = self.inner.progress.lock().unwrap_or_else(|p| p.into_inner());
        progress.as_ref().is_some_and(|progress| super::attempts::read(progress, |p| p.possibly_applied || p.in_flight))
    }

    /// Lets [`possibly_applied`](Self::possibly_applied) read the call's progress.
    pub(super) fn watch(&self, progress: Arc<SharedProgress>) {
        *self.inner.progress.lock().unwrap_or_else(|p| p.into_inner()) = Some(progress);
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
