//! The output shapes built from stored records, member names as the IoT model spells them.

use crate::clock::epoch_seconds_json;
use crate::error::ApiError;
use crate::store::model::{CertificateRecord, PolicyRecord, TransferRecord};
use crate::wire::request::RequestInput;
use serde_json::{json, Map, Value};

/// The default page size of the list operations.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// `CertificateDescription` (DescribeCertificate).
pub fn certificate_description(certificate: &CertificateRecord) -> Value {
    let mut members = Map::new();
    members.insert("certificateArn".into(), json!(certificate.arn()));
    members.insert("certificateId".into(), json!(certificate.certificate_id));
    members.insert("status".into(), json!(certificate.status.as_str()));
    members.insert("certificatePem".into(), json!(certificate.certificate_pem));
    members.insert("ownedBy".into(), json!(certificate.owner_account));
    if let Some(previous) = &certificate.previous_owner_account {
        members.insert("previousOwnedBy".into(), json!(previous));
    }
    members.insert("creationDate".into(), epoch_seconds_json(certificate.creation_millis));
    members.insert("lastModifiedDate".into(), epoch_seconds_json(certificate.last_modified_millis));
    members.insert("customerVersion".into(), json!(certificate.customer_version));
    if let Some(transfer) = &certificate.transfer {
        members.insert("transferData".into(), transfer_data(transfer));
    }
    members.insert("generationId".into(), json!(certificate.generation_id));
    members.insert(
        "validity".into(),
        json!({
            "notBefore": epoch_seconds_json(certificate.not_before_millis),
            "notAfter": epoch_seconds_json(certificate.not_after_millis),
        }),
    );
    members.insert("certificateMode".into(), json!("DEFAULT"));
    Value::Object(members)
}

/// `TransferData`: only the members that have a value.
pub fn transfer_data(transfer: &TransferRecord) -> Value {
    let mut members = Map::new();
    if let Some(message) = &transfer.transfer_message {
        members.insert("transferMessage".into(), json!(message));
    }
    if let Some(reason) = &transfer.reject_reason {
        members.insert("rejectReason".into(), json!(reason));
    }
    members.insert("transferDate".into(), epoch_seconds_json(transfer.transfer_millis));
    if let Some(accepted) = transfer.accept_millis {
        members.insert("acceptDate".into(), epoch_seconds_json(accepted));
    }
    if let Some(rejected) = transfer.reject_millis {
        members.insert("rejectDate".into(), epoch_seconds_json(rejected));
    }
    Value::Object(members)
}

/// `Certificate` (ListCertificates).
pub fn certificate_summary(certificate: &CertificateRecord) -> Value {
    json!({
        "certificateArn": certificate.arn(),
        "certificateId": certificate.certificate_id,
        "status": certificate.status.as_str(),
        "certificateMode": "DEFAULT",
        "creationDate": epoch_seconds_json(certificate.creation_millis),
    })
}

/// `OutgoingCertificate` (ListOutgoingCertificates), for a certificate with a pending transfer.
pub fn outgoing_certificate(certificate: &CertificateRecord, transfer: &TransferRecord) -> Value {
    let mut members = Map::new();
    members.insert("certificateArn".into(), json!(certificate.arn()));
    members.insert("certificateId".into(), json!(certificate.certificate_id));
    members.insert("transferredTo".into(), json!(transfer.target_account));
    members.insert("transferDate".into(), epoch_seconds_json(transfer.transfer_millis));
    if let Some(message) = &transfer.transfer_message {
        members.insert("transferMessage".into(), json!(message));
    }
    members.insert("creationDate".into(), epoch_seconds_json(certificate.creation_millis));
    Value::Object(members)
}

/// `Policy` (ListAttachedPolicies).
pub fn policy_summary(policy: &PolicyRecord) -> Value {
    json!({ "policyName": policy.policy_name, "policyArn": policy.arn() })
}

/// One page of `items` from the `marker` and `pageSize` query members; the marker is the
/// decimal offset of the next item (it fits the model's marker pattern).
pub fn paginate<T>(items: Vec<T>, input: &RequestInput) -> Result<(Vec<T>, Option<String>), ApiError> {
    let page_size = input.query_integer("pageSize", 1, 250)?.unwrap_or(DEFAULT_PAGE_SIZE) as usize;
    let start = match input.query("marker") {
        None => 0,
        Some(marker) => marker
            .parse::<usize>()
            .ok()
            .filter(|offset| *offset <= items.len())
            .ok_or_else(|| ApiError::invalid_request(format!("The marker {marker:?} is not valid")))?,
    };
    let end = start.saturating_add(page_size).min(items.len());
    let next_marker = (end < items.len()).then(|| end.to_string());
    Ok((items.into_iter().skip(start).take(end - start).collect(), next_marker))
}

/// Adds `nextMarker` to a list output when there is a next page.
pub fn with_next_marker(mut output: Value, next_marker: Option<String>) -> Value {
    if let (Some(marker), Some(members)) = (next_marker, output.as_object_mut()) {
        members.insert("nextMarker".into(), json!(marker));
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_through_items() {
        let first = RequestInput::parse(Some("pageSize=2"), b"").unwrap();
        let (page, next) = paginate((0..5).collect(), &first).unwrap();
        assert_eq!((page, next.as_deref()), (vec![0, 1], Some("2")));
        let last = RequestInput::parse(Some("pageSize=2&marker=4"), b"").unwrap();
        assert_eq!(paginate((0..5).collect(), &last).unwrap(), (vec![4], None));
        let bad = RequestInput::parse(Some("marker=9"), b"").unwrap();
        assert!(paginate((0..5).collect::<Vec<i32>>(), &bad).is_err());
    }
}
