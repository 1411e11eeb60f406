//! Transfer operations: TransferCertificate, AcceptCertificateTransfer,
//! RejectCertificateTransfer, CancelCertificateTransfer and ListOutgoingCertificates.

use super::views::{outgoing_certificate, paginate, with_next_marker};
use super::{owned_certificate_mut, validate, Call};
use crate::error::ApiError;
use crate::store::model::{CertificateRecord, CertificateStatus, State, TransferOutcome, TransferRecord};
use crate::store::Store;
use crate::wire::response::Reply;
use serde_json::json;

/// `PATCH /transfer-certificate/{certificateId}?targetAwsAccount=` with an optional
/// `transferMessage`: offers an INACTIVE certificate without policies to another account.
pub fn transfer_certificate(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = validate::certificate_id(call.label)?;
    let target_account = validate::account_id("targetAwsAccount", call.input.query("targetAwsAccount"))?;
    let transfer_message = validate::message("transferMessage", call.input.body_string("transferMessage")?)?;
    let account = call.caller.account_id();
    store.mutate(|state| {
        let attached: Vec<String> =
            state.policies_attached_to(account, &certificate_id).iter().map(|p| p.policy_name.clone()).collect();
        let certificate = owned_certificate_mut(state, account, &certificate_id)?;
        if target_account == account {
            return Err(ApiError::invalid_request("A certificate cannot be transferred to the account that owns it"));
        }
        if certificate.status != CertificateStatus::Inactive {
            let advice = match certificate.status {
                CertificateStatus::Active => " (deactivate it with UpdateCertificate first)",
                CertificateStatus::PendingTransfer => " (a transfer of it is already pending)",
                _ => "",
            };
            return Err(ApiError::certificate_state(format!(
                "Certificate {certificate_id} is {}: only an INACTIVE certificate can be transferred{advice}",
                certificate.status.as_str()
            )));
        }
        if !attached.is_empty() {
            return Err(ApiError::transfer_conflict(format!(
                "Certificate {certificate_id} has policies attached ({}): detach them before transferring it",
                attached.join(", ")
            )));
        }
        certificate.status = CertificateStatus::PendingTransfer;
        certificate.transfer = Some(TransferRecord {
            source_account: account.to_owned(),
            target_account: target_account.clone(),
            transfer_message: transfer_message.clone(),
            reject_reason: None,
            transfer_millis: call.now_millis,
            accept_millis: None,
            reject_millis: None,
            outcome: TransferOutcome::Pending,
        });
        certificate.touch(call.now_millis);
        Ok(Reply::Json(json!({ "transferredCertificateArn": certificate.arn() })))
    })
}

/// `PATCH /accept-certificate-transfer/{certificateId}?setAsActive=`: the target takes
/// ownership (the ARN's account becomes the target's); ACTIVE if `setAsActive`, else INACTIVE.
pub fn accept_certificate_transfer(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = validate::certificate_id(call.label)?;
    let set_as_active = call.input.query_bool("setAsActive")?.unwrap_or(false);
    store.mutate(|state| {
        let certificate = pending_transfer_mut(state, call, &certificate_id, Party::Target)?;
        if let Some(transfer) = certificate.transfer.as_mut() {
            transfer.outcome = TransferOutcome::Accepted;
            transfer.accept_millis = Some(call.now_millis);
            certificate.previous_owner_account = Some(transfer.source_account.clone());
            certificate.owner_account = transfer.target_account.clone();
        }
        certificate.status = if set_as_active { CertificateStatus::Active } else { CertificateStatus::Inactive };
        certificate.touch(call.now_millis);
        Ok(Reply::Empty)
    })
}

/// `PATCH /reject-certificate-transfer/{certificateId}` with an optional `rejectReason`: the
/// certificate goes back to the source, INACTIVE.
pub fn reject_certificate_transfer(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = validate::certificate_id(call.label)?;
    let reject_reason = validate::message("rejectReason", call.input.body_string("rejectReason")?)?;
    store.mutate(|state| {
        let certificate = pending_transfer_mut(state, call, &certificate_id, Party::Target)?;
        if let Some(transfer) = certificate.transfer.as_mut() {
            transfer.outcome = TransferOutcome::Rejected;
            transfer.reject_reason = reject_reason.clone();
            transfer.reject_millis = Some(call.now_millis);
        }
        certificate.status = CertificateStatus::Inactive;
        certificate.touch(call.now_millis);
        Ok(Reply::Empty)
    })
}

/// `PATCH /cancel-certificate-transfer/{certificateId}`: the source withdraws the offer; the
/// certificate is INACTIVE again.
pub fn cancel_certificate_transfer(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = validate::certificate_id(call.label)?;
    store.mutate(|state| {
        let certificate = pending_transfer_mut(state, call, &certificate_id, Party::Source)?;
        if let Some(transfer) = certificate.transfer.as_mut() {
            transfer.outcome = TransferOutcome::Cancelled;
        }
        certificate.status = CertificateStatus::Inactive;
        certificate.touch(call.now_millis);
        Ok(Reply::Empty)
    })
}

/// `GET /certificates-out-going?pageSize=&marker=&isAscendingOrder=`: the caller's pending
/// outgoing transfers, newest certificate first unless `isAscendingOrder=true`.
pub fn list_outgoing_certificates(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let ascending = call.input.query_bool("isAscendingOrder")?.unwrap_or(false);
    let account = call.caller.account_id();
    let mut outgoing: Vec<CertificateRecord> = store.read(|state| {
        state
            .certificates
            .values()
            .filter(|certificate| certificate.pending_transfer().is_some_and(|t| t.source_account == account))
            .cloned()
            .collect()
    });
    outgoing.sort_by(|a, b| (a.creation_millis, &a.certificate_id).cmp(&(b.creation_millis, &b.certificate_id)));
    if !ascending {
        outgoing.reverse();
    }
    let (page, next_marker) = paginate(outgoing, call.input)?;
    let items: Vec<_> = page
        .iter()
        .filter_map(|certificate| certificate.pending_transfer().map(|t| outgoing_certificate(certificate, t)))
        .collect();
    Ok(Reply::Json(with_next_marker(json!({ "outgoingCertificates": items }), next_marker)))
}

/// Which side of a transfer may answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Source,
    Target,
}

/// The certificate whose transfer the caller answers. Errors, in order: an account that is
/// neither the owner nor a party of the last transfer cannot see the certificate
/// (ResourceNotFoundException); no transfer (InvalidRequestException); a finished transfer
/// (TransferAlreadyCompletedException); the wrong party (UnauthorizedException).
fn pending_transfer_mut<'s>(
    state: &'s mut State,
    call: &Call<'_>,
    certificate_id: &str,
    party: Party,
) -> Result<&'s mut CertificateRecord, ApiError> {
    let account = call.caller.account_id();
    let not_found = || ApiError::resource_not_found(format!("Certificate {certificate_id} does not exist"));
    let certificate = state.certificates.get_mut(certificate_id).ok_or_else(not_found)?;
    let involved = certificate.owner_account == account
        || certificate.transfer.as_ref().is_some_and(|t| t.source_account == account || t.target_account == account);
    if !involved {
        return Err(not_found());
    }
    let transfer = certificate.transfer.as_ref().ok_or_else(|| {
        ApiError::invalid_request(format!("Certificate {certificate_id} has never been offered for transfer"))
    })?;
    let finished = match transfer.outcome {
        TransferOutcome::Pending => None,
        TransferOutcome::Accepted => Some("accepted"),
        TransferOutcome::Rejected => Some("rejected"),
        TransferOutcome::Cancelled => Some("cancelled"),
    };
    if let Some(how) = finished {
        return Err(ApiError::transfer_already_completed(format!(
            "The transfer of certificate {certificate_id} was already {how}"
        )));
    }
    let (allowed, role) = match party {
        Party::Source => (&transfer.source_account, "only the transfer's source account may cancel it"),
        Party::Target => (&transfer.target_account, "only the transfer's target account may accept or reject it"),
    };
    if allowed != account {
        return Err(ApiError::unauthorized(format!("Account {account} is not authorized: {role}")));
    }
    Ok(certificate)
}
