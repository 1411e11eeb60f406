//! Batches over many certificates, declared in the registry's `batches`: the fleet handover
//! (`handover`) and the target side (`accept_transfers`, `reject_transfers`). One driver runs
//! them all ([`Batch`]): a shared request rate that slows down on throttling, a bounded number of
//! certificates in flight, a journal to resume from, progress with every outcome, and a stop that
//! lets what is in flight finish.

mod engine;
#[cfg(not(target_arch = "wasm32"))]
mod file_journal;
mod handover;
mod incoming;
mod input;
mod journal;
mod outcome;
mod pacer;
mod progress;

pub use engine::Batch;
#[cfg(not(target_arch = "wasm32"))]
pub use file_journal::FileJournal;
pub(crate) use journal::Journal;
pub use journal::{summarize, JournalStore, JournalSummary, Unfinished};
pub(crate) use pacer::BatchPacer;

use crate::client::Client;
use crate::error::Error;
use crate::operation::shapes::{HandoverInput, IncomingTransfersInput};
use engine::{Item, Source};
use handover::Handover;
use incoming::{Decision, Incoming};
use std::sync::Arc;

impl Client {
    /// The runner of `handover` (declared in the registry).
    // On wasm32 there is one thread, and a handover's source of certificates need not be Send.
    #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
    pub(crate) fn handover_batch(&self, input: HandoverInput, journal: Option<Arc<dyn JournalStore>>) -> Batch {
        let (ids, settings) = match input.check() {
            Ok(checked) => checked,
            Err(error) => return Batch::failed(error.into()),
        };
        match journal.map_or_else(|| journal_file(input.journal.as_deref()), |store| Ok(Some(store))) {
            Ok(journal) => {
                let items = ids.into_iter().map(|certificate_id| Item { certificate_id, offered_by: None }).collect();
                Batch::start(self, Arc::new(Handover::new(input, Source::list(items))), settings, journal)
            }
            Err(error) => Batch::failed(error),
        }
    }

    /// A handover of the certificates `certificates` yields (IDs or ARNs), started as they
    /// arrive: for a fleet listed by another program or read as it is produced. The input's own
    /// `certificates` must be empty. Each is checked when it arrives: one that is not a certificate
    /// ID or ARN is `Failed` with a validation error, and the batch goes on; a certificate yielded
    /// twice is worked on once. The progress's `total` counts those yielded so far. The input's
    /// `journal` names the journal file, as for [`handover`](Self::handover).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn handover_stream(
        &self,
        input: HandoverInput,
        certificates: impl futures_util::Stream<Item = String> + Send + 'static,
    ) -> Batch {
        let settings = match input.check_streamed() {
            Ok(settings) => settings,
            Err(error) => return Batch::failed(error.into()),
        };
        let journal = match journal_file(input.journal.as_deref()) {
            Ok(journal) => journal,
            Err(error) => return Batch::failed(error),
        };
        let items =
            futures_util::StreamExt::map(certificates, |certificate_id| Item { certificate_id, offered_by: None });
        Batch::start(self, Arc::new(Handover::new(input, Source::Stream(Some(Box::pin(items))))), settings, journal)
    }

    /// The runner of `accept_transfers` (declared in the registry).
    pub(crate) fn accept_batch(&self, input: IncomingTransfersInput, journal: Option<Arc<dyn JournalStore>>) -> Batch {
        self.incoming_batch(input, Decision::Accept, "accept_transfers", journal)
    }

    /// The runner of `reject_transfers` (declared in the registry).
    pub(crate) fn reject_batch(&self, input: IncomingTransfersInput, journal: Option<Arc<dyn JournalStore>>) -> Batch {
        self.incoming_batch(input, Decision::Reject, "reject_transfers", journal)
    }

    fn incoming_batch(
        &self,
        input: IncomingTransfersInput,
        decision: Decision,
        call: &'static str,
        journal: Option<Arc<dyn JournalStore>>,
    ) -> Batch {
        let (ids, settings) = match input.check(call, decision == Decision::Reject) {
            Ok(checked) => checked,
            Err(error) => return Batch::failed(error.into()),
        };
        match journal.map_or_else(|| journal_file(input.journal.as_deref()), |store| Ok(Some(store))) {
            Ok(journal) => Batch::start(self, Arc::new(Incoming::new(input, decision, ids)), settings, journal),
            Err(error) => Batch::failed(error),
        }
    }
}

/// The journal file the input names, if any.
#[cfg(not(target_arch = "wasm32"))]
fn journal_file(path: Option<&str>) -> Result<Option<Arc<dyn JournalStore>>, Error> {
    Ok(path.map(|path| Arc::new(FileJournal::new(path)) as Arc<dyn JournalStore>))
}

/// A journal file needs a file system, which WebAssembly does not have.
#[cfg(target_arch = "wasm32")]
fn journal_file(path: Option<&str>) -> Result<Option<Arc<dyn JournalStore>>, Error> {
    match path {
        None => Ok(None),
        Some(_) => Err(journal::journal_error(
            "a journal file needs a file system: give a journal store (an object with `readLines` and `appendLine`)"
                .into(),
        )),
    }
}
