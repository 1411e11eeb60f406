//! The list of operations, declared once. The client's methods are expanded from it
//! (`client/operations.rs`), and so are the bindings': adding an operation is its module in
//! `operation/` and one entry here.

/// Calls `$callback!` with every operation, one entry each:
///
/// ```text
/// /// doc
/// fn method_name, method_name_cancellable(InputType) -> OutputType, via runner;
/// ```
///
/// `runner` is the client's method that runs it: `call` (validation, signing, retries, error
/// mapping), `settled` (the same, then a check of the certificate's state when the outcome of a
/// transfer's last step is unknown) or `transfer` (TransferCertificate's own reconciliation).
/// Then `workflows { ... }` lists, in the same form, the calls made of several operations
/// (their inputs implement [`WorkflowInput`](crate::WorkflowInput); their runners are the
/// client's), which every binding expands as it expands an operation. Then
/// `paginators { fn paginator_name(InputType) -> ItemType; ... }` names the list operations a
/// [`Paginator`](crate::Paginator) walks. Then `batches { fn name, name_with_journal(InputType) ->
/// EventType, via runner; ... }` lists the calls over many certificates, each a
/// [`Batch`](crate::Batch) of events; the second name takes the caller's own journal store.
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $callback! {
            operations {
                /// Transfers a certificate to another account (`TransferCertificate`). The
                /// certificate must not be ACTIVE and must have no policies attached; the target
                /// account then accepts or rejects it. An outcome the client cannot know (a lost
                /// response, a timeout) is settled from the certificate's state before it answers.
                fn transfer_certificate, transfer_certificate_cancellable(
                    $crate::TransferCertificateInput) -> $crate::TransferCertificateOutput, via transfer;
                /// Accepts a transfer offered to the caller (`AcceptCertificateTransfer`),
                /// optionally making the certificate ACTIVE.
                fn accept_certificate_transfer, accept_certificate_transfer_cancellable(
                    $crate::AcceptCertificateTransferInput) -> $crate::AcceptCertificateTransferOutput, via settled;
                /// Rejects a transfer offered to the caller (`RejectCertificateTransfer`): the
                /// certificate goes back to the source account, INACTIVE.
                fn reject_certificate_transfer, reject_certificate_transfer_cancellable(
                    $crate::RejectCertificateTransferInput) -> $crate::RejectCertificateTransferOutput, via settled;
                /// Cancels a transfer the caller made that the target has not accepted
                /// (`CancelCertificateTransfer`): the certificate becomes INACTIVE.
                fn cancel_certificate_transfer, cancel_certificate_transfer_cancellable(
                    $crate::CancelCertificateTransferInput) -> $crate::CancelCertificateTransferOutput, via settled;
                /// Describes a certificate (`DescribeCertificate`): its status, owner and last transfer.
                fn describe_certificate, describe_certificate_cancellable(
                    $crate::DescribeCertificateInput) -> $crate::DescribeCertificateOutput, via call;
                /// Sets a certificate's status (`UpdateCertificate`): ACTIVE, INACTIVE or REVOKED.
                fn update_certificate, update_certificate_cancellable(
                    $crate::UpdateCertificateInput) -> $crate::UpdateCertificateOutput, via call;
                /// Lists one page of the caller's certificates (`ListCertificates`).
                fn list_certificates, list_certificates_cancellable(
                    $crate::ListCertificatesInput) -> $crate::ListCertificatesOutput, via call;
                /// Lists one page of the caller's certificates with a pending transfer, and to
                /// whom (`ListOutgoingCertificates`).
                fn list_outgoing_certificates, list_outgoing_certificates_cancellable(
                    $crate::ListOutgoingCertificatesInput) -> $crate::ListOutgoingCertificatesOutput, via call;
                /// Lists one page of the policies attached to a certificate, thing group or
                /// Cognito identity (`ListAttachedPolicies`).
                fn list_attached_policies, list_attached_policies_cancellable(
                    $crate::ListAttachedPoliciesInput) -> $crate::ListAttachedPoliciesOutput, via call;
                /// Detaches a policy from a certificate, thing group or Cognito identity (`DetachPolicy`).
                fn detach_policy, detach_policy_cancellable(
                    $crate::DetachPolicyInput) -> $crate::DetachPolicyOutput, via call;
            }
            workflows {
                /// What would make `transfer_certificate` of the certificate to the target account
                /// fail, found without changing anything: not found, ACTIVE, REVOKED, already
                /// pending and to whom, offered to this account rather than owned, the target
                /// owning it, attached policies.
                fn check_transfer, check_transfer_cancellable(
                    $crate::CheckTransferInput) -> $crate::TransferCheck, via preflight;
                /// Checks the transfer; when every blocker is one the input allows clearing
                /// (`deactivate`, `detach_policies`), deactivates the certificate and detaches its
                /// policies as allowed, then transfers it. Stops at the first failed step; the
                /// report says what each step did and what state it left.
                fn prepare_and_transfer, prepare_and_transfer_cancellable(
                    $crate::PrepareAndTransferInput) -> $crate::PrepareReport, via prepare;
            }
            paginators {
                /// Every page of `ListCertificates`, from the input's marker on.
                fn list_certificates_paginator($crate::ListCertificatesInput) -> $crate::Certificate;
                /// Every page of `ListOutgoingCertificates`, from the input's marker on.
                fn list_outgoing_certificates_paginator(
                    $crate::ListOutgoingCertificatesInput) -> $crate::OutgoingCertificate;
                /// Every page of `ListAttachedPolicies`, from the input's marker on.
                fn list_attached_policies_paginator($crate::ListAttachedPoliciesInput) -> $crate::Policy;
            }
            batches {
                /// A fleet handover: transfers many certificates to one account, each as
                /// `prepare_and_transfer` would (checked first; deactivated and detached only as
                /// the input allows), or only checks them (`plan_only`). Every call it makes shares
                /// the input's request rate, which slows down when throttled; with a journal, a
                /// rerun skips what is done and settles what was in flight from each certificate's
                /// state, never transferring a certificate twice. One event per certificate.
                fn handover, handover_with_journal($crate::HandoverInput) -> $crate::BatchEvent, via handover_batch;
                /// Accepts in bulk the transfers offered to the caller's account (those listed, or
                /// every one pending, optionally from one account), optionally making them ACTIVE,
                /// at a shared request rate, with an optional journal. One event per certificate.
                fn accept_transfers, accept_transfers_with_journal(
                    $crate::IncomingTransfersInput) -> $crate::BatchEvent, via accept_batch;
                /// Rejects in bulk the transfers offered to the caller's account (those listed, or
                /// every one pending, optionally from one account), with an optional reason, at a
                /// shared request rate, with an optional journal. One event per certificate.
                fn reject_transfers, reject_transfers_with_journal(
                    $crate::IncomingTransfersInput) -> $crate::BatchEvent, via reject_batch;
            }
        }
    };
}
