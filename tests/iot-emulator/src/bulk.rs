//! Certificates in bulk, for soak and load tests: `POST /_emulator/certificates` creates many
//! INACTIVE certificates with no policies in one account, ready to be transferred.

use crate::app::App;
use crate::certgen::generate_certificate;
use crate::demo::DEMO_REGION;
use crate::ops::certificates::new_certificate_record;
use crate::store::model::CertificateStatus;
use serde::Deserialize;

/// The most certificates one request may create.
pub const MAX_BULK_COUNT: u32 = 100_000;

/// The body of `POST /_emulator/certificates`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkCertificates {
    /// The owning account: one of the emulator's accounts.
    pub account_id: String,
    /// How many to create, 1 to [`MAX_BULK_COUNT`].
    pub count: u32,
    /// The region their ARNs name (default `us-east-1`).
    #[serde(default = "default_region")]
    pub region: String,
}

fn default_region() -> String {
    DEMO_REGION.to_owned()
}

/// Creates the certificates (real X.509 ones, as `CreateKeysAndCertificate` makes: about 0.1 ms
/// each), all at once in the store, and answers their IDs in creation order.
pub fn create_certificates(app: &App, request: &BulkCertificates) -> Result<Vec<String>, String> {
    if !app.accounts.all().iter().any(|account| account.account_id == request.account_id) {
        return Err(format!("{:?} is not one of the emulator's accounts", request.account_id));
    }
    if !(1..=MAX_BULK_COUNT).contains(&request.count) {
        return Err(format!("count must be from 1 to {MAX_BULK_COUNT}, got {}", request.count));
    }
    let now_millis = app.clock.now_millis();
    let mut records = Vec::with_capacity(request.count as usize);
    for _ in 0..request.count {
        let generated = generate_certificate(now_millis)?;
        let status = CertificateStatus::Inactive;
        records.push(new_certificate_record(&generated, &request.region, &request.account_id, status, now_millis));
    }
    let ids = records.iter().map(|record| record.certificate_id.clone()).collect();
    app.store.mutate(|state| {
        for record in records {
            state.certificates.insert(record.certificate_id.clone(), record);
        }
        Ok::<_, String>(())
    })?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    fn request(count: u32) -> BulkCertificates {
        BulkCertificates { account_id: "111122223333".into(), count, region: default_region() }
    }

    #[test]
    fn creates_inactive_certificates_with_valid_ids() {
        let app = App::new(&Config::default()).unwrap();
        let ids = create_certificates(&app, &request(3)).unwrap();
        assert_eq!(ids.len(), 3);
        app.store.read(|state| {
            assert_eq!(state.certificates.len(), 3);
            for id in &ids {
                let record = &state.certificates[id];
                assert_eq!(id.len(), 64);
                assert!(id.bytes().all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte)));
                assert_eq!(
                    (record.status, record.owner_account.as_str()),
                    (CertificateStatus::Inactive, "111122223333")
                );
                assert!(record.transfer.is_none());
            }
        });
    }

    #[test]
    fn refuses_unknown_accounts_and_silly_counts() {
        let app = App::new(&Config::default()).unwrap();
        let stranger = BulkCertificates { account_id: "999999999999".into(), ..request(1) };
        assert!(create_certificates(&app, &stranger).is_err());
        assert!(create_certificates(&app, &request(0)).is_err());
        assert!(create_certificates(&app, &request(MAX_BULK_COUNT + 1)).is_err());
        assert_eq!(app.store.read(|state| state.certificates.len()), 0);
    }
}
