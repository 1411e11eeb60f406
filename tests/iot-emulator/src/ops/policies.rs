//! Policy operations: CreatePolicy, AttachPolicy, DetachPolicy and ListAttachedPolicies. Only
//! certificate ARNs are supported as policy targets.

use super::views::{paginate, policy_summary, with_next_marker};
use super::{owned_certificate_mut, validate, Call};
use crate::error::ApiError;
use crate::store::model::{CertificateStatus, PolicyRecord};
use crate::store::Store;
use crate::wire::response::Reply;
use serde_json::json;
use std::collections::BTreeSet;

/// `POST /policies/{policyName}` with `policyDocument`: a new policy in the caller's account.
pub fn create_policy(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let policy_name = validate::policy_name(call.label)?;
    let document = validate::required("policyDocument", call.input.body_string("policyDocument")?)?;
    if !serde_json::from_str::<serde_json::Value>(document).is_ok_and(|value| value.is_object()) {
        return Err(ApiError::malformed_policy("The policy document is not a valid JSON object"));
    }
    let account = call.caller.account_id().to_owned();
    store.mutate(|state| {
        let policies = state.policies.entry(account.clone()).or_default();
        if let Some(existing) = policies.get(&policy_name) {
            return Err(ApiError::resource_already_exists(
                format!("Policy cannot be created - name already exists (name={policy_name})"),
                &policy_name,
                &existing.arn(),
            ));
        }
        let policy = PolicyRecord {
            policy_name: policy_name.clone(),
            account,
            region: call.caller.region.clone(),
            policy_document: document.to_owned(),
            policy_version_id: "1".to_owned(),
            creation_millis: call.now_millis,
            attached_certificate_ids: BTreeSet::new(),
        };
        let reply = json!({
            "policyName": policy.policy_name,
            "policyArn": policy.arn(),
            "policyDocument": policy.policy_document,
            "policyVersionId": policy.policy_version_id,
        });
        policies.insert(policy_name.clone(), policy);
        Ok(Reply::Json(reply))
    })
}

/// `PUT /target-policies/{policyName}` with `target` (a certificate ARN of the caller's).
pub fn attach_policy(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let policy_name = validate::policy_name(call.label)?;
    let certificate_id = certificate_id_of_target(validate::required("target", call.input.body_string("target")?)?)?;
    let account = call.caller.account_id();
    store.mutate(|state| {
        let certificate = owned_certificate_mut(state, account, &certificate_id)?;
        if certificate.status == CertificateStatus::PendingTransfer {
            return Err(ApiError::invalid_request(format!(
                "Certificate {certificate_id} is pending transfer; policies cannot be attached to it"
            )));
        }
        let policy = state
            .policies
            .get_mut(account)
            .and_then(|policies| policies.get_mut(&policy_name))
            .ok_or_else(|| ApiError::resource_not_found(format!("Policy {policy_name} does not exist")))?;
        policy.attached_certificate_ids.insert(certificate_id.clone());
        Ok(Reply::Empty)
    })
}

/// `POST /target-policies/{policyName}` with `target`: idempotent (the model has no
/// not-found error for DetachPolicy, so detaching what is not attached succeeds).
pub fn detach_policy(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let policy_name = validate::policy_name(call.label)?;
    let certificate_id = certificate_id_of_target(validate::required("target", call.input.body_string("target")?)?)?;
    store.mutate(|state| {
        let policy =
            state.policies.get_mut(call.caller.account_id()).and_then(|policies| policies.get_mut(&policy_name));
        if let Some(policy) = policy {
            policy.attached_certificate_ids.remove(&certificate_id);
        }
        Ok::<_, ApiError>(Reply::Empty)
    })
}

/// `POST /attached-policies/{target}?pageSize=&marker=`: the caller's policies attached to one
/// of its certificates, by name.
pub fn list_attached_policies(store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    let certificate_id = certificate_id_of_target(validate::required("target", call.label)?)?;
    let account = call.caller.account_id();
    let policies = store.read(|state| {
        let owned = state.certificates.get(&certificate_id).is_some_and(|c| c.owner_account == account);
        if !owned {
            return Err(ApiError::resource_not_found(format!("Certificate {certificate_id} does not exist")));
        }
        Ok(state.policies_attached_to(account, &certificate_id).into_iter().cloned().collect::<Vec<_>>())
    })?;
    let (page, next_marker) = paginate(policies, call.input)?;
    let summaries: Vec<_> = page.iter().map(policy_summary).collect();
    Ok(Reply::Json(with_next_marker(json!({ "policies": summaries }), next_marker)))
}

/// The certificate ID in `arn:aws:iot:REGION:ACCOUNT:cert/ID`.
fn certificate_id_of_target(target: &str) -> Result<String, ApiError> {
    let unsupported = || {
        ApiError::invalid_request(format!(
            "The target {target:?} is not a certificate ARN (the emulator attaches policies to certificates only)"
        ))
    };
    let mut fields = target.splitn(6, ':');
    let prefix: Vec<&str> = fields.by_ref().take(5).collect();
    let resource = fields.next().ok_or_else(unsupported)?;
    if prefix.len() != 5 || prefix[0] != "arn" || prefix[2] != "iot" {
        return Err(unsupported());
    }
    let id = resource.strip_prefix("cert/").ok_or_else(unsupported)?;
    validate::certificate_id(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_certificate_arns() {
        let id = "a".repeat(64);
        let arn = format!("arn:aws:iot:us-east-1:111122223333:cert/{id}");
        assert_eq!(certificate_id_of_target(&arn).unwrap(), id);
        assert!(certificate_id_of_target("arn:aws:iot:us-east-1:111122223333:thinggroup/x").is_err());
        assert!(certificate_id_of_target("arn:aws:iot:us-east-1:111122223333:cert/short").is_err());
        assert!(certificate_id_of_target("not-an-arn").is_err());
    }
}
