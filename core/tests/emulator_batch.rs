//! The batches end to end against the project's local IoT endpoint: a fleet handover with its
//! journal (a rerun skips what is done; a transfer an earlier run sent without recording its
//! outcome is settled from the certificate's state, never sent twice), a plan-only run, the
//! target side accepting and rejecting in bulk, and input and journals refused before anything is sent.

use crate::loopback;

use futures_util::StreamExt;
use iot_emulator::bulk::{create_certificates, BulkCertificates};
use iot_emulator::Emulator;
use iot_transfer::{
    BatchEvent, CertificateOutcome, Error, ErrorKind, HandoverInput, IncomingTransfersInput, StepAction,
    TransferBlocker, TransferCertificateInput,
};
use loopback::{emulator, scratch_dir, source, target};
use std::time::Duration;

const SOURCE: &str = "111122223333";
const TARGET: &str = "444455556666";

fn bulk(emulator: &Emulator, count: u32) -> Vec<String> {
    let request = BulkCertificates::new(SOURCE, count);
    create_certificates(emulator.app(), &request).unwrap()
}

/// Every event of a batch; the batch's error, if it ended with one.
async fn run(mut batch: iot_transfer::Batch) -> (Vec<BatchEvent>, Option<Error>) {
    let mut events = Vec::new();
    while let Some(event) = batch.next().await {
        match event {
            Ok(event) => events.push(event),
            Err(error) => return (events, Some(error)),
        }
    }
    (events, None)
}

fn transfers_sent(emulator: &Emulator) -> u64 {
    emulator.app().request_counts().get("TransferCertificate").copied().unwrap_or(0)
}

fn owner(emulator: &Emulator, id: &str) -> (String, String) {
    emulator.app().store.read(|state| {
        let certificate = &state.certificates[id];
        (certificate.status.as_str().to_owned(), certificate.owner_account.clone())
    })
}

fn fast(mut input: HandoverInput) -> HandoverInput {
    input.requests_per_second = 0;
    input.max_concurrency = 8;
    input
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handover_transfers_prepares_and_blocks_and_a_rerun_skips_what_is_done() {
    let (emulator, transferable) = emulator().await;
    let demo = emulator.demo().unwrap().clone();
    let mut ids = bulk(&emulator, 20);
    ids.extend([transferable.clone(), demo.active.clone(), demo.with_policy.clone()]);
    let missing = "f".repeat(64);
    let journal = scratch_dir("batch-handover").join("run.jsonl");
    let mut input = fast(HandoverInput::new(ids.iter().chain([&missing]), TARGET));
    input.journal = Some(journal.to_string_lossy().into_owned());
    input.detach_policies = true;

    let (events, error) = run(source(&emulator).handover(input.clone())).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(events.len(), 24);
    let outcome = |id: &str| events.iter().find(|event| event.certificate_id == id).unwrap().outcome.clone();
    assert!(matches!(outcome(&ids[0]), CertificateOutcome::Transferred { reconciled: false, .. }));
    assert_eq!(outcome(&demo.active), CertificateOutcome::Blocked { blockers: vec![TransferBlocker::Active] });
    assert!(matches!(outcome(&demo.with_policy), CertificateOutcome::Transferred { .. }), "policies were detached");
    assert_eq!(outcome(&missing), CertificateOutcome::Blocked { blockers: vec![TransferBlocker::NotFound] });
    let last = &events.last().unwrap().progress;
    assert_eq!((last.total, last.done, last.blocked, last.failed, last.remaining), (24, 22, 2, 0, 0));
    assert!(last.requests >= 22 * 3, "{last:?}");
    assert_eq!(transfers_sent(&emulator), 22);
    assert_eq!(owner(&emulator, &ids[5]), ("PENDING_TRANSFER".into(), SOURCE.into()));
    let lines = std::fs::read_to_string(&journal).unwrap().lines().count();
    assert_eq!(lines, 1 + 22 + 24, "a header, a line before each transfer and one per outcome");

    // The rerun skips the 22 done (no call for them) and checks the two blocked ones again.
    input.deactivate = true;
    let (events, error) = run(source(&emulator).handover(input.clone())).await;
    assert!(error.is_none(), "{error:?}");
    let skipped = events.iter().filter(|event| matches!(event.outcome, CertificateOutcome::Skipped { .. })).count();
    assert_eq!(skipped, 22);
    let active = events.iter().find(|event| event.certificate_id == demo.active).unwrap();
    assert!(matches!(active.outcome, CertificateOutcome::Transferred { .. }), "{active:?}");
    assert_eq!(active.steps.first().map(|step| &step.action), Some(&StepAction::Deactivate));
    assert_eq!(transfers_sent(&emulator), 23);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_sent_by_a_run_that_stopped_before_its_outcome_is_settled_not_sent_again() {
    let (emulator, _) = emulator().await;
    let ids = bulk(&emulator, 3);
    let journal = scratch_dir("batch-in-flight").join("run.jsonl");
    // A run was killed after sending the first certificate's transfer, before recording its outcome.
    let header = format!(
        "{{\"journal\":\"iot-transfer batch journal\",\"version\":1,\"batch\":\"handover\",\"targetAwsAccount\":\"{TARGET}\"}}"
    );
    let sending =
        format!("{{\"event\":\"sending\",\"certificateId\":\"{}\",\"call\":\"TransferCertificate\"}}", ids[0]);
    std::fs::write(&journal, format!("{header}\n{sending}\n")).unwrap();
    source(&emulator).transfer_certificate(TransferCertificateInput::new(&ids[0], TARGET)).await.unwrap();

    let mut input = fast(HandoverInput::new(&ids, TARGET));
    input.journal = Some(journal.to_string_lossy().into_owned());
    let (events, error) = run(source(&emulator).handover(input)).await;
    assert!(error.is_none(), "{error:?}");
    let settled = events.iter().find(|event| event.certificate_id == ids[0]).unwrap();
    assert!(matches!(settled.outcome, CertificateOutcome::Transferred { reconciled: true, .. }), "{settled:?}");
    assert!(settled.steps.is_empty(), "nothing was sent for it");
    assert_eq!(transfers_sent(&emulator), 3, "one transfer per certificate");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_and_another_batchs_journal_are_refused_before_anything_is_sent() {
    let (emulator, transferable) = emulator().await;
    let before = emulator.app().request_counts().values().sum::<u64>();
    let input = HandoverInput::new([transferable.as_str(), "not-an-id"], TARGET);
    let (events, error) = run(source(&emulator).handover(input)).await;
    let error = error.unwrap();
    assert!(events.is_empty());
    assert_eq!(error.message(), "certificates item 1 must be exactly 64 characters long (got 9)");
    let mut concurrency = HandoverInput::new([&transferable], TARGET);
    concurrency.max_concurrency = 0;
    let (_, error) = run(source(&emulator).handover(concurrency)).await;
    assert_eq!(error.unwrap().message(), "maxConcurrency must be between 1 and 64 (got 0)");
    let mut reject = IncomingTransfersInput::all_offered();
    reject.set_as_active = true;
    let (_, error) = run(target(&emulator).reject_transfers(reject)).await;
    assert_eq!(error.unwrap().message(), "setAsActive does not apply to reject_transfers");

    let journal = scratch_dir("batch-other").join("run.jsonl");
    let written = "{\"journal\":\"iot-transfer batch journal\",\"version\":1,\"batch\":\"handover\",\"targetAwsAccount\":\"777788889999\"}\n";
    std::fs::write(&journal, written).unwrap();
    let mut input = HandoverInput::new([&transferable], TARGET);
    input.journal = Some(journal.to_string_lossy().into_owned());
    let (_, error) = run(source(&emulator).handover(input)).await;
    assert_eq!(*error.unwrap().kind(), ErrorKind::Journal);
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), written, "the journal is never rewritten");
    assert_eq!(emulator.app().request_counts().values().sum::<u64>(), before, "nothing was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_changes_nothing_and_the_target_accepts_and_rejects_in_bulk() {
    let (emulator, transferable) = emulator().await;
    let demo = emulator.demo().unwrap().clone();
    let ids = bulk(&emulator, 6);
    let mut plan = fast(HandoverInput::new([&transferable, &demo.active, &demo.with_policy], TARGET));
    plan.plan_only = true;
    plan.deactivate = true;
    let (events, _) = run(source(&emulator).handover(plan)).await;
    let steps: Vec<_> = events.iter().map(|event| event.outcome.clone()).collect();
    assert!(steps.contains(&CertificateOutcome::Ready { steps: vec![StepAction::Deactivate, StepAction::Transfer] }));
    assert!(steps.contains(&CertificateOutcome::Ready { steps: vec![StepAction::Transfer] }));
    assert!(steps.iter().any(|outcome| matches!(outcome, CertificateOutcome::Blocked { .. })));
    assert_eq!(transfers_sent(&emulator), 0);
    assert_eq!(owner(&emulator, &demo.active).0, "ACTIVE");

    let (events, _) = run(source(&emulator).handover(fast(HandoverInput::new(&ids, TARGET)))).await;
    assert_eq!(events.last().unwrap().progress.done, 6);
    let mut reject = IncomingTransfersInput::all_offered();
    reject.certificates = ids[..2].to_vec();
    reject.reject_reason = Some("not ours".into());
    let (events, error) = run(target(&emulator).reject_transfers(reject)).await;
    assert!(error.is_none(), "{error:?}");
    assert!(
        events.iter().all(|event| event.outcome == CertificateOutcome::Rejected { reconciled: false }),
        "{events:?}"
    );
    assert_eq!(owner(&emulator, &ids[0]), ("INACTIVE".into(), SOURCE.into()));

    let mut from_elsewhere = IncomingTransfersInput::all_offered();
    from_elsewhere.from_account = Some("777788889999".into());
    let (events, _) = run(target(&emulator).accept_transfers(from_elsewhere)).await;
    assert!(events.is_empty(), "nothing is offered by that account: {events:?}");
    let mut accept = IncomingTransfersInput::all_offered();
    accept.from_account = Some(SOURCE.into());
    accept.set_as_active = true;
    accept.journal = Some(scratch_dir("batch-accept").join("accept.jsonl").to_string_lossy().into_owned());
    let (events, error) = run(target(&emulator).accept_transfers(accept.clone())).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(events.len(), 4);
    assert!(
        events.iter().all(|event| event.outcome == CertificateOutcome::Accepted { reconciled: false }),
        "{events:?}"
    );
    assert_eq!(owner(&emulator, &ids[3]), ("ACTIVE".into(), TARGET.into()));
    let (again, _) = run(target(&emulator).accept_transfers(accept)).await;
    assert!(again.is_empty(), "nothing left to accept: {again:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_starts_nothing_new_and_lets_what_is_in_flight_finish() {
    let (emulator, _) = emulator().await;
    let ids = bulk(&emulator, 30);
    let mut input = HandoverInput::new(&ids, TARGET);
    input.max_concurrency = 2;
    input.requests_per_second = 0;
    let mut batch = source(&emulator).handover(input);
    let first = batch.next().await.unwrap().unwrap();
    batch.stop();
    let (rest, error) = run(batch).await;
    assert!(error.is_none(), "{error:?}");
    assert!(rest.len() <= 2, "at most the one still in flight, and one started with the first: {}", rest.len());
    let last = rest.last().map_or(&first.progress, |event| &event.progress);
    assert_eq!(u64::from(last.done), transfers_sent(&emulator), "every transfer sent has its outcome");
    assert_eq!(last.remaining, 30 - last.done);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_of_certificates_is_worked_on_as_it_arrives() {
    let (emulator, _) = emulator().await;
    let ids = bulk(&emulator, 3);
    let (sender, receiver) = tokio::sync::mpsc::unbounded_channel::<String>();
    let certificates = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|certificate| (certificate, receiver))
    });
    let mut batch =
        source(&emulator).handover_stream(fast(HandoverInput::new(Vec::<String>::new(), TARGET)), certificates);
    // The first certificate's event arrives while the stream has nothing more: what is in flight
    // keeps going while the next certificate is awaited.
    sender.send(ids[0].clone()).unwrap();
    let first =
        tokio::time::timeout(Duration::from_secs(10), batch.next()).await.expect("not stalled").unwrap().unwrap();
    assert!(matches!(first.outcome, CertificateOutcome::Transferred { .. }), "{first:?}");
    assert_eq!(first.progress.total, 1);
    for certificate in [ids[1].clone(), ids[0].to_uppercase(), "nope".into(), ids[2].clone()] {
        sender.send(certificate).unwrap();
    }
    drop(sender);
    let (rest, error) = run(batch).await;
    assert!(error.is_none(), "{error:?}");
    let outcomes: Vec<_> = rest.iter().map(|event| (event.certificate_id.clone(), event.outcome.name())).collect();
    assert!(
        outcomes.contains(&(ids[1].clone(), "Transferred")) && outcomes.contains(&(ids[2].clone(), "Transferred")),
        "{outcomes:?}"
    );
    assert!(
        outcomes.contains(&(ids[0].to_uppercase(), "Skipped")),
        "a certificate yielded twice is worked on once: {outcomes:?}"
    );
    let bad = rest.iter().find(|event| event.certificate_id == "nope").unwrap();
    let CertificateOutcome::Failed { error, .. } = &bad.outcome else { panic!("{bad:?}") };
    assert_eq!(error.kind, "Validation");
    assert_eq!(rest.last().unwrap().progress.total, 5);
    assert_eq!(transfers_sent(&emulator), 3);

    let mut listed = HandoverInput::new([&ids[0]], TARGET);
    listed.requests_per_second = 0;
    let (_, error) = run(source(&emulator).handover_stream(listed, futures_util::stream::empty())).await;
    assert_eq!(error.unwrap().message(), "certificates does not apply to handover_stream");
}
