//! A batch (`handover`, `accept_transfers`, `reject_transfers`) as an object the host iterates:
//! `next_event` hands out each certificate's event as it finishes. The core's batch runs on the
//! shared runtime from the first `next_event` on, a few events ahead of the host, so a slow loop
//! does not hold its calls up; `stop` starts nothing new and lets what is in flight finish.
//! Dropping the object ends the batch where it is (a journal settles what was in flight).

use crate::client::{blocking, on_runtime, runtime, AbortOnDrop};
use crate::error::IotTransferError;
use futures_util::StreamExt;
use iot_transfer::{BatchEvent, Cancellation};
use std::sync::Mutex;
use tokio::sync::mpsc;

/// How many events the batch may run ahead of the host.
const EVENTS_AHEAD: usize = 64;

type Received = Result<BatchEvent, iot_transfer::Error>;

/// A running batch: one event per certificate, then `None`.
#[derive(uniffi::Object)]
pub struct Batch {
    /// The core's batch, until the first `next_event` starts it.
    unstarted: Mutex<Option<iot_transfer::Batch>>,
    /// The events, once started.
    events: tokio::sync::Mutex<Option<mpsc::Receiver<Received>>>,
    /// The task that runs the batch, ended when the object is dropped.
    driver: Mutex<Option<AbortOnDrop<()>>>,
    stopper: Cancellation,
}

impl std::fmt::Debug for Batch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch").field("stopped", &self.stopper.is_cancelled()).finish_non_exhaustive()
    }
}

impl Batch {
    /// The object of the core's `batch`, not started.
    pub(crate) fn new(batch: iot_transfer::Batch) -> Self {
        let stopper = batch.stopper();
        Self {
            unstarted: Mutex::new(Some(batch)),
            events: tokio::sync::Mutex::new(None),
            driver: Mutex::new(None),
            stopper,
        }
    }

    /// Starts the batch on the runtime, once.
    fn start(&self) -> Option<mpsc::Receiver<Received>> {
        let mut batch = self.unstarted.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take()?;
        let (sender, receiver) = mpsc::channel(EVENTS_AHEAD);
        let driver = runtime().spawn(async move {
            while let Some(event) = batch.next().await {
                if sender.send(event).await.is_err() {
                    break;
                }
            }
        });
        *self.driver.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(AbortOnDrop(driver));
        Some(receiver)
    }

    async fn receive(&self) -> Result<Option<BatchEvent>, IotTransferError> {
        let mut events = self.events.lock().await;
        if events.is_none() {
            *events = self.start();
        }
        let Some(receiver) = events.as_mut() else { return Ok(None) };
        Ok(receiver.recv().await.transpose()?)
    }
}

#[uniffi::export]
impl Batch {
    /// The next certificate's event, or `None` after the last. A problem that stops the whole
    /// batch (its input, its journal, a listing it needs) is thrown, and ends it.
    pub async fn next_event(self: std::sync::Arc<Self>) -> Result<Option<BatchEvent>, IotTransferError> {
        on_runtime(async move { self.receive().await }).await
    }

    /// The same as `next_event`, blocking the calling thread.
    pub fn next_event_blocking(self: std::sync::Arc<Self>) -> Result<Option<BatchEvent>, IotTransferError> {
        blocking(async move { self.receive().await })
    }

    /// Stops the batch: no new certificate is started, and those in flight finish, each with its
    /// event. Idempotent.
    pub fn stop(&self) {
        self.stopper.cancel();
    }
}
