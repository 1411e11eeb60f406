//! Settles an accept, reject or cancel whose outcome is unknown. None of them is idempotent: a
//! retry after a lost response meets `TransferAlreadyCompletedException`, which would report a
//! failure for a call that worked. When an attempt may have been applied and the call would fail,
//! or when the service says the transfer is already completed, the client reads the
//! certificate's state (`DescribeCertificate`) before it answers: the end the caller asked for,
//! found in place after a possibly applied attempt, is a success marked `reconciled`; anything
//! else is the error with a hint saying what was found.

use super::attempts::{self, attempt_loop, read, Attempted, Progress};
use super::operations::Started;
use super::{Cancellation, Client};
use crate::error::{Error, ErrorKind};
use crate::operation::describe_certificate::{CertificateDescription, CertificateStatus, ValidatedInput};
use crate::operation::{
    validate_certificate_id, AcceptCertificateTransferInput, CancelCertificateTransferInput, OperationInput,
    RejectCertificateTransferInput,
};

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

ends_transfer!(
    AcceptCertificateTransferInput => Accept,
    RejectCertificateTransferInput => Reject,
    CancelCertificateTransferInput => Cancel
);

/// What the certificate's state says of the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Settlement {
    /// The end the call asked for is in place.
    InPlace,
    /// It is not, for the reason given: the call was not applied.
    NotInPlace(String),
    /// The state could not tell: the hint says why.
    Unknown(String),
}

/// Reads what the caller's `DescribeCertificate` found (or the error it met) for `end`.
pub(crate) fn settle(end: TransferEnd, found: Result<&CertificateDescription, &Error>) -> Settlement {
    let description = match found {
        Ok(description) => description,
        Err(error) if *error.kind() == ErrorKind::ResourceNotFound => {
            return match end {
                TransferEnd::Accept => Settlement::NotInPlace(
                    "The certificate is no longer offered to this account: its owner cancelled the transfer, or it \
                     was rejected. It was not accepted."
                        .into(),
                ),
                // The target no longer sees it: it went back to the source, by this rejection or by
                // the source's cancellation, and either way it is not this account's.
                TransferEnd::Reject => Settlement::InPlace,
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
        return Settlement::NotInPlace(
            "The certificate is still PENDING_TRANSFER: the transfer was not ended by this call.".into(),
        );
    }
    let transfer = description.transfer_data.clone().unwrap_or_default();
    let rejected_last = match (transfer.reject_date, transfer.transfer_date) {
        (Some(rejected), Some(transferred)) => rejected >= transferred,
        (Some(_), None) => true,
        _ => false,
    };
    match end {
        // Visible to the target and no longer pending: it is the target's now.
        TransferEnd::Accept if transfer.accept_date.is_some() => Settlement::InPlace,
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
        TransferEnd::Cancel => Settlement::InPlace,
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
        let work = async {
            let mut error = match attempt_loop(self, &call, &endpoint, transport.as_ref(), &progress).await {
                Ok(Attempted { metadata, .. }) => return Ok(I::output((), metadata)),
                Err(error) => error,
            };
            let possibly_applied = read(&progress, |p| p.possibly_applied);
            if !possibly_applied && *error.kind() != ErrorKind::TransferAlreadyCompleted {
                return Err(error);
            }
            // Validated by `start`, so the ID is there.
            let certificate_id = validate_certificate_id(input.certificate()).map_err(Error::from)?;
            let check = Progress::on_behalf_of(&progress);
            let describe = ValidatedInput::from_valid_id(certificate_id);
            let found = attempt_loop(self, &describe, &endpoint, transport.as_ref(), &check).await;
            match settle(I::END, found.as_ref().map(|found| &found.output)) {
                Settlement::InPlace if possibly_applied => {
                    let Ok(Attempted { metadata: checked, .. }) = found else {
                        // A reject found in place by a 404: the status and request id stay the failure's.
                        let mut metadata = read(&progress, |p| p.metadata(error.http_status(), None));
                        metadata.request_id = error.request_id().map(str::to_owned);
                        metadata.reconciled = true;
                        return Ok(I::output((), metadata));
                    };
                    let mut metadata = read(&progress, |p| p.metadata(checked.http_status, checked.request_id));
                    metadata.reconciled = true;
                    Ok(I::output((), metadata))
                }
                Settlement::InPlace => {
                    error.set_state_hint(already_in_place(I::END));
                    error.set_reconciled(false);
                    Err(error)
                }
                Settlement::NotInPlace(hint) => {
                    error.set_state_hint(hint);
                    error.set_reconciled(false);
                    Err(error)
                }
                Settlement::Unknown(hint) => {
                    error.set_state_hint(hint);
                    Err(error)
                }
            }
        };
        attempts::bounded(self, &progress, cancellation, work).await
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

    #[test]
    fn still_pending_means_not_applied() {
        let pending = described(CertificateStatus::PendingTransfer, TransferData::default());
        for end in [TransferEnd::Accept, TransferEnd::Reject, TransferEnd::Cancel] {
            assert!(matches!(settle(end, Ok(&pending)), Settlement::NotInPlace(_)), "{end:?}");
        }
    }

    #[test]
    fn an_accept_is_in_place_when_the_target_owns_it() {
        let accepted = described(CertificateStatus::Active, TransferData { accept_date: at(5), ..Default::default() });
        assert_eq!(settle(TransferEnd::Accept, Ok(&accepted)), Settlement::InPlace);
        assert!(matches!(settle(TransferEnd::Accept, Err(&not_found())), Settlement::NotInPlace(_)));
        let unclear = described(CertificateStatus::Inactive, TransferData::default());
        assert!(matches!(settle(TransferEnd::Accept, Ok(&unclear)), Settlement::Unknown(_)));
    }

    #[test]
    fn a_reject_is_in_place_when_the_target_no_longer_sees_it() {
        assert_eq!(settle(TransferEnd::Reject, Err(&not_found())), Settlement::InPlace);
        let accepted =
            described(CertificateStatus::Inactive, TransferData { accept_date: at(5), ..Default::default() });
        assert!(matches!(settle(TransferEnd::Reject, Ok(&accepted)), Settlement::NotInPlace(_)));
    }

    #[test]
    fn a_cancel_is_in_place_unless_the_target_rejected_or_accepted_first() {
        let cancelled = described(
            CertificateStatus::Inactive,
            TransferData { transfer_date: at(10), reject_date: at(5), ..Default::default() },
        );
        assert_eq!(settle(TransferEnd::Cancel, Ok(&cancelled)), Settlement::InPlace);
        let rejected = described(
            CertificateStatus::Inactive,
            TransferData { transfer_date: at(10), reject_date: at(12), ..Default::default() },
        );
        assert!(matches!(settle(TransferEnd::Cancel, Ok(&rejected)), Settlement::NotInPlace(_)));
        assert!(matches!(settle(TransferEnd::Cancel, Err(&not_found())), Settlement::NotInPlace(_)));
    }

    #[test]
    fn an_unreadable_state_settles_nothing() {
        let throttled = Error::new(ErrorKind::Throttling, "ThrottlingException", "slow");
        for end in [TransferEnd::Accept, TransferEnd::Reject, TransferEnd::Cancel] {
            assert!(matches!(settle(end, Err(&throttled)), Settlement::Unknown(_)), "{end:?}");
        }
    }
}
