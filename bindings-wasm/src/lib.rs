//! WebAssembly bindings of the `iot-transfer` core, wrapped by the npm package's JavaScript layer
//! (`IoTTransferClient`, error classes). Every function here converts its arguments, calls the
//! core and converts the result; the logic is in the core. Values cross the boundary as serde
//! types, converted by serde-wasm-bindgen.

#![cfg(target_arch = "wasm32")]

mod abort_signal;
#[cfg(feature = "batches")]
mod batch;
mod config;
mod credentials;
mod epoch;
mod error;
mod js_value;
mod member_types;
mod operations;
mod output;
mod panic;
mod settings;
mod shapes;
mod thrown;
mod transport;

use iot_transfer::Client;
use wasm_bindgen::prelude::*;

/// The core client, as the JavaScript layer sees it. Methods resolve to plain objects and reject
/// with plain error descriptions that the JavaScript layer turns into `Error` classes.
#[wasm_bindgen]
pub struct NativeClient {
    pub(crate) client: Client,
}

#[wasm_bindgen]
impl NativeClient {
    /// Builds a client from the configuration object (the declared settings by their JS SDK
    /// names, `credentials`, `transport`) over the settings `environment` (Node's `process.env`,
    /// or `undefined`) holds; a member or variable that cannot be used throws a configuration
    /// error naming it. `default_credentials` (an async function, or `undefined`) provides the
    /// credentials when neither the configuration nor the environment's keys give them.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue, environment: JsValue, default_credentials: JsValue) -> Result<NativeClient, JsValue> {
        let config = config::from_js(config, &environment, &default_credentials).map_err(error::to_js)?;
        Ok(NativeClient { client: Client::new(config) })
    }
}
