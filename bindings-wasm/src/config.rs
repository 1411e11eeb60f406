//! The JavaScript client configuration to the core's `Config`.

use crate::credentials::{static_credentials, JsCredentialsProvider};
use crate::error::config_error;
use iot_transfer::{Config, RetryConfig, TimeoutConfig};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// The plain members of the configuration, named as in the JS SDK where it has them.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsConfig {
    region: Option<String>,
    endpoint: Option<String>,
    use_fips_endpoint: bool,
    use_dualstack_endpoint: bool,
    max_attempts: Option<u32>,
    /// The backoff base in milliseconds (default 1000).
    retry_base_delay: Option<f64>,
    use_retry_quota: Option<bool>,
    timeouts: JsTimeouts,
    app_name: Option<String>,
}

/// Timeouts in milliseconds.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsTimeouts {
    connect: Option<f64>,
    attempt: Option<f64>,
    call: Option<f64>,
}

/// Reads the configuration object; the error is a description for the JavaScript layer.
pub(crate) fn from_js(value: JsValue) -> Result<Config, JsValue> {
    if !value.is_object() {
        return Err(config_error("the configuration must be an object"));
    }
    let parsed: JsConfig = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| config_error(&format!("invalid configuration: {e}")))?;
    let defaults = RetryConfig::default();
    let retry = RetryConfig {
        max_attempts: parsed.max_attempts.unwrap_or(defaults.max_attempts).max(1),
        initial_backoff: parsed.retry_base_delay.map_or(defaults.initial_backoff, millis),
        use_retry_quota: parsed.use_retry_quota.unwrap_or(defaults.use_retry_quota),
        ..defaults
    };
    let timeouts = TimeoutConfig {
        connect: parsed.timeouts.connect.map_or(TimeoutConfig::default().connect, millis),
        attempt: parsed.timeouts.attempt.map(millis),
        call: parsed.timeouts.call.map(millis),
    };
    let mut builder = Config::builder()
        .use_fips(parsed.use_fips_endpoint)
        .use_dual_stack(parsed.use_dualstack_endpoint)
        .retry(retry)
        .timeouts(timeouts)
        .app_name(format!("lang/js {}", parsed.app_name.unwrap_or_default()).trim_end());
    if let Some(region) = parsed.region {
        builder = builder.region(region);
    }
    if let Some(endpoint) = parsed.endpoint {
        builder = builder.endpoint_url(endpoint);
    }
    let credentials = js_sys::Reflect::get(&value, &"credentials".into()).unwrap_or(JsValue::UNDEFINED);
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

fn millis(value: f64) -> Duration {
    Duration::from_secs_f64(value.max(0.0) / 1000.0)
}
