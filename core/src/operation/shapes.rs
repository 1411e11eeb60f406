//! The operations' data types, declared once in [`for_each_shape!`](crate::for_each_shape): the
//! core defines them here from the list, and the uniffi binding expands its Python, Kotlin and
//! Swift records and enums from the same list, so a member added here is there too. Each
//! operation's behaviour (validation, request, response) is in its own module.

use crate::operation::describe_certificate::optional_certificate_status;
use crate::protocol::{optional_epoch_seconds, optional_integer, optional_text};
use serde::Deserialize;
use std::time::{Duration, SystemTime};

/// Calls `$callback!` with every record and enum of the operations, in groups by role:
///
/// ```text
/// metadata { struct ResponseMetadata { ... } }        how a call went, in every output
/// inputs { struct Name { field: Type (= default)?, ... } ... }   what callers give
/// records { struct Name { field: Type, ... } ... }    outputs and what they hold
/// status { enum CertificateStatus { ... } }           the model's status, a string on the wire
/// enums { enum Name { Variant, Variant { field: Type }, ... } ... }
/// ```
///
/// Each item and member carries its doc comment and the core's attributes (derives, serde).
/// `= default` is the value a binding gives a member its caller leaves out (the core's
/// constructors and `Default` give the same).
#[macro_export]
macro_rules! for_each_shape {
    ($callback:ident) => {
        $callback! {
            metadata {
                /// How a call went, shaped like the JS SDK's `$metadata`.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct ResponseMetadata {
                    /// The HTTP status of the last response, if one arrived.
                    http_status: Option<u16>,
                    /// The `x-amzn-RequestId` of the last response, if one arrived.
                    request_id: Option<String>,
                    /// How many attempts were sent (0 when the call failed before sending).
                    attempts: u32,
                    /// The total time spent waiting between attempts.
                    total_retry_delay: Duration,
                    /// True when the answer comes from a check of the certificate's state after an
                    /// attempt whose outcome was unknown (a lost response, a timeout, a 5xx or an
                    /// unreadable body), or after the service said the transfer had already ended:
                    /// a success confirmed by `DescribeCertificate` (and, for a transfer,
                    /// `ListOutgoingCertificates`), whose status and request id are then the
                    /// checking call's, or an error whose hint says what the check found.
                    reconciled: bool,
                }
            }
            inputs {
                /// What to transfer and to whom. `certificate_id` may also be the certificate's
                /// full ARN (`arn:aws:iot:us-east-1:123456789012:cert/<id>`); the ID is then taken
                /// from it, and the client refuses an ARN of another partition or region than its own.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct TransferCertificateInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                    /// The 12-digit AWS account that receives the certificate.
                    target_aws_account: String,
                    /// An optional note for the receiving account, at most 128 characters.
                    transfer_message: Option<String> = None,
                }

                /// Which certificate to accept, and whether to make it ACTIVE at once.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct AcceptCertificateTransferInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                    /// Makes the certificate ACTIVE once accepted (INACTIVE otherwise).
                    set_as_active: Option<bool> = None,
                }

                /// Which certificate to refuse, and why.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct RejectCertificateTransferInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                    /// Why, for the source account: at most 128 characters.
                    reject_reason: Option<String> = None,
                }

                /// Which transfer to cancel.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct CancelCertificateTransferInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                }

                /// Which certificate to describe: its ID, or its full ARN.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct DescribeCertificateInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                }

                /// Which certificate to update, and its new status.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct UpdateCertificateInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                    /// `Active`, `Inactive` or `Revoked`.
                    new_status: CertificateStatus,
                }

                /// Which page of certificates to list.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct ListCertificatesInput {
                    /// Results per page, 1 to 250 (the service's default when absent).
                    page_size: Option<i32> = None,
                    /// Where the page starts: the previous page's `next_marker`.
                    marker: Option<String> = None,
                    /// Oldest first when true (the service lists newest first by default).
                    ascending_order: Option<bool> = None,
                }

                /// Which page of the caller's outgoing transfers to list.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct ListOutgoingCertificatesInput {
                    /// Results per page, 1 to 250 (the service's default when absent).
                    page_size: Option<i32> = None,
                    /// Where the page starts: the previous page's `next_marker`.
                    marker: Option<String> = None,
                    /// Oldest first when true (the service lists newest first by default).
                    ascending_order: Option<bool> = None,
                }

                /// Whose policies to list, and which page.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct ListAttachedPoliciesInput {
                    /// The certificate ARN (`arn:aws:iot:{region}:{account}:cert/{id}`), thing group
                    /// ARN or Cognito identity ID.
                    target: String,
                    /// For a thing group, also list the policies of its parent groups.
                    recursive: Option<bool> = None,
                    /// Where the page starts: the previous page's `next_marker`.
                    marker: Option<String> = None,
                    /// Results per page, 1 to 250.
                    page_size: Option<i32> = None,
                }

                /// Which policy to detach, from what.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct DetachPolicyInput {
                    /// The policy's name: 1 to 128 characters of letters, digits and `_+=,.@-`.
                    policy_name: String,
                    /// The certificate ARN, thing group ARN or Cognito identity ID it is attached to.
                    target: String,
                }

                /// Which transfer `check_transfer` checks.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct CheckTransferInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                    /// The 12-digit AWS account the certificate would go to.
                    target_aws_account: String,
                }

                /// The transfer `prepare_and_transfer` makes, and what it may change first. It
                /// changes nothing but the transfer by default.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct PrepareAndTransferInput {
                    /// The certificate ID (64 hexadecimal characters, optionally `0x`-prefixed) or its ARN.
                    certificate_id: String,
                    /// The 12-digit AWS account that receives the certificate.
                    target_aws_account: String,
                    /// An optional note for the receiving account, at most 128 characters.
                    transfer_message: Option<String> = None,
                    /// Set an ACTIVE certificate INACTIVE first (devices using it can no longer connect).
                    deactivate: bool = false,
                    /// Detach every attached policy first.
                    detach_policies: bool = false,
                }

                /// A fleet handover: many certificates transferred to one account by
                /// `handover`, each as `prepare_and_transfer` would (checked first, prepared only
                /// as allowed), at a shared request rate, with an optional journal to resume from.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct HandoverInput {
                    /// The certificates: IDs (64 hexadecimal characters) or ARNs.
                    certificates: Vec<String>,
                    /// The 12-digit AWS account that receives them.
                    target_aws_account: String,
                    /// An optional note for the receiving account, at most 128 characters.
                    transfer_message: Option<String> = None,
                    /// Set ACTIVE certificates INACTIVE first (devices using them can no longer connect).
                    deactivate: bool = false,
                    /// Detach every attached policy first.
                    detach_policies: bool = false,
                    /// Only check each certificate and say what would be done or what blocks it:
                    /// nothing is changed.
                    plan_only: bool = false,
                    /// How many certificates are worked on at once (1 to 64).
                    max_concurrency: u32 = 4,
                    /// The most requests per second the batch sends, all its calls together (so
                    /// the account's API quota is respected); it slows down further when
                    /// throttled. 0 sets no limit of its own.
                    requests_per_second: u32 = 10,
                    /// Stop starting certificates once this many have failed (0: never stop).
                    max_failures: u32 = 0,
                    /// The journal file (JSON lines): every outcome is appended as it happens,
                    /// and a rerun with the same file skips what is done and settles what was
                    /// in flight. Without one, nothing is recorded.
                    journal: Option<String> = None,
                }

                /// The transfers offered to the caller's account, accepted or rejected in bulk by
                /// `accept_transfers` or `reject_transfers`, at a shared request rate, with an
                /// optional journal to resume from.
                #[derive(Debug, Clone, Default, PartialEq, Eq)]
                struct IncomingTransfersInput {
                    /// Only these certificates (IDs or ARNs); when empty, every certificate
                    /// pending to this account.
                    certificates: Vec<String> = [],
                    /// Only the certificates offered by this 12-digit account.
                    from_account: Option<String> = None,
                    /// When accepting, make the certificates ACTIVE at once (INACTIVE otherwise).
                    set_as_active: bool = false,
                    /// When rejecting, why, for the source account: at most 128 characters.
                    reject_reason: Option<String> = None,
                    /// Only say what would be accepted or rejected: nothing is changed.
                    plan_only: bool = false,
                    /// How many certificates are worked on at once (1 to 64).
                    max_concurrency: u32 = 4,
                    /// The most requests per second the batch sends, all its calls together; it
                    /// slows down further when throttled. 0 sets no limit of its own.
                    requests_per_second: u32 = 10,
                    /// Stop starting certificates once this many have failed (0: never stop).
                    max_failures: u32 = 0,
                    /// The journal file (JSON lines), as for `handover`.
                    journal: Option<String> = None,
                }
            }
            records {
                /// A successful transfer: the certificate's ARN and how the call went.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct TransferCertificateOutput {
                    /// The ARN of the transferred certificate.
                    transferred_certificate_arn: String,
                    /// Status, request id, attempts, retry delay, and whether the outcome was reconciled.
                    metadata: ResponseMetadata,
                }

                /// An accepted transfer: the certificate now belongs to the caller.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct AcceptCertificateTransferOutput {
                    /// Status, request id, attempts, retry delay, and whether the outcome was reconciled.
                    metadata: ResponseMetadata,
                }

                /// A rejected transfer: the certificate is back with the source account.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct RejectCertificateTransferOutput {
                    /// Status, request id, attempts, retry delay, and whether the outcome was reconciled.
                    metadata: ResponseMetadata,
                }

                /// A cancelled transfer: the certificate stays with the caller, INACTIVE.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct CancelCertificateTransferOutput {
                    /// Status, request id, attempts, retry delay, and whether the outcome was reconciled.
                    metadata: ResponseMetadata,
                }

                /// A described certificate and how the call went.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct DescribeCertificateOutput {
                    /// The description.
                    certificate_description: CertificateDescription,
                    /// Status, request id, attempts and retry delay.
                    metadata: ResponseMetadata,
                }

                /// A certificate as `DescribeCertificate` describes it (`certificateDescription`),
                /// read leniently: a member of an unexpected type is absent.
                #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct CertificateDescription {
                    /// The certificate's ARN.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_arn: Option<String>,
                    /// The certificate's ID.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_id: Option<String>,
                    /// The ID of the CA certificate that signed it, if registered with one.
                    #[serde(default, deserialize_with = "optional_text")]
                    ca_certificate_id: Option<String>,
                    /// The status.
                    #[serde(default, deserialize_with = "optional_certificate_status")]
                    status: Option<CertificateStatus>,
                    /// The certificate in PEM.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_pem: Option<String>,
                    /// The account that owns it.
                    #[serde(default, deserialize_with = "optional_text")]
                    owned_by: Option<String>,
                    /// The account that owned it before its last accepted transfer.
                    #[serde(default, deserialize_with = "optional_text")]
                    previous_owned_by: Option<String>,
                    /// When it was created.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    creation_date: Option<SystemTime>,
                    /// When it last changed.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    last_modified_date: Option<SystemTime>,
                    /// The certificate's version, counted up each time it changes.
                    #[serde(default, deserialize_with = "optional_integer")]
                    customer_version: Option<i32>,
                    /// Its last transfer, if it was ever transferred.
                    #[serde(default)]
                    transfer_data: Option<TransferData>,
                    /// The generation ID.
                    #[serde(default, deserialize_with = "optional_text")]
                    generation_id: Option<String>,
                    /// When it is valid.
                    #[serde(default)]
                    validity: Option<CertificateValidity>,
                    /// `DEFAULT` or `SNI_ONLY`.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_mode: Option<String>,
                }

                /// The certificate's last transfer (`transferData`).
                #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct TransferData {
                    /// The message the source account sent with the transfer.
                    #[serde(default, deserialize_with = "optional_text")]
                    transfer_message: Option<String>,
                    /// Why the target account rejected it.
                    #[serde(default, deserialize_with = "optional_text")]
                    reject_reason: Option<String>,
                    /// When it was transferred.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    transfer_date: Option<SystemTime>,
                    /// When it was accepted.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    accept_date: Option<SystemTime>,
                    /// When it was rejected.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    reject_date: Option<SystemTime>,
                }

                /// When the certificate is valid.
                #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct CertificateValidity {
                    /// The start of the validity period.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    not_before: Option<SystemTime>,
                    /// The end of the validity period.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    not_after: Option<SystemTime>,
                }

                /// An updated certificate.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct UpdateCertificateOutput {
                    /// Status, request id, attempts and retry delay.
                    metadata: ResponseMetadata,
                }

                /// One page of certificates.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct ListCertificatesOutput {
                    /// The certificates on this page.
                    certificates: Vec<Certificate>,
                    /// The marker of the next page; `None` on the last page.
                    next_marker: Option<String>,
                    /// Status, request id, attempts and retry delay.
                    metadata: ResponseMetadata,
                }

                /// A certificate as `ListCertificates` lists it.
                #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct Certificate {
                    /// The certificate's ARN.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_arn: Option<String>,
                    /// The certificate's ID.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_id: Option<String>,
                    /// Its status.
                    #[serde(default, deserialize_with = "optional_certificate_status")]
                    status: Option<CertificateStatus>,
                    /// `DEFAULT` or `SNI_ONLY`.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_mode: Option<String>,
                    /// When it was created.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    creation_date: Option<SystemTime>,
                }

                /// One page of outgoing transfers and how the call went.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct ListOutgoingCertificatesOutput {
                    /// The transfers on this page.
                    outgoing_certificates: Vec<OutgoingCertificate>,
                    /// The marker of the next page; `None` on the last page.
                    next_marker: Option<String>,
                    /// Status, request id, attempts and retry delay.
                    metadata: ResponseMetadata,
                }

                /// A certificate of the caller's with a pending transfer (`OutgoingCertificate`).
                #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct OutgoingCertificate {
                    /// The certificate's ARN.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_arn: Option<String>,
                    /// The certificate's ID.
                    #[serde(default, deserialize_with = "optional_text")]
                    certificate_id: Option<String>,
                    /// The account it is offered to.
                    #[serde(default, deserialize_with = "optional_text")]
                    transferred_to: Option<String>,
                    /// When it was transferred.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    transfer_date: Option<SystemTime>,
                    /// The message sent with the transfer.
                    #[serde(default, deserialize_with = "optional_text")]
                    transfer_message: Option<String>,
                    /// When the certificate was created.
                    #[serde(default, deserialize_with = "optional_epoch_seconds")]
                    creation_date: Option<SystemTime>,
                }

                /// One page of attached policies.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct ListAttachedPoliciesOutput {
                    /// The policies on this page.
                    policies: Vec<Policy>,
                    /// The marker of the next page; `None` on the last page.
                    next_marker: Option<String>,
                    /// Status, request id, attempts and retry delay.
                    metadata: ResponseMetadata,
                }

                /// An IoT policy as a list names it.
                #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct Policy {
                    /// The policy's name.
                    #[serde(default, deserialize_with = "optional_text")]
                    policy_name: Option<String>,
                    /// The policy's ARN.
                    #[serde(default, deserialize_with = "optional_text")]
                    policy_arn: Option<String>,
                }

                /// A detached policy.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct DetachPolicyOutput {
                    /// Status, request id, attempts and retry delay.
                    metadata: ResponseMetadata,
                }

                /// What `check_transfer` found.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct TransferCheck {
                    /// The certificate as described, `None` when it was not found.
                    certificate: Option<CertificateDescription>,
                    /// Everything that would make the transfer fail; empty when it can be transferred.
                    blockers: Vec<TransferBlocker>,
                }

                /// What a batch did to one certificate, and where the batch stands.
                #[derive(Debug, Clone, PartialEq)]
                struct BatchEvent {
                    /// The certificate's ID, as the batch was given it.
                    certificate_id: String,
                    /// What happened to it.
                    outcome: CertificateOutcome,
                    /// The steps taken for it (deactivate, detach, transfer), in order.
                    steps: Vec<PrepareStep>,
                    /// The batch's progress once this outcome is counted.
                    progress: BatchProgress,
                }

                /// Where a batch stands.
                #[derive(Debug, Clone, PartialEq)]
                struct BatchProgress {
                    /// Certificates in the batch.
                    total: u32,
                    /// Transferred, accepted or rejected (by this run, or settled from its state).
                    done: u32,
                    /// Ready: what a plan-only run found could be done.
                    ready: u32,
                    /// Blocked by their state (ACTIVE, policies, pending elsewhere, not found).
                    blocked: u32,
                    /// Failed with an error.
                    failed: u32,
                    /// Skipped: already done, by an earlier run or otherwise.
                    skipped: u32,
                    /// Not yet finished (including those in flight).
                    remaining: u32,
                    /// Requests sent by the batch, retries included.
                    requests: u32,
                    /// Throttling responses met.
                    throttled: u32,
                    /// The time since the batch started.
                    elapsed: Duration,
                    /// Requests per second sent so far.
                    requests_per_second: f64,
                    /// The time the remaining certificates should take at the pace so far.
                    time_left: Option<Duration>,
                }

                /// What `prepare_and_transfer` did, step by step, and the state it left.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct PrepareReport {
                    /// What the check before any change found.
                    check: TransferCheck,
                    /// The blockers the input did not allow clearing: when any is left, nothing was changed.
                    remaining_blockers: Vec<TransferBlocker>,
                    /// The steps taken, in order; a failed step is the last one.
                    steps: Vec<PrepareStep>,
                    /// The transfer, when every step succeeded.
                    transfer: Option<TransferCertificateOutput>,
                    /// The failed step's error, when a step failed (its hint says what to do next).
                    error: Option<ErrorDetails>,
                    /// What state the steps left the certificate in, in a sentence or two. A step
                    /// whose outcome is unknown is said to be unknown, never to have failed.
                    left_state: String,
                }

                /// One step of `prepare_and_transfer` and how it went.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct PrepareStep {
                    /// What was done.
                    action: StepAction,
                    /// How it went.
                    outcome: StepOutcome,
                }

                /// What every error carries, the same in every language: its kind and code, the
                /// message, who is at fault, whether it is retried or throttling, whether the call
                /// may have been applied, a hint, and how the call went. `Error::details` gives it;
                /// each binding's error has it on its base type.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct ErrorDetails {
                    /// The kind's stable name, the same in every binding: `CertificateState`,
                    /// `Validation`, `Auth`, `Timeout`, ...
                    kind: String,
                    /// The service's error code (`CertificateStateException`); for an error raised
                    /// before or below HTTP, a name such as `ValidationError` or `TimeoutError`.
                    code: String,
                    /// The human-readable message.
                    message: String,
                    /// Who is at fault, as the JS SDK's `$fault` says it: `client` or `server`.
                    fault: String,
                    /// Whether the standard retry mode retries this kind of error (it was returned
                    /// because attempts, the retry quota or the call timeout ran out).
                    retryable: bool,
                    /// Whether the failure is a throttling error.
                    throttling: bool,
                    /// True when some attempt of a call that is not idempotent may have been
                    /// applied and a check of the certificate's state did not settle it.
                    possibly_applied: bool,
                    /// What to do next, when known; after a check of the certificate, what it found.
                    hint: Option<String>,
                    /// The hint naming operations and members in snake case (`update_certificate`,
                    /// `new_status`), for hosts whose methods and arguments are spelled so (Python).
                    snake_case_hint: Option<String>,
                    /// For a `Validation` error, the member and the rule it broke.
                    validation: Option<ValidationDetails>,
                    /// Status, request id, attempts, retry delay, and whether a check of the
                    /// certificate settled the outcome.
                    metadata: ResponseMetadata,
                }

                /// What a `Validation` error is about: the input member and the rule it broke.
                #[derive(Debug, Clone, PartialEq, Eq)]
                struct ValidationDetails {
                    /// The member as the model names it (`certificateId`), or `signingDate`.
                    field: String,
                    /// The rule, in words (`must be exactly 64 characters long (got 3)`).
                    rule: String,
                    /// The member as snake-case languages name it (`certificate_id`).
                    snake_case_field: String,
                    /// The message naming the member in snake case, for hosts whose arguments are
                    /// spelled so (Python).
                    snake_case_message: String,
                }

            }
            status {
                /// A certificate's status, as the model names them; a status this version does not
                /// know is kept as `Unknown` with its name.
                #[derive(Debug, Clone, PartialEq, Eq)]
                enum CertificateStatus {
                    /// `ACTIVE`: usable by devices; cannot be transferred.
                    Active,
                    /// `INACTIVE`: the only status a certificate can be transferred from.
                    Inactive,
                    /// `REVOKED`.
                    Revoked,
                    /// `PENDING_TRANSFER`: offered to another account, which has not accepted or rejected it yet.
                    PendingTransfer,
                    /// `REGISTER_INACTIVE`.
                    RegisterInactive,
                    /// `PENDING_ACTIVATION`.
                    PendingActivation,
                    /// A status the model did not have when this version was built.
                    Unknown(String),
                }
            }
            enums {
                /// Something that makes `TransferCertificate` fail for this certificate and target.
                #[derive(Debug, Clone, PartialEq, Eq)]
                enum TransferBlocker {
                    /// No such certificate in this account and region.
                    NotFound,
                    /// It is ACTIVE: deactivate it first (`UpdateCertificate`, `newStatus` INACTIVE).
                    Active,
                    /// It is REVOKED: a revoked certificate cannot be transferred.
                    Revoked,
                    /// It is already offered to the account asked for, by an earlier transfer: nothing
                    /// needs to be done; that account must accept it.
                    AlreadyPendingToTarget,
                    /// It is already offered to `target_account`, another account than the one asked for.
                    PendingTransfer {
                        /// The account it is offered to.
                        target_account: Option<String>,
                    },
                    /// It is offered to this account by `owner`, not owned by it: accept it first.
                    NotOwned {
                        /// The account that owns it.
                        owner: Option<String>,
                    },
                    /// Its status is another that cannot be transferred.
                    Status {
                        /// The status, as the service spells it.
                        status: String,
                    },
                    /// The target account already owns it.
                    TargetIsOwner,
                    /// Policies are attached: detach them first (`DetachPolicy`).
                    PoliciesAttached {
                        /// The names of the attached policies.
                        policy_names: Vec<String>,
                    },
                }

                /// What a batch did to one certificate.
                #[derive(Debug, Clone, PartialEq, Eq)]
                #[allow(clippy::large_enum_variant)]
                enum CertificateOutcome {
                    /// Transferred: it is PENDING_TRANSFER to the target account.
                    Transferred {
                        /// The certificate's ARN.
                        certificate_arn: String,
                        /// Settled from the certificate's state: its transfer's response was lost
                        /// (in this run, or in one that stopped before recording it).
                        reconciled: bool,
                    },
                    /// Accepted: the caller's account owns it.
                    Accepted {
                        /// Settled from the certificate's state, as for a transfer.
                        reconciled: bool,
                    },
                    /// Rejected: it is back with its source account.
                    Rejected {
                        /// Settled from the certificate's state, as for a transfer.
                        reconciled: bool,
                    },
                    /// A plan-only run found it can be done, after these steps.
                    Ready {
                        /// What would be done, in order.
                        steps: Vec<StepAction>,
                    },
                    /// Its state stops it; nothing was changed.
                    Blocked {
                        /// What stops it (each blocker's `describe` says what clears it).
                        blockers: Vec<TransferBlocker>,
                    },
                    /// A step failed.
                    Failed {
                        /// The error.
                        error: ErrorDetails,
                        /// What state the steps left the certificate in.
                        left_state: String,
                    },
                    /// Nothing to do: already done.
                    Skipped {
                        /// Why, in a sentence.
                        reason: String,
                    },
                }

                /// A step of `prepare_and_transfer`, or of a batch.
                #[derive(Debug, Clone, PartialEq, Eq)]
                enum StepAction {
                    /// `UpdateCertificate` to INACTIVE.
                    Deactivate,
                    /// `DetachPolicy` of the named policy.
                    DetachPolicy {
                        /// The policy's name.
                        policy_name: String,
                    },
                    /// `TransferCertificate`.
                    Transfer,
                    /// `AcceptCertificateTransfer` (a batch of incoming transfers).
                    Accept,
                    /// `RejectCertificateTransfer` (a batch of incoming transfers).
                    Reject,
                }

                /// How a step of `prepare_and_transfer` went.
                #[derive(Debug, Clone, PartialEq, Eq)]
                enum StepOutcome {
                    /// It was done.
                    Done,
                    /// It failed with this error's code and message; nothing after it was tried.
                    Failed {
                        /// The error's kind, as every binding names it (`Throttling`, `Auth`, ...).
                        kind: String,
                        /// The error code, such as `ThrottlingException`.
                        code: String,
                        /// The error's message.
                        message: String,
                        /// Whether it may have been applied all the same (its response was lost, it
                        /// timed out, the service failed): check before trying again.
                        possibly_applied: bool,
                    },
                }
            }
        }
    };
}

/// Defines the core's types from the list.
macro_rules! define_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $($inputs:tt)* }
        records { $($records:tt)* }
        status { $($status:tt)* }
        enums { $($enums:tt)* }
    ) => {
        define_shapes!(@records $($metadata)* $($inputs)* $($records)*);
        define_shapes!(@enums $($status)* $($enums)*);
    };
    (@records $(
        $(#[$sattr:meta])*
        struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)? }
    )*) => {
        $(
            $(#[$sattr])*
            pub struct $record { $( $(#[$fattr])* pub $field: $fty, )* }
        )*
    };
    (@enums $(
        $(#[$eattr:meta])*
        enum $enum:ident { $(
            $(#[$vattr:meta])*
            $variant:ident $( ( $($tty:ty),* ) )? $( { $( $(#[$vfattr:meta])* $vfield:ident: $vfty:ty ),* $(,)? } )?
        ),* $(,)? }
    )*) => {
        $(
            $(#[$eattr])*
            pub enum $enum { $(
                $(#[$vattr])*
                $variant $( ( $($tty),* ) )? $( { $( $(#[$vfattr])* $vfield: $vfty ),* } )?
            ),* }
        )*
    };
}

for_each_shape!(define_shapes);

#[cfg(test)]
mod tests {
    use crate::operation::InputField;

    macro_rules! input_members {
        (
            metadata { $($metadata:tt)* }
            inputs { $( $(#[$sattr:meta])* struct $record:ident {
                $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)?
            } )* }
            records { $($records:tt)* }
            status { $($status:tt)* }
            enums { $($enums:tt)* }
        ) => {
            vec![$($(stringify!($field),)*)*]
        };
    }

    /// Bindings that read inputs by member name (the npm package) name a wrong member by its
    /// `InputField`, and Python names it by its snake-case name: every input member must have
    /// one, whose snake-case name is the member's own.
    #[test]
    fn every_input_member_is_an_input_field() {
        let members: Vec<&str> = crate::for_each_shape!(input_members);
        assert!(members.len() > 10);
        for member in members {
            let field = InputField::from_model_name(&crate::operation::lower_camel(member));
            assert_eq!(field.map(InputField::snake_case_name), Some(member), "{member} has no InputField");
        }
    }
}
