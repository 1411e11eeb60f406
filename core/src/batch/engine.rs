//! The one driver of every batch: it opens the journal, asks the batch's work for its
//! certificates, keeps up to `max_concurrency` of them in flight through one paced client, and
//! hands out each outcome, recorded in the journal first, with the progress. Stopping (the
//! caller's, or `max_failures`) starts no new certificate and lets those in flight finish, so each
//! ends in a known state.

use super::input::Settings;
use super::journal::{bare_id, Journal, JournalHeader, JournalStore, Recorded};
use super::outcome::Tally;
use super::pacer::BatchPacer;
use super::progress::Counters;
use crate::client::{Cancellation, Client};
use crate::error::{Error, ErrorKind};
use crate::operation::shapes::{BatchEvent, CertificateOutcome, PrepareStep};
use crate::runtime::{BoxFuture, MaybeSend};
use futures_util::future::{select, Either};
use futures_util::stream::{FuturesUnordered, Stream, StreamExt};
use std::collections::HashSet;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::SystemTime;

/// A certificate to work on, as the batch's work listed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// Its ID, as given (taken from an ARN).
    pub(crate) certificate_id: String,
    /// The account that offers it, when a listing said (incoming transfers).
    pub(crate) offered_by: Option<String>,
}

/// What the work did to one certificate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Worked {
    pub(crate) outcome: CertificateOutcome,
    pub(crate) steps: Vec<PrepareStep>,
}

impl Worked {
    /// An outcome with no step taken.
    pub(crate) fn without_steps(outcome: CertificateOutcome) -> Self {
        Self { outcome, steps: Vec::new() }
    }
}

/// One kind of batch: the certificates it works on, and what it does to each.
pub(crate) trait BatchWork: MaybeSend + 'static {
    /// The journal header of this batch.
    fn header(&self) -> JournalHeader;

    /// The certificates, in order; `journal` says what earlier runs left in flight.
    fn items<'a>(&'a self, client: &'a Client, journal: Option<&'a Journal>) -> BoxFuture<'a, Result<Source, Error>>;

    /// Works on one certificate. `settle`: an earlier run sent a change to it and recorded no
    /// outcome, so its state says what happened. A journal error is returned (it ends the batch);
    /// any other failure is the certificate's outcome.
    fn run(
        self: Arc<Self>,
        client: Client,
        item: Item,
        settle: bool,
        journal: Option<Arc<Journal>>,
    ) -> BoxFuture<'static, Result<Worked, Error>>;
}

/// Certificates that arrive one by one (natively: a caller's stream, such as lines read as they come).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type ItemStream = Pin<Box<dyn Stream<Item = Item> + Send>>;
/// Certificates that arrive one by one.
#[cfg(target_arch = "wasm32")]
pub(crate) type ItemStream = Pin<Box<dyn Stream<Item = Item>>>;

/// Where a batch's certificates come from.
pub(crate) enum Source {
    /// A list, known whole at the start: the progress has its total.
    List(std::vec::IntoIter<Item>),
    /// A stream, read as certificates are started: the total counts those read so far.
    Stream(Option<ItemStream>),
}

impl Source {
    /// The certificates of `items`.
    pub(crate) fn list(items: Vec<Item>) -> Self {
        Source::List(items.into_iter())
    }
}

#[cfg(not(target_arch = "wasm32"))]
type EventStream = Pin<Box<dyn Stream<Item = Result<BatchEvent, Error>> + Send>>;
#[cfg(target_arch = "wasm32")]
type EventStream = Pin<Box<dyn Stream<Item = Result<BatchEvent, Error>>>>;

/// A running batch: a stream of one event per certificate, as each finishes, then the end. A
/// problem that stops the whole batch (its input, its journal, a listing it needs) is an error,
/// after which the stream ends. Nothing is sent until the stream is first polled.
pub struct Batch {
    events: EventStream,
    stop: Cancellation,
}

impl std::fmt::Debug for Batch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch").field("stopped", &self.stop.is_cancelled()).finish_non_exhaustive()
    }
}

impl Batch {
    /// The next event, `None` after the last.
    pub async fn next_event(&mut self) -> Option<Result<BatchEvent, Error>> {
        self.events.next().await
    }

    /// Stops the batch: no new certificate is started, and those in flight finish, each with its
    /// outcome (so none is left in an unknown state). Idempotent.
    pub fn stop(&self) {
        self.stop.cancel();
    }

    /// A handle that stops the batch from elsewhere (another task, a signal handler).
    pub fn stopper(&self) -> Cancellation {
        self.stop.clone()
    }

    /// A batch that fails at once with `error`, sending nothing.
    pub(crate) fn failed(error: Error) -> Self {
        Self { events: Box::pin(futures_util::stream::iter([Err(error)])), stop: Cancellation::new() }
    }

    /// Runs `work` through `client`, with `settings`, recording in `journal`.
    pub(crate) fn start(
        client: &Client,
        work: Arc<dyn BatchWork>,
        settings: Settings,
        journal: Option<Arc<dyn JournalStore>>,
    ) -> Self {
        let pacer = Arc::new(BatchPacer::new(settings.requests_per_second));
        let stop = Cancellation::new();
        let run = Run {
            client: client.paced(pacer.clone()),
            work,
            settings,
            store: journal,
            journal: None,
            pending: Source::list(Vec::new()),
            seen: HashSet::new(),
            running: FuturesUnordered::new(),
            counters: Counters::default(),
            pacer,
            started_at: client.config().clock.now(),
            stop: stop.clone(),
            state: State::Starting,
        };
        let events =
            futures_util::stream::unfold(run, |mut run| async move { run.next().await.map(|event| (event, run)) });
        Self { events: Box::pin(events), stop }
    }
}

impl Stream for Batch {
    type Item = Result<BatchEvent, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.events.as_mut().poll_next(cx)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Starting,
    Running,
    Ended,
}

type Running = FuturesUnordered<BoxFuture<'static, (Item, Result<Worked, Error>)>>;

/// What the driver's wait for work gave.
enum Next {
    /// A certificate to start.
    Item(Item),
    /// The stream of certificates ended.
    SourceEnded,
    /// A certificate finished (boxed: the outcome is much larger than the other variants).
    Finished(Box<(Item, Result<Worked, Error>)>),
}

struct Run {
    client: Client,
    work: Arc<dyn BatchWork>,
    settings: Settings,
    store: Option<Arc<dyn JournalStore>>,
    journal: Option<Arc<Journal>>,
    pending: Source,
    /// The certificates started, by bare ID: one listed twice is worked on once.
    seen: HashSet<String>,
    running: Running,
    counters: Counters,
    pacer: Arc<BatchPacer>,
    started_at: SystemTime,
    stop: Cancellation,
    state: State,
}

impl Run {
    async fn next(&mut self) -> Option<Result<BatchEvent, Error>> {
        if self.state == State::Starting {
            if let Err(error) = self.open().await {
                return Some(Err(self.end(error)));
            }
            self.state = State::Running;
        }
        if self.state == State::Ended {
            return None;
        }
        let (item, result) = loop {
            let room = !self.stopping() && self.running.len() < self.settings.max_concurrency;
            let next = match &mut self.pending {
                Source::List(items) if room => items.next().map(Next::Item),
                Source::Stream(Some(items)) if room && self.running.is_empty() => {
                    Some(items.next().await.map_or(Next::SourceEnded, Next::Item))
                }
                // Certificates in flight keep going while the next one is awaited.
                Source::Stream(Some(items)) if room => match select(items.next(), self.running.next()).await {
                    Either::Left((item, _)) => Some(item.map_or(Next::SourceEnded, Next::Item)),
                    Either::Right((finished, _)) => finished.map(|finished| Next::Finished(Box::new(finished))),
                },
                _ => None,
            };
            match next {
                Some(Next::Item(item)) => {
                    if matches!(self.pending, Source::Stream(_)) {
                        self.counters.total = self.counters.total.saturating_add(1);
                    }
                    if let Some(skipped) = self.start(item) {
                        return Some(Ok(self.event(skipped.0, skipped.1)));
                    }
                }
                Some(Next::SourceEnded) => self.pending = Source::Stream(None),
                Some(Next::Finished(finished)) => break *finished,
                None => match self.running.next().await {
                    Some(finished) => break finished,
                    None => {
                        self.state = State::Ended;
                        return None;
                    }
                },
            }
        };
        let worked = match result {
            Ok(worked) => worked,
            Err(error) => return Some(Err(self.end(error))),
        };
        if let Some(journal) = &self.journal {
            if let Err(error) = journal.outcome(&item.certificate_id, &worked.outcome).await {
                return Some(Err(self.end(error)));
            }
        }
        Some(Ok(self.event(item.certificate_id, worked)))
    }

    /// Opens the journal and lists the certificates.
    async fn open(&mut self) -> Result<(), Error> {
        if let Some(store) = self.store.take() {
            // On wasm32 there is one thread; natively the journal's store is Send + Sync.
            #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
            let journal = Arc::new(Journal::open(store, &self.work.header()).await?);
            self.journal = Some(journal);
        }
        self.pending = self.work.items(&self.client, self.journal.as_deref()).await?;
        if let Source::List(items) = &self.pending {
            self.counters.total = u32::try_from(items.len()).unwrap_or(u32::MAX);
        }
        Ok(())
    }

    /// Starts `item`, or returns its outcome when there is nothing to do.
    fn start(&mut self, item: Item) -> Option<(String, Worked)> {
        let key = bare_id(&item.certificate_id);
        if !self.seen.insert(key) {
            let reason = "It is listed more than once in the batch: it was worked on once.".to_owned();
            return Some((item.certificate_id, Worked::without_steps(CertificateOutcome::Skipped { reason })));
        }
        let recorded = self.journal.as_ref().and_then(|journal| journal.recorded(&item.certificate_id));
        if let Some(Recorded::Done(outcome)) = recorded {
            let reason = format!("Done by an earlier run ({outcome}), as its journal records.");
            return Some((item.certificate_id, Worked::without_steps(CertificateOutcome::Skipped { reason })));
        }
        let settle = recorded == Some(Recorded::InFlight);
        let work = self.work.clone().run(self.client.clone(), item.clone(), settle, self.journal.clone());
        self.running.push(Box::pin(async move { (item, work.await) }));
        None
    }

    /// Whether to start no new certificate: stopped by the caller, or too many failed.
    fn stopping(&self) -> bool {
        let max = self.settings.max_failures;
        self.stop.is_cancelled() || (max > 0 && self.counters.failed >= max)
    }

    /// The event of `worked`, counted.
    fn event(&mut self, certificate_id: String, worked: Worked) -> BatchEvent {
        self.counters.count(Tally::of(&worked.outcome));
        let elapsed = self.client.config().clock.now().duration_since(self.started_at).unwrap_or_default();
        let progress = self.counters.progress(elapsed, self.pacer.counts());
        BatchEvent { certificate_id, outcome: worked.outcome, steps: worked.steps, progress }
    }

    /// Ends the batch with `error`: nothing more is started or handed out.
    fn end(&mut self, error: Error) -> Error {
        self.state = State::Ended;
        self.stop.cancel();
        self.running = FuturesUnordered::new();
        error
    }
}

/// Whether `error` ends the batch rather than one certificate.
pub(crate) fn ends_batch(error: &Error) -> bool {
    *error.kind() == ErrorKind::Journal
}
