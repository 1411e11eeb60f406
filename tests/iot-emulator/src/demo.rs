//! Demo certificates, created in the first account through the operations themselves: one
//! that can be transferred, one that is ACTIVE, and one with a policy attached.

use crate::app::App;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::ops::{execute, Call};
use crate::wire::request::RequestInput;
use crate::wire::response::Reply;
use crate::wire::routing::Operation;
use serde::Serialize;

/// The region the demo resources' ARNs name.
pub const DEMO_REGION: &str = "us-east-1";
/// The policy attached to the third demo certificate.
pub const DEMO_POLICY_NAME: &str = "emulator-demo-device-policy";
const DEMO_POLICY_DOCUMENT: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}"#;

/// The IDs of the demo certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoCertificates {
    /// The owning account.
    pub account_id: String,
    /// INACTIVE, no policies: can be transferred.
    pub transferable: String,
    /// ACTIVE: a transfer fails with CertificateStateException.
    pub active: String,
    /// INACTIVE with a policy attached: a transfer fails with TransferConflictException.
    pub with_policy: String,
}

/// Creates the three demo certificates (and the demo policy, if missing).
pub fn seed_demo(app: &App) -> Result<DemoCertificates, ApiError> {
    let account = app.accounts.first().clone();
    let access_key_id = account.access_key_id.clone();
    let caller = Caller { account, region: DEMO_REGION.to_owned(), access_key_id };
    let call = |operation: Operation, label: Option<&str>, query: Option<&str>, body: &str| {
        let input = RequestInput::parse(query, body.as_bytes())?;
        let call = Call { caller: &caller, label, input: &input, now_millis: app.clock.now_millis() };
        execute(operation, &app.store, &call)
    };
    let create = |active: bool| -> Result<String, ApiError> {
        let query = if active { "setAsActive=true" } else { "setAsActive=false" };
        match call(Operation::CreateKeysAndCertificate, None, Some(query), "")? {
            Reply::Json(output) => output["certificateId"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| ApiError::internal_failure("CreateKeysAndCertificate gave no certificateId")),
            Reply::Empty => Err(ApiError::internal_failure("CreateKeysAndCertificate gave no output")),
        }
    };
    let transferable = create(false)?;
    let active = create(true)?;
    let with_policy = create(false)?;

    let policy_body = serde_json::json!({ "policyDocument": DEMO_POLICY_DOCUMENT }).to_string();
    match call(Operation::CreatePolicy, Some(DEMO_POLICY_NAME), None, &policy_body) {
        Err(error) if error.code != "ResourceAlreadyExistsException" => return Err(error),
        _ => {}
    }
    let arn = crate::store::model::certificate_arn(DEMO_REGION, caller.account_id(), &with_policy);
    let attach_body = serde_json::json!({ "target": arn }).to_string();
    call(Operation::AttachPolicy, Some(DEMO_POLICY_NAME), None, &attach_body)?;
    Ok(DemoCertificates { account_id: caller.account_id().to_owned(), transferable, active, with_policy })
}
