use super::*;
use crate::operation::shapes::{ErrorDetails, ResponseMetadata};
use std::sync::Mutex;

/// A journal kept in memory, as a browser's store would keep it.
#[derive(Debug, Default)]
struct Memory(Mutex<Vec<String>>);

impl Memory {
    fn with(lines: &[&str]) -> Arc<Self> {
        Arc::new(Self(Mutex::new(lines.iter().map(|line| (*line).to_owned()).collect())))
    }

    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

impl JournalStore for Memory {
    fn read_lines(&self) -> BoxFuture<'_, Result<Vec<String>, String>> {
        let lines = self.lines();
        Box::pin(async move { Ok(lines) })
    }

    fn append_line(&self, line: String) -> BoxFuture<'_, Result<(), String>> {
        self.0.lock().unwrap().push(line);
        Box::pin(async { Ok(()) })
    }
}

fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(future)
}

const A: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const B: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

fn handover() -> JournalHeader {
    JournalHeader::new("handover", Some("444455556666"))
}

fn failure() -> CertificateOutcome {
    let error = ErrorDetails {
        kind: "Throttling".into(),
        code: "ThrottlingException".into(),
        message: "Rate exceeded".into(),
        fault: "client".into(),
        retryable: true,
        throttling: true,
        possibly_applied: false,
        hint: None,
        snake_case_hint: None,
        validation: None,
        metadata: ResponseMetadata::default(),
    };
    CertificateOutcome::Failed { error, left_state: "Nothing was changed.".into() }
}

#[test]
fn a_new_journal_gets_its_header_and_a_rerun_reads_what_was_recorded() {
    let store = Memory::with(&[]);
    let journal = block_on(Journal::open(store.clone(), &handover())).unwrap();
    block_on(journal.sending(A, "TransferCertificate")).unwrap();
    let transferred = CertificateOutcome::Transferred { certificate_arn: "arn:a".into(), reconciled: false };
    block_on(journal.outcome(A, &transferred)).unwrap();
    block_on(journal.sending(B, "TransferCertificate")).unwrap();
    let lines = store.lines();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[0].contains("\"batch\":\"handover\"") && lines[0].contains("444455556666"), "{}", lines[0]);

    let again = block_on(Journal::open(store.clone(), &handover())).unwrap();
    assert_eq!(again.recorded(A), Some(Recorded::Done("Transferred")));
    assert_eq!(again.recorded(&format!("0x{}", B.to_uppercase())), Some(Recorded::InFlight));
    assert_eq!(again.in_flight(), HashSet::from([B.to_owned()]));
    assert_eq!(store.lines().len(), 4, "reading writes nothing");
}

#[test]
fn a_failure_is_tried_again_and_a_later_outcome_counts() {
    let store = Memory::with(&[]);
    let journal = block_on(Journal::open(store.clone(), &handover())).unwrap();
    block_on(journal.outcome(A, &failure())).unwrap();
    assert_eq!(block_on(Journal::open(store.clone(), &handover())).unwrap().recorded(A), None);
    block_on(journal.outcome(A, &CertificateOutcome::Skipped { reason: "already".into() })).unwrap();
    block_on(journal.outcome(B, &CertificateOutcome::Ready { steps: Vec::new() })).unwrap();
    let again = block_on(Journal::open(store, &handover())).unwrap();
    assert_eq!((again.recorded(A), again.recorded(B)), (Some(Recorded::Done("Skipped")), None));
}

#[test]
fn a_journal_of_another_batch_or_with_a_bad_line_is_refused_untouched() {
    let store = Memory::with(&[]);
    block_on(Journal::open(store.clone(), &handover())).unwrap();
    let other_target = JournalHeader::new("handover", Some("777788889999"));
    let error = block_on(Journal::open(store.clone(), &other_target)).unwrap_err();
    assert_eq!(*error.kind(), ErrorKind::Journal);
    assert!(
        error.message().contains("a handover to account 444455556666, not a handover to account 777788889999"),
        "{}",
        error.message()
    );
    let accept = block_on(Journal::open(store.clone(), &JournalHeader::new("accept", None))).unwrap_err();
    assert!(accept.message().contains("not a batch that will accept the transfers offered"), "{}", accept.message());

    store.0.lock().unwrap().push("{\"event\":\"sending\"".into());
    let corrupt = block_on(Journal::open(store.clone(), &handover())).unwrap_err();
    assert!(corrupt.message().contains("line 2 is not a journal entry"), "{}", corrupt.message());
    assert_eq!(store.lines().len(), 2, "the journal was not changed");

    let not_a_journal = Memory::with(&["certificate-id,status"]);
    let error = block_on(Journal::open(not_a_journal.clone(), &handover())).unwrap_err();
    assert!(error.message().contains("first line is not an iot-transfer batch journal"), "{}", error.message());
    assert_eq!(not_a_journal.lines().len(), 1);
}
