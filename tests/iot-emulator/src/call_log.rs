//! The call log: every IoT call received since the start or the last reset, in order, with what
//! became of it (`applied`, `refused`, `throttled` or `fault:<kind>`), so that a test can prove
//! what happened to each certificate. In memory only; a record is 48 bytes plus its certificate
//! ID (the account ID is shared), so 100,000 calls take some 13 MB.

use crate::faults::FaultKind;
use crate::ops::validate;
use crate::wire::routing::Operation;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The most calls the log keeps; later ones are only counted (`dropped`), so that a long soak
/// run cannot exhaust memory.
pub const MAX_CALLS: usize = 1_000_000;

/// What became of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallOutcome {
    /// The operation ran and succeeded: its change, if any, was made (also when an injected
    /// `dropResponse` or `slow` fault then lost or delayed the answer).
    Applied,
    /// It was answered with an error (by the signature check, validation or the operation's
    /// rules); nothing changed.
    Refused,
    /// The account's request-rate quota refused it (`ThrottlingException`); it did not run.
    Throttled,
    /// An injected fault answered it, or dropped the connection, instead of running it.
    Fault(FaultKind),
}

impl Serialize for CallOutcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Applied => serializer.serialize_str("applied"),
            Self::Refused => serializer.serialize_str("refused"),
            Self::Throttled => serializer.serialize_str("throttled"),
            Self::Fault(kind) => serializer.collect_str(&format_args!("fault:{}", kind.name())),
        }
    }
}

/// One logged call, as `GET /_emulator/calls` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallRecord {
    /// The operation called.
    pub operation: Operation,
    /// The account of the request's access key, if the emulator knows the key (verified when
    /// the call ran; the claimed one when a fault or the signature check stopped it).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "shared_str")]
    pub account_id: Option<Arc<str>>,
    /// The certificate the path names, for operations whose URI label is a certificate ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<Box<str>>,
    /// The HTTP status answered; absent when no answer was sent (a dropped connection or
    /// response).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// What became of it.
    pub outcome: CallOutcome,
    /// The injected fault, if any (for `dropResponse` and `slow` the call still ran).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<FaultKind>,
    /// When its outcome was known, on the service clock (milliseconds since the Unix epoch).
    pub at_millis: i64,
}

fn shared_str<S: Serializer>(value: &Option<Arc<str>>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(text) => serializer.serialize_str(text),
        None => serializer.serialize_none(),
    }
}

/// The certificate ID a call's path names: the URI label of the operations that take one, in
/// the lower case the emulator stores (or as given, if it is not a valid ID).
pub fn certificate_named(operation: Operation, label: Option<&str>) -> Option<Box<str>> {
    let label = label.filter(|_| operation.label_is_certificate_id())?;
    Some(validate::certificate_id(Some(label)).map_or_else(|_| label.into(), String::into_boxed_str))
}

#[derive(Debug, Default)]
struct Entries {
    records: Vec<CallRecord>,
    dropped: u64,
}

/// The calls, in the order their outcomes were known (calls that overlap in time may be listed
/// in either order).
#[derive(Debug)]
pub struct CallLog {
    account_ids: HashMap<String, Arc<str>>,
    entries: Mutex<Entries>,
}

/// The body of `GET /_emulator/calls`.
#[derive(Serialize)]
struct Listing<'a> {
    calls: Vec<&'a CallRecord>,
    dropped: u64,
}

impl CallLog {
    /// An empty log for these accounts (their IDs are shared by the records, not copied).
    pub fn new(account_ids: impl IntoIterator<Item = String>) -> Self {
        let account_ids = account_ids.into_iter().map(|id| (id.clone(), Arc::from(id))).collect();
        Self { account_ids, entries: Mutex::new(Entries::default()) }
    }

    /// The shared copy of an account ID, for [`CallRecord::account_id`].
    pub fn account(&self, account_id: &str) -> Arc<str> {
        self.account_ids.get(account_id).cloned().unwrap_or_else(|| Arc::from(account_id))
    }

    /// Appends a call (or, past [`MAX_CALLS`], counts it as dropped).
    pub fn record(&self, record: CallRecord) {
        let mut entries = self.lock();
        if entries.records.len() < MAX_CALLS {
            entries.records.push(record);
        } else {
            entries.dropped += 1;
        }
    }

    /// `{"calls": [...], "dropped": N}`, only the calls of `operation` if given, serialized
    /// straight from the log.
    pub fn to_json(&self, operation: Option<Operation>) -> String {
        let entries = self.lock();
        let calls =
            entries.records.iter().filter(|record| operation.is_none_or(|wanted| record.operation == wanted)).collect();
        let listing = Listing { calls, dropped: entries.dropped };
        // Invariant: serde_json fails only on a map with non-string keys or a failing custom
        // impl; the listing has neither (strings, numbers and enums only).
        serde_json::to_string(&listing).expect("a call listing always serializes")
    }

    /// A copy of the records, in order.
    pub fn records(&self) -> Vec<CallRecord> {
        self.lock().records.clone()
    }

    /// Forgets every call.
    pub fn clear(&self) {
        *self.lock() = Entries::default();
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        // Appending is the only change; a panic elsewhere cannot leave a half-made record.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const ID: &str = "60323f0b60323f0b60323f0b60323f0b60323f0b60323f0b60323f0b60323f0b";

    fn log() -> CallLog {
        CallLog::new(["111122223333".to_owned()])
    }

    fn record(log: &CallLog, operation: Operation, outcome: CallOutcome, status: Option<u16>) -> CallRecord {
        CallRecord {
            operation,
            account_id: Some(log.account("111122223333")),
            certificate_id: Some(ID.into()),
            status,
            outcome,
            fault: None,
            at_millis: 1_700_000_000_000,
        }
    }

    #[test]
    fn lists_calls_in_order_with_their_outcomes() {
        let log = log();
        log.record(record(&log, Operation::TransferCertificate, CallOutcome::Throttled, Some(400)));
        log.record(record(&log, Operation::TransferCertificate, CallOutcome::Applied, Some(200)));
        let dropped = CallRecord {
            fault: Some(FaultKind::DropConnection),
            account_id: None,
            certificate_id: None,
            ..record(&log, Operation::ListCertificates, CallOutcome::Fault(FaultKind::DropConnection), None)
        };
        log.record(dropped);
        let listing: Value = serde_json::from_str(&log.to_json(None)).unwrap();
        assert_eq!(
            listing,
            json!({ "dropped": 0, "calls": [
                { "operation": "TransferCertificate", "accountId": "111122223333", "certificateId": ID,
                  "status": 400, "outcome": "throttled", "atMillis": 1_700_000_000_000_i64 },
                { "operation": "TransferCertificate", "accountId": "111122223333", "certificateId": ID,
                  "status": 200, "outcome": "applied", "atMillis": 1_700_000_000_000_i64 },
                { "operation": "ListCertificates", "outcome": "fault:dropConnection", "fault": "dropConnection",
                  "atMillis": 1_700_000_000_000_i64 },
            ]})
        );
        let only: Value = serde_json::from_str(&log.to_json(Some(Operation::ListCertificates))).unwrap();
        assert_eq!(only["calls"].as_array().unwrap().len(), 1);
        log.clear();
        assert_eq!(log.to_json(None), r#"{"calls":[],"dropped":0}"#);
    }

    #[test]
    fn names_certificates_only_for_operations_whose_label_is_one() {
        let upper = ID.to_ascii_uppercase();
        assert_eq!(certificate_named(Operation::TransferCertificate, Some(&upper)).as_deref(), Some(ID));
        assert_eq!(certificate_named(Operation::DescribeCertificate, Some("short")).as_deref(), Some("short"));
        assert_eq!(certificate_named(Operation::CreatePolicy, Some("a-policy")), None);
        assert_eq!(certificate_named(Operation::TransferCertificate, None), None);
    }

    #[test]
    fn holds_a_hundred_thousand_calls_cheaply() {
        assert!(std::mem::size_of::<CallRecord>() <= 56, "{}", std::mem::size_of::<CallRecord>());
        let log = log();
        for _ in 0..100_000 {
            log.record(record(&log, Operation::TransferCertificate, CallOutcome::Applied, Some(200)));
        }
        let listing: Value = serde_json::from_str(&log.to_json(Some(Operation::TransferCertificate))).unwrap();
        assert_eq!(listing["calls"].as_array().unwrap().len(), 100_000);
        // Every record shares the one copy of the account ID.
        assert_eq!(Arc::strong_count(&log.account("111122223333")), 100_002);
    }
}
