//! Credentials from JavaScript: a static `{ accessKeyId, secretAccessKey, sessionToken?,
//! expiration? }` or an async function returning one, as the JS SDK takes them.

use crate::epoch::{epoch_millis, time_from_millis};
use crate::js_value::{read_object, MemberError};
use crate::member_types::Text;
use crate::thrown::Thrown;
use iot_transfer::runtime::BoxFuture;
use iot_transfer::{Credentials, CredentialsError, ProvideCredentials};
use js_sys::{Function, Promise};
use serde::Deserialize;
use std::time::UNIX_EPOCH;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The credentials object as JavaScript gives it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CredentialsObject {
    access_key_id: Option<Text>,
    secret_access_key: Option<Text>,
    session_token: Option<Text>,
    /// A `Date` or epoch milliseconds, checked by [`epoch_millis`].
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    expiration: JsValue,
}

/// Reads the credentials object `value`, found at `at` (`credentials` in the configuration, empty
/// for what a function returned). The message names the member, never its value.
pub(crate) fn static_credentials(value: JsValue, at: &str) -> Result<Credentials, MemberError> {
    let object: CredentialsObject = read_object(value, at)?;
    let member = |name: &str| if at.is_empty() { name.to_owned() } else { format!("{at}.{name}") };
    let required = |text: Option<Text>, name: &str| {
        text.map(|t| t.0).filter(|t| !t.is_empty()).ok_or_else(|| MemberError::new(member(name), "is missing"))
    };
    let key = required(object.access_key_id, "accessKeyId")?;
    let secret = required(object.secret_access_key, "secretAccessKey")?;
    let token = object.session_token.map(|t| t.0).filter(|t| !t.is_empty());
    let expiration = epoch_millis(&object.expiration)
        .map_err(|_| MemberError::new(member("expiration"), format!("must be a {}", crate::epoch::EXPECTED)))?;
    // A time before what `SystemTime` holds here (1970 on wasm32) has long passed; one after it
    // never comes.
    let expires_at = expiration.and_then(|millis| time_from_millis(millis).or((millis < 0.0).then_some(UNIX_EPOCH)));
    Ok(Credentials::new(key, secret, token, expires_at))
}

/// A host function, called for credentials whenever the cached ones are near expiry.
pub(crate) struct JsCredentialsProvider {
    function: Function,
}

impl JsCredentialsProvider {
    /// Calls `function` (which may return a promise) for each refresh.
    pub(crate) fn new(function: Function) -> Self {
        Self { function }
    }
}

impl ProvideCredentials for JsCredentialsProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let returned = self.function.call0(&JsValue::UNDEFINED).map_err(provider_failed)?;
            let value = JsFuture::from(Promise::resolve(&returned)).await.map_err(provider_failed)?;
            if !value.is_object() {
                return Err(CredentialsError::Invalid("the credentials function must return an object".into()));
            }
            static_credentials(value, "").map_err(|e| CredentialsError::Invalid(e.to_string()))
        })
    }
}

/// The thrown value's `message` (or its string form), never the credentials.
fn provider_failed(thrown: JsValue) -> CredentialsError {
    let message = Thrown::read(&thrown).message;
    CredentialsError::ProviderFailed(message.unwrap_or_else(|| "the credentials function threw".into()))
}
