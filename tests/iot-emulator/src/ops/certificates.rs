//! Certificate operations: CreateKeysAndCertificate, DescribeCertificate, ListCertificates and
//! UpdateCertificate.

use super::views::{certificate_description, certificate_summary, paginate, with_next_marker};
use super::{owned_certificate_mut, validate, visible_certificate, Call};
use crate::certgen::{generate_certificate, GeneratedCertificate};
use crate::error::ApiError;
use crate::store::model::{CertificateRecord, CertificateStatus};
use crate::store::Store;
use crate::wire::response::Reply;
use serde_json::json;

/// `POST /keys-and-certificate?setAsActive=`: a new key pair and certificate, owned by the
/// caller, ACTIVE if `setAsActive` is true, else INACTIVE.
pub fn create_keys_and_certificate(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let set_as_active = call.input.query_bool("setAsActive")?.unwrap_or(false);
    let generated = generate_certificate(call.now_millis).map_err(ApiError::internal_failure)?;
    let status = if set_as_active { CertificateStatus::Active } else { CertificateStatus::Inactive };
    let certificate =
        new_certificate_record(&generated, &call.caller.region, call.caller.account_id(), status, call.now_millis);
    let arn = certificate.arn();
    store.mutate(|state| {
        state.certificates.insert(certificate.certificate_id.clone(), certificate);
        Ok::<_, ApiError>(())
    })?;
    Ok(Reply::Json(json!({
        "certificateArn": arn,
        "certificateId": generated.certificate_id,
        "certificatePem": generated.certificate_pem,
        "keyPair": { "PublicKey": generated.public_key_pem, "PrivateKey": generated.private_key_pem },
    })))
}

/// The record of a newly created certificate owned by `owner_account`, with no transfer.
pub fn new_certificate_record(
    generated: &GeneratedCertificate,
    region: &str,
    owner_account: &str,
    status: CertificateStatus,
    now_millis: i64,
) -> CertificateRecord {
    CertificateRecord {
        certificate_id: generated.certificate_id.clone(),
        certificate_pem: generated.certificate_pem.clone(),
        region: region.to_owned(),
        owner_account: owner_account.to_owned(),
        previous_owner_account: None,
        status,
        creation_millis: now_millis,
        last_modified_millis: now_millis,
        customer_version: 1,
        generation_id: crate::ids::new_request_id(),
        not_before_millis: generated.not_before_millis,
        not_after_millis: generated.not_after_millis,
        transfer: None,
    }
}

/// `GET /certificates/{certificateId}`: visible to the owner and to the target of a pending
/// transfer.
pub fn describe_certificate(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = validate::certificate_id(call.label)?;
    store.read(|state| {
        let certificate = visible_certificate(state, call.caller.account_id(), &certificate_id)?;
        Ok(Reply::Json(json!({ "certificateDescription": certificate_description(certificate) })))
    })
}

/// `GET /certificates?pageSize=&marker=&isAscendingOrder=`: the caller's certificates and those
/// waiting for it to accept a transfer, newest first unless `isAscendingOrder=true`.
pub fn list_certificates(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let ascending = call.input.query_bool("isAscendingOrder")?.unwrap_or(false);
    let mut certificates: Vec<CertificateRecord> = store.read(|state| {
        state
            .certificates
            .values()
            .filter(|certificate| certificate.is_visible_to(call.caller.account_id()))
            .cloned()
            .collect()
    });
    certificates.sort_by(|a, b| (a.creation_millis, &a.certificate_id).cmp(&(b.creation_millis, &b.certificate_id)));
    if !ascending {
        certificates.reverse();
    }
    let (page, next_marker) = paginate(certificates, call.input)?;
    let summaries: Vec<_> = page.iter().map(certificate_summary).collect();
    Ok(Reply::Json(with_next_marker(json!({ "certificates": summaries }), next_marker)))
}

/// `PUT /certificates/{certificateId}?newStatus=`: ACTIVE, INACTIVE or REVOKED; idempotent. A
/// certificate pending transfer, or revoked, cannot change status (CertificateStateException).
pub fn update_certificate(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = validate::certificate_id(call.label)?;
    let status_name = validate::required("newStatus", call.input.query("newStatus"))?;
    let new_status = CertificateStatus::parse(status_name).ok_or_else(|| {
        ApiError::invalid_request(format!(
            "1 validation error detected: Value '{status_name}' at 'newStatus' failed to satisfy constraint: \
             Member must satisfy enum value set: [ACTIVE, INACTIVE, REVOKED, PENDING_TRANSFER, REGISTER_INACTIVE, \
             PENDING_ACTIVATION]"
        ))
    })?;
    if !matches!(new_status, CertificateStatus::Active | CertificateStatus::Inactive | CertificateStatus::Revoked) {
        return Err(ApiError::invalid_request(format!(
            "A certificate's status cannot be set to {status_name} with UpdateCertificate"
        )));
    }
    store.mutate(|state| {
        let certificate = owned_certificate_mut(state, call.caller.account_id(), &certificate_id)?;
        if certificate.status == new_status {
            return Ok(Reply::Empty);
        }
        match certificate.status {
            CertificateStatus::PendingTransfer => {
                return Err(ApiError::certificate_state(format!(
                    "Certificate {certificate_id} is pending transfer; cancel or complete the transfer first"
                )))
            }
            CertificateStatus::Revoked => {
                return Err(ApiError::certificate_state(format!(
                    "Certificate {certificate_id} is revoked and cannot change status"
                )))
            }
            _ => {}
        }
        certificate.status = new_status;
        certificate.touch(call.now_millis);
        Ok(Reply::Empty)
    })
}
