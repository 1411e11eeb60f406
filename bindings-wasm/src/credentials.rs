//! Credentials from JavaScript: a static `{ accessKeyId, secretAccessKey, sessionToken? }` or an
//! async function returning one (with an optional `expiration`), as the JS SDK takes them.

use iot_transfer::runtime::BoxFuture;
use iot_transfer::{Credentials, CredentialsError, ProvideCredentials};
use js_sys::{Function, Promise, Reflect};
use std::fmt;
use std::time::{Duration, UNIX_EPOCH};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Reads `{ accessKeyId, secretAccessKey, sessionToken?, expiration? }`.
pub(crate) fn static_credentials(value: &JsValue) -> Result<Credentials, CredentialsError> {
    let text =
        |name: &str| Reflect::get(value, &name.into()).ok().and_then(|v| v.as_string()).filter(|s| !s.is_empty());
    let key = text("accessKeyId").ok_or_else(|| CredentialsError::Invalid("accessKeyId is missing".into()))?;
    let secret =
        text("secretAccessKey").ok_or_else(|| CredentialsError::Invalid("secretAccessKey is missing".into()))?;
    let expiration = Reflect::get(value, &"expiration".into()).ok().as_ref().and_then(crate::epoch_millis);
    let expires_at = expiration.map(|millis| UNIX_EPOCH + Duration::from_millis(millis as u64));
    Ok(Credentials::new(key, secret, text("sessionToken"), expires_at))
}

/// A host function, called for credentials whenever the cached ones are near expiry.
pub(crate) struct JsCredentialsProvider {
    function: Function,
}

impl JsCredentialsProvider {
    pub(crate) fn new(function: Function) -> Self {
        Self { function }
    }
}

impl fmt::Debug for JsCredentialsProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsCredentialsProvider")
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
            static_credentials(&value)
        })
    }
}

/// The thrown value's `message` (or its string form), never the credentials.
fn provider_failed(thrown: JsValue) -> CredentialsError {
    let message = Reflect::get(&thrown, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "the credentials function threw".into());
    CredentialsError::ProviderFailed(message)
}
