//! The whole certificate-transfer workflow end to end against the project's local IoT endpoint,
//! with a client for each account: preflight, prepare, transfer, accept, reject, cancel, lists
//! and their paginators, and the settling of accepts, rejects and cancels whose response was lost.

use crate::loopback;

use iot_emulator::Emulator;
use iot_transfer::{
    AcceptCertificateTransferInput, CancelCertificateTransferInput, CertificateStatus, CheckTransferInput,
    DescribeCertificateInput, ErrorKind, ListAttachedPoliciesInput, ListCertificatesInput,
    ListOutgoingCertificatesInput, PrepareAndTransferInput, RejectCertificateTransferInput, StepAction, StepOutcome,
    TransferBlocker, TransferCertificateInput, UpdateCertificateInput,
};
use loopback::{emulator, set_faults, source, target};
use serde_json::json;

const SOURCE: &str = "111122223333";
const TARGET: &str = "444455556666";
const DEMO_POLICY: &str = "emulator-demo-device-policy";

/// A prepared transfer of `id` to the target that may deactivate it and detach its policies.
fn clearing(id: &str) -> PrepareAndTransferInput {
    PrepareAndTransferInput { deactivate: true, detach_policies: true, ..PrepareAndTransferInput::new(id, TARGET) }
}

/// The certificate's status and owner, as the endpoint records them.
fn recorded(emulator: &Emulator, id: &str) -> (String, String) {
    emulator.app().store.read(|state| {
        let certificate = &state.certificates[id];
        (certificate.status.as_str().to_owned(), certificate.owner_account.clone())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preflight_names_every_blocker_without_changing_anything() {
    let (emulator, transferable) = emulator().await;
    let demo = emulator.demo().unwrap().clone();
    let source = source(&emulator);
    assert!(source.check_transfer(CheckTransferInput::new(&transferable, TARGET)).await.unwrap().is_transferable());
    let active = source.check_transfer(CheckTransferInput::new(&demo.active, TARGET)).await.unwrap();
    assert_eq!(active.blockers, vec![TransferBlocker::Active]);
    let with_policy = source.check_transfer(CheckTransferInput::new(&demo.with_policy, TARGET)).await.unwrap();
    assert_eq!(
        with_policy.blockers,
        vec![TransferBlocker::PoliciesAttached { policy_names: vec![DEMO_POLICY.into()] }]
    );
    let missing = source.check_transfer(CheckTransferInput::new("f".repeat(64), TARGET)).await.unwrap();
    assert_eq!((missing.blockers, missing.certificate), (vec![TransferBlocker::NotFound], None));
    let to_owner = source.check_transfer(CheckTransferInput::new(&transferable, SOURCE)).await.unwrap();
    assert_eq!(to_owner.blockers, vec![TransferBlocker::TargetIsOwner]);

    source.transfer_certificate(TransferCertificateInput::new(&transferable, TARGET)).await.unwrap();
    let again = source.check_transfer(CheckTransferInput::new(&transferable, TARGET)).await.unwrap();
    assert_eq!(again.blockers, vec![TransferBlocker::AlreadyPendingToTarget]);
    let report = source.prepare_and_transfer(PrepareAndTransferInput::new(&transferable, TARGET)).await.unwrap();
    assert!(report.check.blockers == [TransferBlocker::AlreadyPendingToTarget] && report.steps.is_empty());
    assert!(!report.left_state.to_lowercase().contains("cancel"), "{}", report.left_state);
    let pending = source.check_transfer(CheckTransferInput::new(&transferable, "777788889999")).await.unwrap();
    assert_eq!(pending.blockers, vec![TransferBlocker::PendingTransfer { target_account: Some(TARGET.into()) }]);
    let offered =
        target(&emulator).check_transfer(CheckTransferInput::new(&transferable, "777788889999")).await.unwrap();
    assert_eq!(offered.blockers, vec![TransferBlocker::NotOwned { owner: Some(SOURCE.into()) }]);
    assert_eq!(recorded(&emulator, &demo.active), ("ACTIVE".into(), SOURCE.into()));

    let bad = source.check_transfer(CheckTransferInput::new("nope", TARGET)).await.unwrap_err();
    assert!(matches!(bad.kind(), ErrorKind::Validation(_)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prepare_changes_only_what_it_is_allowed_to() {
    let (emulator, _) = emulator().await;
    let demo = emulator.demo().unwrap().clone();
    let source = source(&emulator);
    let refused = source.prepare_and_transfer(PrepareAndTransferInput::new(&demo.active, TARGET)).await.unwrap();
    assert!(!refused.transferred() && refused.steps.is_empty() && refused.error.is_none());
    assert_eq!(refused.remaining_blockers, vec![TransferBlocker::Active]);
    assert_eq!(refused.left_state, "Nothing was changed: the certificate is as it was.");
    assert_eq!(recorded(&emulator, &demo.active), ("ACTIVE".into(), SOURCE.into()));

    let report = source.prepare_and_transfer(clearing(&demo.active)).await.unwrap();
    assert!(report.transferred(), "{report:?}");
    let actions: Vec<_> = report.steps.iter().map(|step| step.action.clone()).collect();
    assert_eq!(actions, vec![StepAction::Deactivate, StepAction::Transfer]);
    assert_eq!(recorded(&emulator, &demo.active).0, "PENDING_TRANSFER");

    let report = source.prepare_and_transfer(clearing(&demo.with_policy)).await.unwrap();
    let actions: Vec<_> = report.steps.iter().map(|step| step.action.clone()).collect();
    assert_eq!(actions, vec![StepAction::DetachPolicy { policy_name: DEMO_POLICY.into() }, StepAction::Transfer]);
    assert!(report.steps.iter().all(|step| step.outcome == StepOutcome::Done));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_step_stops_and_says_what_was_left() {
    let (emulator, _) = emulator().await;
    let demo = emulator.demo().unwrap().clone();
    set_faults(&emulator, json!({"script": [{"operation": "DetachPolicy", "fault": "accessDenied"}]}));
    let report = source(&emulator).prepare_and_transfer(clearing(&demo.with_policy)).await.unwrap();
    assert!(!report.transferred());
    assert_eq!(report.error.as_ref().map(|e| e.kind.as_str()), Some(ErrorKind::Auth.name()));
    assert!(matches!(report.steps.last().unwrap().outcome, StepOutcome::Failed { .. }));
    assert_eq!(report.left_state, "Nothing was changed: the certificate is as it was.");
    assert_eq!(recorded(&emulator, &demo.with_policy), ("INACTIVE".into(), SOURCE.into()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_target_sees_accepts_and_owns_it() {
    let (emulator, id) = emulator().await;
    let (source, target) = (source(&emulator), target(&emulator));
    source
        .transfer_certificate(TransferCertificateInput::new(&id, TARGET).with_transfer_message("yours"))
        .await
        .unwrap();
    let outgoing = source.list_outgoing_certificates(ListOutgoingCertificatesInput::default()).await.unwrap();
    assert_eq!(outgoing.outgoing_certificates[0].transferred_to.as_deref(), Some(TARGET));
    let offered = target.list_certificates_paginator(ListCertificatesInput::default()).collect_items().await.unwrap();
    let offered = offered.iter().find(|c| c.certificate_id.as_deref() == Some(id.as_str())).expect("offered");
    assert_eq!(offered.status, Some(CertificateStatus::PendingTransfer));

    let input = AcceptCertificateTransferInput { certificate_id: id.clone(), set_as_active: Some(true) };
    let accepted = target.accept_certificate_transfer(input).await.unwrap();
    assert_eq!((accepted.metadata.http_status, accepted.metadata.reconciled), (Some(200), false));
    assert_eq!(recorded(&emulator, &id), ("ACTIVE".into(), TARGET.into()));
    let described = target.describe_certificate(DescribeCertificateInput::new(&id)).await.unwrap();
    let description = described.certificate_description;
    assert_eq!(description.previous_owned_by.as_deref(), Some(SOURCE));
    assert!(description.transfer_data.unwrap().accept_date.is_some());

    let again = target.accept_certificate_transfer(AcceptCertificateTransferInput::new(&id)).await.unwrap_err();
    assert_eq!(again.kind(), &ErrorKind::TransferAlreadyCompleted);
    assert!(!again.possibly_applied());
    assert!(again.hint().unwrap().contains("already ended before this call"), "{:?}", again.hint());
    let late_cancel = source.cancel_certificate_transfer(CancelCertificateTransferInput::new(&id)).await.unwrap_err();
    assert!(late_cancel.hint().unwrap().contains("accepted"), "{:?}", late_cancel.hint());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_target_rejects_and_the_source_cancels() {
    let (emulator, id) = emulator().await;
    let (source, target) = (source(&emulator), target(&emulator));
    source.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    let input = RejectCertificateTransferInput { certificate_id: id.clone(), reject_reason: Some("not ours".into()) };
    target.reject_certificate_transfer(input).await.unwrap();
    let described = source.describe_certificate(DescribeCertificateInput::new(&id)).await.unwrap();
    let description = described.certificate_description;
    assert_eq!(description.status, Some(CertificateStatus::Inactive));
    assert_eq!(description.transfer_data.unwrap().reject_reason.as_deref(), Some("not ours"));
    let cancel_after_reject = source.cancel_certificate_transfer(CancelCertificateTransferInput::new(&id)).await;
    let error = cancel_after_reject.unwrap_err();
    assert!(error.hint().unwrap().contains("rejected"), "{:?}", error.hint());

    source.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    source.cancel_certificate_transfer(CancelCertificateTransferInput::new(&id)).await.unwrap();
    assert_eq!(recorded(&emulator, &id), ("INACTIVE".into(), SOURCE.into()));
    let reject_after_cancel = target.reject_certificate_transfer(RejectCertificateTransferInput::new(&id)).await;
    let error = reject_after_cancel.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::TransferAlreadyCompleted);
    assert!(error.hint().unwrap().contains("cancelled by its owner"), "{:?}", error.hint());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_responses_of_accept_reject_and_cancel_are_reported_as_done() {
    let (emulator, id) = emulator().await;
    let (source, target) = (source(&emulator), target(&emulator));
    let drop = |operation: &str| json!({"script": [{"operation": operation, "fault": "dropResponse"}]});

    source.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    set_faults(&emulator, drop("CancelCertificateTransfer"));
    let cancelled = source.cancel_certificate_transfer(CancelCertificateTransferInput::new(&id)).await.unwrap();
    assert!(cancelled.metadata.reconciled);
    assert_eq!(cancelled.metadata.attempts, 2);

    source.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    set_faults(&emulator, drop("RejectCertificateTransfer"));
    let rejected = target.reject_certificate_transfer(RejectCertificateTransferInput::new(&id)).await.unwrap();
    assert!(rejected.metadata.reconciled);
    assert_eq!(rejected.metadata.attempts, 2);
    assert_eq!(recorded(&emulator, &id), ("INACTIVE".into(), SOURCE.into()));

    source.transfer_certificate(TransferCertificateInput::new(&id, TARGET)).await.unwrap();
    set_faults(&emulator, drop("AcceptCertificateTransfer"));
    let accepted = target.accept_certificate_transfer(AcceptCertificateTransferInput::new(&id)).await.unwrap();
    assert!(accepted.metadata.reconciled);
    assert_eq!(accepted.metadata.attempts, 2);
    assert_eq!(recorded(&emulator, &id), ("INACTIVE".into(), TARGET.into()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paginators_walk_every_page_and_updates_and_detaches_apply() {
    let (emulator, _) = emulator().await;
    let demo = emulator.demo().unwrap().clone();
    let source = source(&emulator);
    let mut pages =
        source.list_certificates_paginator(ListCertificatesInput { page_size: Some(1), ..Default::default() });
    let mut ids = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.unwrap();
        assert!(page.certificates.len() <= 1);
        ids.extend(page.certificates.into_iter().filter_map(|c| c.certificate_id));
    }
    ids.sort();
    let mut expected = vec![demo.transferable.clone(), demo.active.clone(), demo.with_policy.clone()];
    expected.sort();
    assert_eq!(ids, expected);
    assert!(pages.next_page().await.is_none());

    let update = UpdateCertificateInput::new(&demo.active, CertificateStatus::Inactive);
    source.update_certificate(update).await.unwrap();
    assert_eq!(recorded(&emulator, &demo.active).0, "INACTIVE");
    let arn = format!("arn:aws:iot:us-east-1:{SOURCE}:cert/{}", demo.with_policy);
    let policies = source.list_attached_policies(ListAttachedPoliciesInput::new(&arn)).await.unwrap();
    assert_eq!(policies.policies[0].policy_name.as_deref(), Some(DEMO_POLICY));
    source.detach_policy(iot_transfer::DetachPolicyInput::new(DEMO_POLICY, &arn)).await.unwrap();
    let none = source.list_attached_policies_paginator(ListAttachedPoliciesInput::new(&arn)).collect_items().await;
    assert!(none.unwrap().is_empty());
    let elsewhere = format!("arn:aws:iot:eu-west-1:{SOURCE}:cert/{}", demo.with_policy);
    let error = source.list_attached_policies(ListAttachedPoliciesInput::new(elsewhere)).await.unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Validation(v) if v.field() == iot_transfer::InputField::Target));
}
