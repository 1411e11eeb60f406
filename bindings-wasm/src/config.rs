//! The JavaScript client configuration to the core's `Config`. Members are read one by one, so
//! a member of the wrong type is reported by name.

use crate::credentials::{static_credentials, JsCredentialsProvider};
use crate::error::config_error;
use iot_transfer::{Config, RetryConfig, TimeoutConfig};
use js_sys::Reflect;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `{ region, endpoint?, useFipsEndpoint?, useDualstackEndpoint?, maxAttempts?,
/// retryBaseDelay?, useRetryQuota?, timeouts?: { connect?, attempt?, call? }, credentials,
/// appName?, transport? }` (durations in milliseconds); the error is a description for the JavaScript layer.
pub(crate) fn from_js(value: JsValue) -> Result<Config, JsValue> {
    if !value.is_object() {
        return Err(config_error("the configuration must be an object"));
    }
    let defaults = RetryConfig::default();
    let retry = RetryConfig {
        max_attempts: number(&value, "maxAttempts")?.map_or(defaults.max_attempts, |n| n.max(1.0) as u32),
        initial_backoff: number(&value, "retryBaseDelay")?.map_or(defaults.initial_backoff, millis),
        use_retry_quota: boolean(&value, "useRetryQuota")?.unwrap_or(defaults.use_retry_quota),
        ..defaults
    };
    let timeouts_value = member(&value, "timeouts");
    let timeouts = if timeouts_value.is_undefined() || timeouts_value.is_null() {
        TimeoutConfig::default()
    } else {
        TimeoutConfig {
            connect: number(&timeouts_value, "connect")?.map_or(TimeoutConfig::default().connect, millis),
            attempt: number(&timeouts_value, "attempt")?.map(millis),
            call: number(&timeouts_value, "call")?.map(millis),
        }
    };
    let app_name = text(&value, "appName")?.map_or_else(|| "lang/js".to_owned(), |name| format!("lang/js {name}"));
    let mut builder = Config::builder()
        .use_fips(boolean(&value, "useFipsEndpoint")?.unwrap_or(false))
        .use_dual_stack(boolean(&value, "useDualstackEndpoint")?.unwrap_or(false))
        .retry(retry)
        .timeouts(timeouts)
        .app_name(app_name);
    if let Some(region) = text(&value, "region")? {
        builder = builder.region(region);
    }
    if let Some(endpoint) = text(&value, "endpoint")? {
        builder = builder.endpoint_url(endpoint);
    }
    if let Some(send) = member(&value, "transport").dyn_ref::<js_sys::Function>() {
        builder = builder.transport(Arc::new(crate::transport::JsTransport::new(send.clone())));
    }
    let credentials = member(&value, "credentials");
    if let Some(function) = credentials.dyn_ref::<js_sys::Function>() {
        builder = builder.credentials_provider(Arc::new(JsCredentialsProvider::new(function.clone())));
    } else if credentials.is_object() {
        let credentials = static_credentials(&credentials).map_err(|e| config_error(&e.to_string()))?;
        builder = builder.credentials(credentials);
    } else if !credentials.is_undefined() {
        return Err(config_error("credentials must be an object or an async function returning one"));
    }
    Ok(builder.build())
}

fn member(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A member that must be of one type when present.
fn typed<T>(
    object: &JsValue,
    name: &str,
    kind: &str,
    read: impl Fn(&JsValue) -> Option<T>,
) -> Result<Option<T>, JsValue> {
    let value = member(object, name);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read(&value).map(Some).ok_or_else(|| config_error(&format!("{name} must be a {kind}")))
}

fn text(object: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    typed(object, name, "string", JsValue::as_string)
}

fn boolean(object: &JsValue, name: &str) -> Result<Option<bool>, JsValue> {
    typed(object, name, "boolean", JsValue::as_bool)
}

fn number(object: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    typed(object, name, "non-negative number", |v| v.as_f64().filter(|n| n.is_finite() && *n >= 0.0))
}

fn millis(value: f64) -> Duration {
    Duration::from_millis(value as u64)
}
