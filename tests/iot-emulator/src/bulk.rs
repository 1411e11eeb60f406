//! Certificates in bulk, for soak and load tests: `POST /_emulator/certificates` creates many
//! certificates in one account, INACTIVE with no policies (ready to be transferred) unless the
//! request asks for ACTIVE ones or policies attached (for batches that must deactivate or detach
//! first).

use crate::app::App;
use crate::certgen::generate_certificate;
use crate::demo::DEMO_REGION;
use crate::ops::certificates::new_certificate_record;
use crate::ops::validate;
use crate::store::model::{CertificateStatus, PolicyRecord};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The most certificates one request may create.
pub const MAX_BULK_COUNT: u32 = 100_000;

/// The document of the policies a bulk request creates.
pub const BULK_POLICY_DOCUMENT: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}"#;

/// The body of `POST /_emulator/certificates`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkCertificates {
    /// The owning account: one of the emulator's accounts.
    pub account_id: String,
    /// How many to create, 1 to [`MAX_BULK_COUNT`].
    pub count: u32,
    /// The region their ARNs name (default `us-east-1`).
    pub region: String,
    /// Their status: INACTIVE (the default) or ACTIVE.
    pub status: CertificateStatus,
    /// Policies of the account to attach to every one of them, created if missing.
    pub policy_names: Vec<String>,
}

impl BulkCertificates {
    /// INACTIVE certificates with no policies, in the default region.
    pub fn new(account_id: &str, count: u32) -> Self {
        Self {
            account_id: account_id.to_owned(),
            count,
            region: DEMO_REGION.to_owned(),
            status: CertificateStatus::Inactive,
            policy_names: Vec::new(),
        }
    }

    /// Reads the JSON body `{"accountId", "count", "region"?, "status"?, "policyNames"?}`; every
    /// error names the member.
    pub fn from_json(body: &[u8]) -> Result<Self, String> {
        let members: Map<String, Value> =
            serde_json::from_slice(body).map_err(|error| format!("The request must be a JSON object: {error}"))?;
        if let Some(unknown) = members.keys().find(|name| !MEMBERS.contains(&name.as_str())) {
            return Err(format!("Unknown member {unknown:?} (expected one of {})", MEMBERS.join(", ")));
        }
        let string = |name: &str| match members.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => Err(format!("{name} must be a string, got {other}")),
        };
        let account_id = string("accountId")?.ok_or("accountId is required")?;
        let count = match members.get("count") {
            None | Some(Value::Null) => return Err("count is required".to_owned()),
            Some(value) => value
                .as_u64()
                .and_then(|count| u32::try_from(count).ok())
                .ok_or_else(|| format!("count must be an integer from 1 to {MAX_BULK_COUNT}, got {value}"))?,
        };
        let mut request = Self::new(&account_id, count);
        if let Some(region) = string("region")? {
            request.region = region;
        }
        if let Some(status) = string("status")? {
            request.status = CertificateStatus::parse(&status)
                .filter(|status| ALLOWED_STATUSES.contains(status))
                .ok_or_else(|| format!("status must be \"INACTIVE\" or \"ACTIVE\", got {status:?}"))?;
        }
        match members.get("policyNames") {
            None | Some(Value::Null) => {}
            Some(Value::Array(names)) => {
                for (index, name) in names.iter().enumerate() {
                    let name =
                        name.as_str().ok_or_else(|| format!("policyNames[{index}] must be a string, got {name}"))?;
                    request.policy_names.push(name.to_owned());
                }
            }
            Some(other) => return Err(format!("policyNames must be a list of policy names, got {other}")),
        }
        Ok(request)
    }

    /// Checks the values: a known account, the count, the status and the policy names.
    fn validate(&self, app: &App) -> Result<(), String> {
        if app.accounts.by_id(&self.account_id).is_none() {
            return Err(format!("accountId {:?} is not one of the emulator's accounts", self.account_id));
        }
        if !(1..=MAX_BULK_COUNT).contains(&self.count) {
            return Err(format!("count must be from 1 to {MAX_BULK_COUNT}, got {}", self.count));
        }
        if !ALLOWED_STATUSES.contains(&self.status) {
            return Err(format!("status must be \"INACTIVE\" or \"ACTIVE\", got {:?}", self.status.as_str()));
        }
        if self.region.is_empty() {
            return Err("region must not be empty".to_owned());
        }
        for (index, name) in self.policy_names.iter().enumerate() {
            if validate::policy_name(Some(name)).is_err() {
                return Err(format!(
                    "policyNames[{index}] {name:?} is not a policy name (1 to 128 characters of [\\w+=,.@-])"
                ));
            }
        }
        Ok(())
    }
}

const MEMBERS: [&str; 5] = ["accountId", "count", "region", "status", "policyNames"];
const ALLOWED_STATUSES: [CertificateStatus; 2] = [CertificateStatus::Inactive, CertificateStatus::Active];

/// Creates the certificates (real X.509 ones, as `CreateKeysAndCertificate` makes: about 0.1 ms
/// each) and the missing policies, all at once in the store, attaches the policies, and answers
/// the certificates' IDs in creation order.
pub fn create_certificates(app: &App, request: &BulkCertificates) -> Result<Vec<String>, String> {
    request.validate(app)?;
    let now_millis = app.clock.now_millis();
    let mut records = Vec::with_capacity(request.count as usize);
    for _ in 0..request.count {
        let generated = generate_certificate(now_millis)?;
        records.push(new_certificate_record(
            &generated,
            &request.region,
            &request.account_id,
            request.status,
            now_millis,
        ));
    }
    let ids: Vec<String> = records.iter().map(|record| record.certificate_id.clone()).collect();
    app.store.mutate(|state| {
        for record in records {
            state.certificates.insert(record.certificate_id.clone(), record);
        }
        let policies = state.policies.entry(request.account_id.clone()).or_default();
        for name in &request.policy_names {
            let policy = policies.entry(name.clone()).or_insert_with(|| PolicyRecord {
                policy_name: name.clone(),
                account: request.account_id.clone(),
                region: request.region.clone(),
                policy_document: BULK_POLICY_DOCUMENT.to_owned(),
                policy_version_id: "1".to_owned(),
                creation_millis: now_millis,
                attached_certificate_ids: BTreeSet::new(),
            });
            policy.attached_certificate_ids.extend(ids.iter().cloned());
        }
        Ok::<_, String>(())
    })?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    const SOURCE: &str = "111122223333";

    #[test]
    fn creates_inactive_certificates_with_valid_ids() {
        let app = App::new(&Config::default()).unwrap();
        let ids = create_certificates(&app, &BulkCertificates::new(SOURCE, 3)).unwrap();
        assert_eq!(ids.len(), 3);
        app.store.read(|state| {
            assert_eq!(state.certificates.len(), 3);
            assert!(state.policies.values().all(|policies| policies.is_empty()));
            for id in &ids {
                let record = &state.certificates[id];
                assert_eq!(id.len(), 64);
                assert!(id.bytes().all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte)));
                assert_eq!((record.status, record.owner_account.as_str()), (CertificateStatus::Inactive, SOURCE));
                assert!(record.transfer.is_none());
            }
        });
    }

    #[test]
    fn creates_active_certificates_with_policies_attached() {
        let app = App::new(&Config::default()).unwrap();
        let first = BulkCertificates {
            status: CertificateStatus::Active,
            policy_names: vec!["fleet-a".into(), "fleet-b".into()],
            ..BulkCertificates::new(SOURCE, 2)
        };
        let first_ids = create_certificates(&app, &first).unwrap();
        // A second batch reuses the existing policy and adds its certificates to it.
        let second = BulkCertificates { policy_names: vec!["fleet-a".into()], ..BulkCertificates::new(SOURCE, 1) };
        let second_ids = create_certificates(&app, &second).unwrap();
        app.store.read(|state| {
            assert!(first_ids.iter().all(|id| state.certificates[id].status == CertificateStatus::Active));
            assert_eq!(state.certificates[&second_ids[0]].status, CertificateStatus::Inactive);
            let policies = &state.policies[SOURCE];
            assert_eq!(policies.len(), 2);
            assert_eq!(policies["fleet-a"].attached_certificate_ids.len(), 3);
            assert_eq!(policies["fleet-b"].attached_certificate_ids.len(), 2);
            assert!(serde_json::from_str::<Value>(&policies["fleet-b"].policy_document).unwrap().is_object());
            assert_eq!(state.policies_attached_to(SOURCE, &first_ids[0]).len(), 2);
        });
    }

    #[test]
    fn refuses_bad_values_and_changes_nothing() {
        let app = App::new(&Config::default()).unwrap();
        let bad = [
            (BulkCertificates::new("999999999999", 1), "accountId"),
            (BulkCertificates::new(SOURCE, 0), "count"),
            (BulkCertificates::new(SOURCE, MAX_BULK_COUNT + 1), "count"),
            (BulkCertificates { status: CertificateStatus::Revoked, ..BulkCertificates::new(SOURCE, 1) }, "status"),
            (
                BulkCertificates {
                    policy_names: vec!["ok".into(), "no spaces".into()],
                    ..BulkCertificates::new(SOURCE, 1)
                },
                "policyNames[1]",
            ),
        ];
        for (request, member) in bad {
            let message = create_certificates(&app, &request).unwrap_err();
            assert!(message.starts_with(member), "{message}");
        }
        app.store.read(|state| assert!(state.certificates.is_empty() && state.policies.is_empty()));
    }

    #[test]
    fn reads_the_body_naming_the_member_in_every_error() {
        let request = BulkCertificates::from_json(
            br#"{"accountId": "111122223333", "count": 2, "status": "ACTIVE", "policyNames": ["p1", "p2"]}"#,
        )
        .unwrap();
        assert_eq!(
            request,
            BulkCertificates {
                status: CertificateStatus::Active,
                policy_names: vec!["p1".into(), "p2".into()],
                ..BulkCertificates::new(SOURCE, 2)
            }
        );
        for (body, member) in [
            (r#"{"count": 1}"#, "accountId"),
            (r#"{"accountId": 5, "count": 1}"#, "accountId"),
            (r#"{"accountId": "111122223333"}"#, "count"),
            (r#"{"accountId": "111122223333", "count": "many"}"#, "count"),
            (r#"{"accountId": "111122223333", "count": -1}"#, "count"),
            (r#"{"accountId": "111122223333", "count": 1, "status": "REVOKED"}"#, "status"),
            (r#"{"accountId": "111122223333", "count": 1, "status": 1}"#, "status"),
            (r#"{"accountId": "111122223333", "count": 1, "policyNames": "p1"}"#, "policyNames"),
            (r#"{"accountId": "111122223333", "count": 1, "policyNames": ["p1", 2]}"#, "policyNames[1]"),
            (r#"{"accountId": "111122223333", "count": 1, "colour": "blue"}"#, "Unknown member \"colour\""),
            (r#"[1]"#, "The request must be a JSON object"),
        ] {
            let message = BulkCertificates::from_json(body.as_bytes()).unwrap_err();
            assert!(message.starts_with(member), "{body}: {message}");
        }
    }
}
