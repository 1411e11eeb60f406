//! The JavaScript client configuration to the core's `Config`: the declared settings
//! ([`crate::settings`]), what Node's environment sets for those left out, the members only
//! JavaScript has (credentials, transport), and the host's default credentials last. A member of
//! the wrong type, or one that breaks the core's rule, is a configuration error naming it
//! (`timeouts.attempt must be a duration from 0 to 24 days`); `null` and `undefined` members are
//! not set; unknown members are ignored.

use crate::credentials::{static_credentials, JsCredentialsProvider};
use crate::js_value::MemberError;
use crate::settings::{is_unset, member_at, settings_from_js};
use crate::transport::JsTransport;
use iot_transfer::environment::{credentials_from_environment, fill_from_environment};
use iot_transfer::settings::SettingNaming;
use iot_transfer::{Config, Error};
use js_sys::Function;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// `transport: "fetch"`: the core's own transport (reqwest over `fetch`), also in Node.
const FETCH: &str = "fetch";

/// What the user agent says of this binding.
const AGENT: &str = "lang/js";

/// Reads the configuration object (see `IoTTransferClientConfig` in the package's types) over
/// what `environment` (Node's `process.env`, or `undefined`) sets: the members given win, as in
/// the JS SDK. Credentials come from the configuration, else the environment's keys, else the
/// `default_credentials` function when there is one (Node: the JS SDK's default chain).
pub(crate) fn from_js(value: JsValue, environment: &JsValue, default_credentials: &JsValue) -> Result<Config, Error> {
    let member_error = |error: MemberError| Error::configuration(error.to_string());
    // `new IoTTransferClient()` is a client configured by the environment alone.
    let value = if is_unset(&value) { js_sys::Object::new().into() } else { value };
    if !value.is_object() {
        return Err(Error::configuration("the configuration must be an object"));
    }
    let mut settings = settings_from_js(&value).map_err(member_error)?;
    let variable = |name: &str| match environment.is_object() {
        true => js_sys::Reflect::get(environment, &JsValue::from_str(name)).ok()?.as_string(),
        false => None,
    };
    fill_from_environment(&mut settings, variable)
        .map_err(|e| Error::configuration(format!("process.env.{} must be {}", e.variable, e.expected)))?;
    let mut builder = settings.apply(Config::builder(), AGENT, SettingNaming::Js)?;
    if let Some(send) = transport(member_at(&value, "transport").map_err(member_error)?)? {
        builder = builder.transport(Arc::new(JsTransport::new(send)));
    }
    let credentials = member_at(&value, "credentials").map_err(member_error)?;
    if let Some(function) = credentials.dyn_ref::<Function>() {
        builder = builder.credentials_provider(Arc::new(JsCredentialsProvider::new(function.clone())));
    } else if credentials.is_object() {
        builder = builder.credentials(static_credentials(credentials, "credentials").map_err(member_error)?);
    } else if !is_unset(&credentials) {
        return Err(Error::configuration("credentials must be an object or an async function returning one"));
    } else if let Some(found) = credentials_from_environment(variable) {
        builder = builder.credentials(found);
    } else if let Some(function) = default_credentials.dyn_ref::<Function>() {
        builder = builder.credentials_provider(Arc::new(JsCredentialsProvider::new(function.clone())));
    }
    Ok(builder.build())
}

/// The host's transport function; `None` for the core's own (`"fetch"`, or not set).
fn transport(value: JsValue) -> Result<Option<Function>, Error> {
    if is_unset(&value) || value.as_string().as_deref() == Some(FETCH) {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| Error::configuration("transport must be a function or \"fetch\""))
}
