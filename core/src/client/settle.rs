//! Settles an accept, reject or cancel whose outcome is unknown. None of them is idempotent: a
//! retry after a lost response meets `TransferAlreadyCompletedException`, which would report a
//! failure for a call that worked. When an attempt may have been applied and the call would fail,
//! or when the service says the transfer is already completed, the client reads the
//! certificate's state (`DescribeCertificate`) before it answers: the end the caller asked for,
//! found in place after a possibly applied attempt, is a success marked `reconciled`; anything
//! else is the error with a hint saying what was found.

use super::attempts::{self, attempt_loop, Progress};
use super::operations::Started;
use super::{Cancellation, Client};
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind};
use crate::operation::describe_certificate::{CertificateDescription, CertificateStatus, DescribeCertificateInput};
use crate::operation::{
    validate_certificate_id, AcceptCertificateTransferInput, CancelCertificateTransferInput, OperationInput,
    RejectCertificateTransferInput, ResponseMetadata, RestRequest,
};
use crate::runtime::{HttpResponse, HttpTransport};

/// Which end of a pending transfer a call asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TransferEnd {
    /// The target takes the certificate.
    Accept,
    /// The target refuses it; it goes back to the source.
    Reject,
    /// The source takes it back.
    Cancel,
}

/// An operation that ends a pending transfer.
pub(crate) trait EndsTransfer: OperationInput<Payload = ()> {
    /// The end it asks for.
    const END: TransferEnd;
    /// The certificate, as the caller gave it.
    fn certificate(&self) -> &str;
    /// Whether the end asked for leaves the certificate ACTIVE (an accept with `setAsActive`).
    fn wants_active(&self) -> bool {
        false
    }
}

macro_rules! ends_transfer {
    ($($input:ty => $end:ident),*) => {
        $(impl EndsTransfer for $input {
            const END: TransferEnd = TransferEnd::$end;
            fn certificate(&self) -> &str {
                &self.certificate_id
            }
        })*
    };
}

ends_transfer!(RejectCertificateTransferInput => Reject, CancelCertificateTransferInput => Cancel);

impl EndsTransfer for AcceptCertificateTransferInput {
    const END: TransferEnd = TransferEnd::Accept;
    fn certificate(&self) -> &str {
        &self.certificate_id
    }
    fn wants_active(&self) -> bool {
        self.set_as_active == Some(true)
    }
}

/// What the certificate's state says of the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Settlement {
    /// The end the call asked for is in place.
    InPlace,
    /// The transfer is still pending: no attempt has ended it yet, though one whose response was
    /// lost may still reach the service.
    StillPending,
    /// The target no longer sees the certificate: it went back to its owner, rejected (perhaps by
    /// this call) or cancelled by the owner; or the ID is not one the target ever saw.
    GoneFromTarget,
    /// It is not, for the reason given: the transfer ended otherwise.
    NotInPlace(String),
    /// The state could not tell: the hint says why.
    Unknown(String),
}

/// Reads what the caller's `DescribeCertificate` found (or the error it met) for `end`;
/// `wants_active` says whether an accept asked for the certificate ACTIVE.
pub(crate) fn settle(
    end: TransferEnd,
    wants_active: bool,
    found: Result<&CertificateDescription, &Error>,
) -> Settlement {
    let description = match found {
        Ok(description) => description,
        Err(error) if *error.kind() == ErrorKind::ResourceNotFound => {
            return match end {
                TransferEnd::Accept => Settlement::NotInPlace(
                    "The certificate is no longer offered to this account: its owner cancelled the transfer, or it \
                     was rejected. It was not accepted."
                        .into(),
                ),
                TransferEnd::Reject => Settlement::GoneFromTarget,
                TransferEnd::Cancel => Settlement::NotInPlace(
                    "The certificate is no longer in this account: the target account accepted the transfer \
                     before it could be cancelled."
                        .into(),
                ),
            };
        }
        Err(error) => {
            return Settlement::Unknown(format!(
                "The certificate's state could not be read to settle the outcome ({error}): check it with \
                 DescribeCertificate before trying again."
            ))
        }
    };
    let status = description.status.as_ref();
    if status == Some(&CertificateStatus::PendingTransfer) {
        return Settlement::StillPending;
    }
    let transfer = description.transfer_data.clone().unwrap_or_default();
    let rejected_last = match (transfer.reject_date, transfer.transfer_date) {
        (Some(rejected), Some(transferred)) => rejected >= transferred,
        (Some(_), None) => true,
        _ => false,
    };
    match end {
        // Visible to the target and no longer pending: it is the target's now, in the status asked
        // for (an accept without `setAsActive` leaves it INACTIVE, and it may have been activated since).
        TransferEnd::Accept
            if transfer.accept_date.is_some() && (!wants_active || status == Some(&CertificateStatus::Active)) =>
        {
            Settlement::InPlace
        }
        TransferEnd::Accept if transfer.accept_date.is_some() => Settlement::Unknown(format!(
            "The certificate was accepted into this account but is {}, not ACTIVE: another accept may have taken it \
             first. Activate it with UpdateCertificate if it should be ACTIVE.",
            status.map_or("without a status", CertificateStatus::as_str)
        )),
        TransferEnd::Accept => Settlement::Unknown(format!(
            "The certificate is {} but shows no acceptance: check it with DescribeCertificate.",
            status.map_or("without a status", CertificateStatus::as_str)
        )),
        TransferEnd::Reject => Settlement::NotInPlace(
            "The certificate is in this account and no longer pending: the transfer was accepted, not rejected.".into(),
        ),
        TransferEnd::Cancel if rejected_last => Settlement::NotInPlace(
            "The target account rejected the transfer before it was cancelled: the certificate is back in this \
             account, INACTIVE."
                .into(),
        ),
        // Back in the caller's account, INACTIVE, after a transfer that was not rejected: cancelled.
        TransferEnd::Cancel if status == Some(&CertificateStatus::Inactive) && transfer.transfer_date.is_some() => {
            Settlement::InPlace
        }
        TransferEnd::Cancel => Settlement::Unknown(format!(
            "The certificate is {} and shows no cancelled transfer: check it with DescribeCertificate.",
            status.map_or("without a status", CertificateStatus::as_str)
        )),
    }
}

impl Client {
    /// Runs an accept, reject or cancel, and settles an unknown outcome from the certificate's
    /// state (see the module's documentation).
    pub(super) async fn settled<I: EndsTransfer>(
        &self,
        input: I,
        cancellation: Option<&Cancellation>,
    ) -> Result<I::Output, Error> {
        let Started { call, endpoint, transport, progress } = self.start(&input, cancellation)?;
        let mut parse = |response: &HttpResponse| I::parse_response(response.status, &response.headers, &response.body);
        let ending = Ending { end: I::END, wants_active: input.wants_active(), certificate: input.certificate() };
        let sent = Sent { request: call.request(), idempotent: I::IDEMPOTENT, parse: &mut parse };
        let target = (&endpoint, transport.as_ref());
        let metadata = self.settle_ending(sent, ending, target, progress, cancellation).await?;
        Ok(I::output((), metadata))
    }

    /// [`settled`](Self::settled) with the operation's types erased: one copy for the three ends.
    async fn settle_ending(
        &self,
        sent: Sent<'_>,
        ending: Ending<'_>,
        target: (&Endpoint, &dyn HttpTransport),
        mut progress: Progress,
        cancellation: Option<&Cancellation>,
    ) -> Result<ResponseMetadata, Error> {
        let (endpoint, transport) = target;
        let work = async {
            let first =
                attempts::erased_attempts(self, sent.request, sent.idempotent, sent.parse, target, &mut progress);
            let mut error = match first.await {
                Ok(metadata) => return Ok(metadata),
                Err(error) => error,
            };
            let possibly_applied = progress.possibly_applied;
            if !possibly_applied && *error.kind() != ErrorKind::TransferAlreadyCompleted {
                return Err(error);
            }
            // Validated by `start`, so the ID is there.
            let certificate_id = validate_certificate_id(ending.certificate).map_err(Error::from)?;
            let mut check = Progress::on_behalf_of(&progress);
            let describe = DescribeCertificateInput::new(certificate_id).prepare().map_err(Error::from)?;
            let found = attempt_loop(self, &describe, endpoint, transport, &mut check).await;
            let completed = *error.kind() == ErrorKind::TransferAlreadyCompleted;
            let settlement = settle(ending.end, ending.wants_active, found.as_ref().map(|found| &found.output));
            match verdict(ending.end, settlement, possibly_applied, completed) {
                Verdict::Succeeded(MetadataFrom::Check) => {
                    let checked = found.map(|found| found.metadata).unwrap_or_default();
                    let mut metadata = progress.metadata(checked.http_status, checked.request_id);
                    metadata.reconciled = true;
                    Ok(metadata)
                }
                Verdict::Succeeded(MetadataFrom::Error) => {
                    let mut metadata = progress.metadata(error.http_status(), None);
                    metadata.request_id = error.request_id().map(str::to_owned);
                    metadata.reconciled = true;
                    Ok(metadata)
                }
                Verdict::Failed { hint, possibly_applied } => {
                    error.set_state_hint(hint);
                    error.set_reconciled(possibly_applied);
                    Err(error)
                }
            }
        };
        let outcome = attempts::bounded(self, cancellation, work).await;
        progress.finish(outcome)
    }
}

/// An accept, reject or cancel request, and how its success is read.
struct Sent<'a> {
    request: &'a RestRequest,
    idempotent: bool,
    parse: &'a mut (dyn FnMut(&HttpResponse) -> Result<(), Error> + Send),
}

/// The end a call asks for, and of which certificate.
#[derive(Clone, Copy)]
struct Ending<'a> {
    end: TransferEnd,
    wants_active: bool,
    certificate: &'a str,
}

/// Where a settled success takes its status and request id from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetadataFrom {
    /// The `DescribeCertificate` that found the end in place.
    Check,
    /// The failed attempt's response (the service said the transfer had already ended).
    Error,
}

/// What the call answers once the certificate's state is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A success, marked reconciled.
    Succeeded(MetadataFrom),
    /// The error, settled by the check, with a hint saying what was found and whether the call
    /// may still have been applied.
    Failed { hint: String, possibly_applied: bool },
}

/// The answer to an `end` call whose attempts failed, from what its state check found
/// (`settlement`), whether an attempt may have been applied, and whether the service said the
/// transfer had already ended (`completed`). Pure: the runner only carries it out.
pub(crate) fn verdict(end: TransferEnd, settlement: Settlement, possibly_applied: bool, completed: bool) -> Verdict {
    let failed = |hint: String, possibly_applied: bool| Verdict::Failed { hint, possibly_applied };
    match settlement {
        Settlement::InPlace if possibly_applied => Verdict::Succeeded(MetadataFrom::Check),
        // The service said the transfer ended, after an attempt of this reject may have been
        // applied, and the target no longer sees the certificate: it is back with its owner.
        Settlement::GoneFromTarget if possibly_applied && completed => Verdict::Succeeded(MetadataFrom::Error),
        Settlement::GoneFromTarget if completed => failed(already_in_place(end), false),
        Settlement::GoneFromTarget => failed(
            "The certificate is no longer visible to this account: it was rejected (perhaps by this call) or \
             cancelled by its owner, or the ID is not one offered to this account. Check the ID before trying again."
                .into(),
            possibly_applied,
        ),
        Settlement::StillPending if possibly_applied => failed(
            "The certificate is still PENDING_TRANSFER, but an attempt of this call whose response was lost may \
             still reach the service: check it with DescribeCertificate before trying again."
                .into(),
            true,
        ),
        Settlement::StillPending => {
            failed("The certificate is still PENDING_TRANSFER: this call did not end the transfer.".into(), false)
        }
        Settlement::InPlace => failed(already_in_place(end), false),
        Settlement::NotInPlace(hint) => failed(hint, false),
        Settlement::Unknown(hint) => failed(hint, possibly_applied),
    }
}

/// The hint of a call that found the end it asked for already in place, from before the call.
fn already_in_place(end: TransferEnd) -> String {
    let done = match end {
        TransferEnd::Accept => "accepted into this account",
        TransferEnd::Reject => "no longer offered to this account (rejected, or cancelled by its owner)",
        TransferEnd::Cancel => "back in this account: the transfer was cancelled",
    };
    format!("The transfer had already ended before this call: the certificate is {done}. Nothing needs to be done.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::describe_certificate::TransferData;
    use std::time::{Duration, UNIX_EPOCH};

    fn described(status: CertificateStatus, transfer: TransferData) -> CertificateDescription {
        CertificateDescription { status: Some(status), transfer_data: Some(transfer), ..Default::default() }
    }

    fn at(seconds: u64) -> Option<std::time::SystemTime> {
        Some(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    fn not_found() -> Error {
        Error::new(ErrorKind::ResourceNotFound, "ResourceNotFoundException", "gone")
    }

    /// The verdict's outcome without its hint's text: a success and where its metadata comes
    /// from, or a failure and whether the call may still have been applied.
    fn outcome(verdict: Verdict) -> Result<MetadataFrom, bool> {
        match verdict {
            Verdict::Succeeded(from) => Ok(from),
            Verdict::Failed { possibly_applied, .. } => Err(possibly_applied),
        }
    }

    #[test]
    fn the_verdict_succeeds_only_for_an_end_this_call_may_have_made() {
        use MetadataFrom::*;
        let unknown = || Settlement::Unknown("?".into());
        let not_in_place = || Settlement::NotInPlace("no".into());
        // (what the check found, possibly applied, service said completed) -> the outcome.
        let table = [
            (Settlement::InPlace, true, false, Ok(Check)),
            (Settlement::InPlace, true, true, Ok(Check)),
            (Settlement::InPlace, false, true, Err(false)),
            (Settlement::GoneFromTarget, true, true, Ok(Error)),
            (Settlement::GoneFromTarget, false, true, Err(false)),
            (Settlement::GoneFromTarget, true, false, Err(true)),
            (Settlement::GoneFromTarget, false, false, Err(false)),
            (Settlement::StillPending, true, false, Err(true)),
            (Settlement::StillPending, false, true, Err(false)),
            (not_in_place(), true, false, Err(false)),
            (unknown(), true, false, Err(true)),
            (unknown(), false, true, Err(false)),
        ];
        for (settlement, possibly_applied, completed, expected) in table {
            for end in [TransferEnd::Accept, TransferEnd::Reject, TransferEnd::Cancel] {
                let got = outcome(verdict(end, settlement.clone(), possibly_applied, completed));
                assert_eq!(
                    got, expected,
                    "{end:?} {settlement:?} possibly_applied={possibly_applied} completed={completed}"
                );
            }
        }
        // An end already in place before the call says so, and never advises undoing it.
        let Verdict::Failed { hint, .. } = verdict(TransferEnd::Accept, Settlement::InPlace, false, true) else {
            panic!("an accept found in place without having been applied is not this call's success")
        };
        assert!(hint.contains("already ended before this call") && !hint.to_lowercase().contains("cancel"), "{hint}");
    }

    #[test]
    fn still_pending_is_its_own_finding() {
        let pending = described(CertificateStatus::PendingTransfer, TransferData::default());
        for end in [TransferEnd::Accept, TransferEnd::Reject, TransferEnd::Cancel] {
            assert_eq!(settle(end, false, Ok(&pending)), Settlement::StillPending, "{end:?}");
        }
    }

    #[test]
    fn an_accept_is_in_place_when_the_target_owns_it_in_the_status_asked_for() {
        let accepted = described(CertificateStatus::Active, TransferData { accept_date: at(5), ..Default::default() });
        assert_eq!(settle(TransferEnd::Accept, true, Ok(&accepted)), Settlement::InPlace);
        assert_eq!(settle(TransferEnd::Accept, false, Ok(&accepted)), Settlement::InPlace);
        let inactive =
            described(CertificateStatus::Inactive, TransferData { accept_date: at(5), ..Default::default() });
        assert_eq!(settle(TransferEnd::Accept, false, Ok(&inactive)), Settlement::InPlace);
        assert!(matches!(settle(TransferEnd::Accept, true, Ok(&inactive)), Settlement::Unknown(_)));
        assert!(matches!(settle(TransferEnd::Accept, false, Err(&not_found())), Settlement::NotInPlace(_)));
        let unclear = described(CertificateStatus::Inactive, TransferData::default());
        assert!(matches!(settle(TransferEnd::Accept, false, Ok(&unclear)), Settlement::Unknown(_)));
    }

    #[test]
    fn a_reject_sees_the_certificate_gone_or_accepted() {
        assert_eq!(settle(TransferEnd::Reject, false, Err(&not_found())), Settlement::GoneFromTarget);
        let accepted =
            described(CertificateStatus::Inactive, TransferData { accept_date: at(5), ..Default::default() });
        assert!(matches!(settle(TransferEnd::Reject, false, Ok(&accepted)), Settlement::NotInPlace(_)));
    }

    #[test]
    fn a_cancel_is_in_place_only_when_back_inactive_after_a_transfer_not_rejected() {
        let cancelled = described(
            CertificateStatus::Inactive,
            TransferData { transfer_date: at(10), reject_date: at(5), ..Default::default() },
        );
        assert_eq!(settle(TransferEnd::Cancel, false, Ok(&cancelled)), Settlement::InPlace);
        let rejected = described(
            CertificateStatus::Inactive,
            TransferData { transfer_date: at(10), reject_date: at(12), ..Default::default() },
        );
        assert!(matches!(settle(TransferEnd::Cancel, false, Ok(&rejected)), Settlement::NotInPlace(_)));
        assert!(matches!(settle(TransferEnd::Cancel, false, Err(&not_found())), Settlement::NotInPlace(_)));
        let active = described(CertificateStatus::Active, TransferData { transfer_date: at(10), ..Default::default() });
        assert!(matches!(settle(TransferEnd::Cancel, false, Ok(&active)), Settlement::Unknown(_)));
        let never = described(CertificateStatus::Inactive, TransferData::default());
        assert!(matches!(settle(TransferEnd::Cancel, false, Ok(&never)), Settlement::Unknown(_)));
    }

    #[test]
    fn an_unreadable_state_settles_nothing() {
        let throttled = Error::new(ErrorKind::Throttling, "ThrottlingException", "slow");
        for end in [TransferEnd::Accept, TransferEnd::Reject, TransferEnd::Cancel] {
            assert!(matches!(settle(end, false, Err(&throttled)), Settlement::Unknown(_)), "{end:?}");
        }
    }
}
