//! A batch's journal: JSON lines the caller keeps (a file, or a store of their own in a browser).
//! The first line says which batch it records; then a line before each call that changes a
//! certificate (`sending`), and one per outcome, each appended as it happens. A rerun reads it
//! back: what is done is skipped, and what was sent without an outcome is settled from the
//! certificate's state before anything is sent again. Lines are only ever appended.

use super::outcome::{is_done, outcome_name};
use crate::error::{Error, ErrorKind};
use crate::operation::shapes::CertificateOutcome;
use crate::runtime::{BoxFuture, MaybeSend};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Where a journal's lines are kept: a file natively ([`FileJournal`]), or the caller's own store
/// (a browser's storage). Each appended line must be kept before the returned future resolves.
pub trait JournalStore: MaybeSend {
    /// Every line kept so far, in order (none for a new journal).
    fn read_lines(&self) -> BoxFuture<'_, Result<Vec<String>, String>>;
    /// Keeps `line` (one JSON object, without a line break) after the others.
    fn append_line(&self, line: String) -> BoxFuture<'_, Result<(), String>>;
}

/// The journal's format, named in its first line.
const FORMAT: &str = "iot-transfer batch journal";
/// The format's version.
const VERSION: u32 = 1;

/// The first line: which batch the journal records. A rerun must be the same batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JournalHeader {
    journal: String,
    version: u32,
    /// `handover`, `accept` or `reject`.
    pub(crate) batch: String,
    /// The account a handover transfers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) target_aws_account: Option<String>,
}

impl JournalHeader {
    /// The header of a `batch` batch (to `target_aws_account`, for a handover).
    pub(crate) fn new(batch: &str, target_aws_account: Option<&str>) -> Self {
        Self {
            journal: FORMAT.into(),
            version: VERSION,
            batch: batch.into(),
            target_aws_account: target_aws_account.map(str::to_owned),
        }
    }

    fn describe(&self) -> String {
        match &self.target_aws_account {
            Some(target) => format!("a {} to account {target}", self.batch),
            None => format!("a batch that will {} the transfers offered", self.batch),
        }
    }
}

/// A line after the first: `sending` before a call that changes the certificate, `outcome` as it
/// finishes. One flat record rather than a tagged enum: serde's tagged enums buffer each line
/// through generic code that costs the WebAssembly package kilobytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    /// `sending` or `outcome`.
    event: String,
    certificate_id: String,
    /// The call about to be sent (`sending`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    call: Option<String>,
    /// The outcome's name (`outcome`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    certificate_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

/// `Entry::event` of a line written before a call.
const SENDING: &str = "sending";
/// `Entry::event` of a certificate's outcome.
const OUTCOME: &str = "outcome";

impl Entry {
    fn sending(certificate_id: &str, call: &str) -> Self {
        Self {
            event: SENDING.into(),
            certificate_id: certificate_id.into(),
            call: Some(call.into()),
            outcome: None,
            certificate_arn: None,
            detail: None,
        }
    }

    /// The latest state the line records: `InFlight` for `sending`, else the outcome's name.
    fn state(&self) -> Option<&str> {
        match self.event.as_str() {
            SENDING => Some(IN_FLIGHT),
            OUTCOME => self.outcome.as_deref(),
            _ => None,
        }
    }
}

/// The state of a certificate sent a change without an outcome recorded after it.
pub(crate) const IN_FLIGHT: &str = "InFlight";

/// What an earlier run recorded about one certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recorded {
    /// Its outcome was recorded as done (this outcome's name).
    Done(&'static str),
    /// A call that changes it was sent, and no outcome followed: it must be settled from its state.
    InFlight,
}

/// An open journal: the store, and what the earlier runs recorded, by certificate ID.
pub(crate) struct Journal {
    store: Arc<dyn JournalStore>,
    recorded: HashMap<String, Recorded>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("recorded", &self.recorded.len()).finish_non_exhaustive()
    }
}

impl Journal {
    /// Opens the journal in `store` for the batch `header` names: reads what earlier runs
    /// recorded, or writes the header to a new journal. A journal of another batch, or with a
    /// line that is not an entry, is an error, and nothing is written to it.
    pub(crate) async fn open(store: Arc<dyn JournalStore>, header: &JournalHeader) -> Result<Self, Error> {
        let Some((found, entries)) = read(store.as_ref()).await? else {
            let line = to_line(header)?;
            store.append_line(line).await.map_err(|message| journal_error(format!("cannot write it: {message}")))?;
            return Ok(Self { store, recorded: HashMap::new() });
        };
        if found != *header {
            return Err(journal_error(format!(
                "it records {}, not {}: give this batch a journal of its own",
                found.describe(),
                header.describe()
            )));
        }
        // A later line replaces an earlier one; an outcome that is not done clears what was recorded.
        let mut recorded = HashMap::new();
        for entry in &entries {
            let key = bare_id(&entry.certificate_id);
            match entry.state() {
                Some(IN_FLIGHT) => recorded.insert(key, Recorded::InFlight),
                Some(outcome) => match is_done(outcome) {
                    Some(done) => recorded.insert(key, Recorded::Done(done)),
                    None => recorded.remove(&key),
                },
                None => None,
            };
        }
        Ok(Self { store, recorded })
    }

    /// What earlier runs recorded about `certificate_id`.
    pub(crate) fn recorded(&self, certificate_id: &str) -> Option<Recorded> {
        self.recorded.get(&bare_id(certificate_id)).copied()
    }

    /// The certificates earlier runs left in flight.
    pub(crate) fn in_flight(&self) -> HashSet<String> {
        let in_flight = self.recorded.iter().filter(|(_, recorded)| **recorded == Recorded::InFlight);
        in_flight.map(|(id, _)| id.clone()).collect()
    }

    /// Records that `call` (`TransferCertificate`, ...) is about to be sent for `certificate_id`.
    pub(crate) async fn sending(&self, certificate_id: &str, call: &str) -> Result<(), Error> {
        self.append(&Entry::sending(certificate_id, call)).await
    }

    /// Records `outcome` for `certificate_id`.
    pub(crate) async fn outcome(&self, certificate_id: &str, outcome: &CertificateOutcome) -> Result<(), Error> {
        let certificate_arn = match outcome {
            CertificateOutcome::Transferred { certificate_arn, .. } => Some(certificate_arn.clone()),
            _ => None,
        };
        let detail = outcome.detail();
        let entry = Entry {
            event: OUTCOME.into(),
            certificate_id: certificate_id.into(),
            call: None,
            outcome: Some(outcome_name(outcome).into()),
            certificate_arn,
            detail,
        };
        self.append(&entry).await
    }

    async fn append(&self, entry: &Entry) -> Result<(), Error> {
        let line = to_line(entry)?;
        self.store.append_line(line).await.map_err(|message| journal_error(format!("cannot write it: {message}")))
    }
}

/// The header and entries of the journal in `store`; `None` for an empty one. A journal of
/// another format or version, or a line that is not an entry, is an error.
async fn read(store: &dyn JournalStore) -> Result<Option<(JournalHeader, Vec<Entry>)>, Error> {
    let lines = store.read_lines().await.map_err(|message| journal_error(format!("cannot read it: {message}")))?;
    let mut lines = lines.iter().enumerate().filter(|(_, line)| !line.trim().is_empty());
    let Some((_, first)) = lines.next() else { return Ok(None) };
    // Read as bytes, as every response body is: one reader of serde_json's in the WebAssembly build.
    let header: JournalHeader = serde_json::from_slice(first.as_bytes())
        .ok()
        .filter(|found: &JournalHeader| found.journal == FORMAT)
        .ok_or_else(|| journal_error("its first line is not an iot-transfer batch journal's header".into()))?;
    if header.version != VERSION {
        return Err(journal_error(format!(
            "it is version {} of the format; this library reads {VERSION}",
            header.version
        )));
    }
    let entries = lines
        .map(|(index, line)| {
            let not_an_entry = |why: String| {
                journal_error(format!("line {} is not a journal entry ({why}); the journal was not changed", index + 1))
            };
            let entry: Entry =
                serde_json::from_slice(line.as_bytes()).map_err(|error| not_an_entry(error.to_string()))?;
            match entry.state() {
                Some(_) => Ok(entry),
                None => Err(not_an_entry(format!("event {:?}", entry.event))),
            }
        })
        .collect::<Result<Vec<Entry>, Error>>()?;
    Ok(Some((header, entries)))
}

fn to_line(value: &impl Serialize) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|error| journal_error(format!("cannot write an entry: {error}")))
}

/// A certificate ID as the journal keys it: lower case, without `0x`.
pub(crate) fn bare_id(certificate_id: &str) -> String {
    certificate_id.strip_prefix("0x").unwrap_or(certificate_id).to_ascii_lowercase()
}

/// A journal that cannot be used: nothing more is sent.
pub(crate) fn journal_error(problem: String) -> Error {
    Error::of_kind(ErrorKind::Journal, format!("the batch's journal cannot be used: {problem}"))
}

mod summary;

pub use summary::{summarize, JournalSummary, Unfinished};

#[cfg(test)]
mod tests;
