//! What a journal says of its batch, read without running it (the CLI's `status`): the batch, and
//! each certificate's latest outcome, counted, with those not done listed.

use super::{read, JournalStore};
use crate::error::Error;
use std::collections::{BTreeMap, HashMap};

/// A journal's account of its batch.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JournalSummary {
    /// The batch: `handover`, `accept` or `reject`.
    pub batch: String,
    /// The account a handover transfers to.
    pub target_aws_account: Option<String>,
    /// Certificates the journal names.
    pub certificates: usize,
    /// How many certificates each latest outcome (`Transferred`, `Failed`, ...) has; those sent
    /// without an outcome count as `InFlight`.
    pub outcomes: BTreeMap<String, usize>,
    /// The certificates not done (blocked, failed, ready, in flight), in the order first recorded.
    pub unfinished: Vec<Unfinished>,
}

/// A certificate a journal does not record as done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    /// Its ID.
    pub certificate_id: String,
    /// Its latest outcome (`InFlight` when a call was sent and no outcome followed).
    pub outcome: String,
    /// What the journal says of it (the error, the blockers).
    pub detail: Option<String>,
}

/// Reads the journal in `store`. An empty journal is an empty summary; one that is not a journal,
/// or has a line that is not an entry, is an error.
pub async fn summarize(store: &dyn JournalStore) -> Result<JournalSummary, Error> {
    let Some((header, entries)) = read(store).await? else { return Ok(JournalSummary::default()) };
    let mut order: Vec<String> = Vec::new();
    let mut latest: HashMap<String, (String, Option<String>)> = HashMap::new();
    for entry in entries {
        let Some(state) = entry.state().map(str::to_owned) else { continue };
        let id = super::bare_id(&entry.certificate_id);
        let detail = if state == super::IN_FLIGHT { None } else { entry.detail };
        if latest.insert(id.clone(), (state, detail)).is_none() {
            order.push(id);
        }
    }
    let mut outcomes = BTreeMap::new();
    let mut unfinished = Vec::new();
    for id in &order {
        let (outcome, detail) = &latest[id];
        *outcomes.entry(outcome.clone()).or_insert(0) += 1;
        if super::is_done(outcome).is_none() {
            unfinished.push(Unfinished {
                certificate_id: id.clone(),
                outcome: outcome.clone(),
                detail: detail.clone(),
            });
        }
    }
    Ok(JournalSummary {
        batch: header.batch,
        target_aws_account: header.target_aws_account,
        certificates: order.len(),
        outcomes,
        unfinished,
    })
}
