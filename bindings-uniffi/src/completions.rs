//! Calls whose completions a host's event loop collects in batches: the Python face's
//! `AsyncClient` starts each call here and learns which calls finished by reading one socket.
//!
//! Why not the host's foreign futures: uniffi's async calls wake the host from the runtime thread
//! that completes them, through a callback into the host. In Python that callback must take the
//! interpreter lock, which a busy event loop holds: with many calls in flight, the runtime's threads
//! queue for it and their I/O stalls. Here a finished call only queues its id and, when the queue
//! was empty, writes one byte to a socket the event loop watches: the loop wakes once for every
//! call finished since it last looked, and no runtime thread calls into the host.

use crate::client::{panic_message, runtime, IotTransferClient};
use crate::error::IotTransferError;
use futures_util::FutureExt;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, MutexGuard};

/// Calls started on the shared runtime, each known by an id; the ids of those finished are read
/// with `drain` once `fd` is readable, and each call's outcome with the operation's `..._result`.
/// Dropping the queue aborts the calls still running.
#[derive(uniffi::Object)]
pub struct CompletionQueue {
    shared: Arc<Shared>,
    /// The end the host watches; readable while finished ids wait.
    reader: UnixStream,
}

/// What the calls' tasks share with the queue.
struct Shared {
    state: Mutex<State>,
    /// The end a finished call writes its one byte to.
    signal: UnixStream,
}

#[derive(Default)]
struct State {
    next_id: u64,
    /// Finished since the last `drain`.
    finished: Vec<u64>,
    /// Each finished call's `Result<Output, IotTransferError>`, until taken.
    outcomes: HashMap<u64, Box<dyn Any + Send>>,
    /// Each running call's task, to abort.
    running: HashMap<u64, tokio::task::AbortHandle>,
    /// Whether a byte waits in the socket.
    signalled: bool,
}

impl std::fmt::Debug for CompletionQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompletionQueue").field("fd", &self.reader.as_raw_fd()).finish_non_exhaustive()
    }
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A panic never happens while the lock is held (only map and vector operations do), so a
        // poisoned lock still holds a whole state.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn finish(&self, id: u64, outcome: Box<dyn Any + Send>) {
        let mut state = self.state();
        // Listed by `start` before the task could finish: absent, the call was cancelled.
        if state.running.remove(&id).is_none() {
            return;
        }
        state.outcomes.insert(id, outcome);
        state.finished.push(id);
        if !state.signalled {
            state.signalled = true;
            // Non-blocking, and at most one byte waits: this cannot fill the socket. Were it to
            // fail, the next `drain` still finds the id.
            let _ = (&self.signal).write(&[1]);
        }
    }
}

impl CompletionQueue {
    /// Starts `work` on the shared runtime and returns its id.
    fn start<T: Send + 'static>(
        &self,
        work: impl Future<Output = Result<T, IotTransferError>> + Send + 'static,
    ) -> u64 {
        let mut state = self.shared.state();
        let id = state.next_id;
        state.next_id += 1;
        let shared = self.shared.clone();
        // The lock is held until the task is listed as running, so its `finish` comes after.
        let task = runtime().spawn(async move {
            let outcome = AssertUnwindSafe(work)
                .catch_unwind()
                .await
                .unwrap_or_else(|panic| Err(iot_transfer::Error::from_panic(&panic_message(panic)).into()));
            shared.finish(id, Box::new(outcome));
        });
        state.running.insert(id, task.abort_handle());
        id
    }

    /// Takes the outcome of finished call `id`.
    fn take<T: 'static>(&self, id: u64) -> Result<T, IotTransferError> {
        let outcome = self.shared.state().outcomes.remove(&id);
        match outcome.map(|outcome| outcome.downcast::<Result<T, IotTransferError>>()) {
            Some(Ok(outcome)) => *outcome,
            _ => Err(iot_transfer::Error::from_panic(&format!("no finished call {id} of this operation")).into()),
        }
    }
}

#[uniffi::export]
impl CompletionQueue {
    /// An empty queue.
    #[uniffi::constructor]
    pub fn new() -> Result<Arc<Self>, IotTransferError> {
        let (reader, signal) = UnixStream::pair()
            .and_then(|(reader, signal)| {
                reader.set_nonblocking(true)?;
                signal.set_nonblocking(true)?;
                Ok((reader, signal))
            })
            .map_err(|error| iot_transfer::Error::from_panic(&format!("cannot make the completion socket: {error}")))?;
        Ok(Arc::new(Self { shared: Arc::new(Shared { state: Mutex::default(), signal }), reader }))
    }

    /// The file descriptor to watch: readable while finished calls wait for `drain`.
    pub fn fd(&self) -> i32 {
        self.reader.as_raw_fd()
    }

    /// The ids of the calls finished since the last `drain`, in the order they finished.
    pub fn drain(&self) -> Vec<u64> {
        let mut state = self.shared.state();
        // Emptied under the lock, so a byte written after it is for an id not taken here.
        let mut bytes = [0u8; 64];
        while matches!((&self.reader).read(&mut bytes), Ok(n) if n > 0) {}
        state.signalled = false;
        std::mem::take(&mut state.finished)
    }

    /// Aborts call `id` if it is still running (the host's task was cancelled), and forgets its
    /// outcome if it has one.
    pub fn cancel(&self, id: u64) {
        let mut state = self.shared.state();
        if let Some(task) = state.running.remove(&id) {
            task.abort();
        }
        state.outcomes.remove(&id);
    }
}

impl Drop for CompletionQueue {
    fn drop(&mut self) {
        for (_, task) in self.shared.state().running.drain() {
            task.abort();
        }
    }
}

/// Each operation and workflow call as `queue.<method>(client, input)`, starting it and returning
/// its id, and `queue.<method>_result(id)`, its outcome once finished.
macro_rules! completion_calls {
    (
        operations { $($operations:tt)* }
        workflows { $($workflows:tt)* }
        paginators { $($paginators:tt)* }
        batches { $($batches:tt)* }
    ) => {
        completion_calls!(@calls $($operations)* $($workflows)*);
    };
    (@calls $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )*) => { pastey::paste! {
        #[uniffi::export]
        impl CompletionQueue {
            $(
                #[doc = "Starts `" $method "` of `client` on the shared runtime and returns the call's id, which `drain` gives once it finished."]
                pub fn $method(&self, client: Arc<IotTransferClient>, input: $Input) -> u64 {
                    let client = client.client.clone();
                    self.start(async move { Ok(client.$method(input).await?) })
                }

                #[doc = "The outcome of the finished `" $method "` call `id` (once: it is then forgotten)."]
                pub fn [<$method _result>](&self, id: u64) -> Result<$Output, IotTransferError> {
                    self.take(id)
                }
            )*
        }
    } };
}

iot_transfer::for_each_operation!(completion_calls);
