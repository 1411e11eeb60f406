//! The JavaScript client configuration to the core's `Config`. A member of the wrong type is a
//! configuration error naming it (`timeouts.attempt must be a non-negative number of
//! milliseconds`); `null` and `undefined` members are not set; unknown members are ignored.

use crate::credentials::{static_credentials, JsCredentialsProvider};
use crate::js_value::{read_object, MemberError};
use crate::member_types::{Attempts, Flag, Millis, Mode, Text};
use crate::transport::JsTransport;
use iot_transfer::environment::{apply_environment, GivenSettings};
use iot_transfer::{Config, TimeoutConfig};
use js_sys::Function;
use serde::Deserialize;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// `transport: "fetch"`: the core's own transport (reqwest over `fetch`), also in Node.
const FETCH: &str = "fetch";

/// The configuration object as JavaScript gives it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfigObject {
    region: Option<Text>,
    endpoint: Option<Text>,
    use_fips_endpoint: Option<Flag>,
    use_dualstack_endpoint: Option<Flag>,
    max_attempts: Option<Attempts>,
    retry_mode: Option<Mode>,
    retry_base_delay: Option<Millis>,
    use_retry_quota: Option<Flag>,
    /// `{ connect?, attempt?, call? }`, read by [`timeouts`].
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    timeouts: JsValue,
    /// Static credentials or a function, read by [`credentials`].
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    credentials: JsValue,
    app_name: Option<Text>,
    /// A function, `"fetch"`, or not set.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    transport: JsValue,
}

/// `timeouts`, in milliseconds.
#[derive(Deserialize)]
struct TimeoutsObject {
    connect: Option<Millis>,
    attempt: Option<Millis>,
    call: Option<Millis>,
}

/// Reads `{ region, endpoint?, useFipsEndpoint?, useDualstackEndpoint?, maxAttempts?,
/// retryMode?, retryBaseDelay?, useRetryQuota?, timeouts?: { connect?, attempt?, call? }, credentials,
/// appName?, transport? }` (durations in milliseconds) over what `environment` (Node's
/// `process.env`, or `undefined`) sets: the members given win, as in the JS SDK.
pub(crate) fn from_js(value: JsValue, environment: &JsValue) -> Result<Config, MemberError> {
    // `new IoTTransferClient()` is a client configured by the environment alone.
    let value = if is_unset(&value) { js_sys::Object::new().into() } else { value };
    if !value.is_object() {
        return Err(MemberError::new("", "the configuration must be an object"));
    }
    let object: ConfigObject = read_object(value, "")?;
    let given = GivenSettings {
        region: object.region.is_some(),
        endpoint_url: object.endpoint.is_some(),
        use_fips: object.use_fips_endpoint.is_some(),
        use_dual_stack: object.use_dualstack_endpoint.is_some(),
        max_attempts: object.max_attempts.is_some(),
        retry_mode: object.retry_mode.is_some(),
        credentials: !is_unset(&object.credentials),
    };
    let variable = |name: &str| match environment.is_object() {
        true => js_sys::Reflect::get(environment, &JsValue::from_str(name)).ok()?.as_string(),
        false => None,
    };
    let mut builder = apply_environment(Config::builder(), variable, &given)
        .map_err(|e| MemberError::new(format!("process.env.{}", e.variable), format!("must be {}", e.expected)))?;
    let app_name = object.app_name.map_or_else(|| "lang/js".to_owned(), |name| format!("lang/js {}", name.0));
    builder = builder.timeouts(timeouts(object.timeouts)?).app_name(app_name);
    if let Some(flag) = object.use_fips_endpoint {
        builder = builder.use_fips(flag.0);
    }
    if let Some(flag) = object.use_dualstack_endpoint {
        builder = builder.use_dual_stack(flag.0);
    }
    if let Some(attempts) = object.max_attempts {
        builder = builder.max_attempts(attempts.0);
    }
    if let Some(mode) = object.retry_mode {
        builder = builder.retry_mode(mode.0);
    }
    if let Some(base) = object.retry_base_delay {
        builder = builder.initial_backoff(base.0);
    }
    if let Some(flag) = object.use_retry_quota {
        builder = builder.use_retry_quota(flag.0);
    }
    if let Some(region) = object.region {
        builder = builder.region(region.0);
    }
    if let Some(endpoint) = object.endpoint {
        builder = builder.endpoint_url(endpoint.0);
    }
    if let Some(send) = transport(object.transport)? {
        builder = builder.transport(Arc::new(JsTransport::new(send)));
    }
    let credentials = object.credentials;
    if let Some(function) = credentials.dyn_ref::<Function>() {
        builder = builder.credentials_provider(Arc::new(JsCredentialsProvider::new(function.clone())));
    } else if credentials.is_object() {
        builder = builder.credentials(static_credentials(credentials, "credentials")?);
    } else if !is_unset(&credentials) {
        return Err(MemberError::new("credentials", "must be an object or an async function returning one"));
    }
    Ok(builder.build())
}

/// `timeouts`, defaults where not set.
fn timeouts(value: JsValue) -> Result<TimeoutConfig, MemberError> {
    let defaults = TimeoutConfig::default();
    if is_unset(&value) {
        return Ok(defaults);
    }
    let object: TimeoutsObject = read_object(value, "timeouts")?;
    Ok(TimeoutConfig {
        connect: object.connect.map_or(defaults.connect, |d| d.0),
        attempt: object.attempt.map(|d| d.0),
        call: object.call.map(|d| d.0),
        ..defaults
    })
}

/// The host's transport function; `None` for the core's own (`"fetch"`, or not set).
fn transport(value: JsValue) -> Result<Option<Function>, MemberError> {
    if is_unset(&value) || value.as_string().as_deref() == Some(FETCH) {
        return Ok(None);
    }
    value.dyn_into::<Function>().map(Some).map_err(|_| MemberError::new("transport", "must be a function or \"fetch\""))
}

/// `null` and `undefined` mean "not set".
fn is_unset(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}
