//! WebAssembly runtime: JavaScript's `Date.now()`, `setTimeout`, and reqwest over `fetch`.
//!
//! Works wherever those globals exist: browsers, web workers and Node 18+.

use super::{BoxFuture, Clock, HttpResponse, HttpTransport, Sleep, TransportError, TransportErrorKind};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wasm_bindgen::prelude::*;

/// JavaScript's wall clock (`Date.now()`); `SystemTime::now()` panics on wasm32.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateClock;

impl Clock for DateClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(js_sys::Date::now() as u64)
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, millis: f64) -> JsValue;
}

/// Sleeps with the global `setTimeout`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeoutSleep;

impl Sleep for TimeoutSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        let millis = duration.as_secs_f64() * 1000.0;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            set_timeout(&resolve, millis);
        });
        Box::pin(async move {
            // A timer promise only ever resolves.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        })
    }
}

/// The clock a client uses unless told otherwise.
pub fn default_clock() -> Arc<dyn Clock> {
    Arc::new(DateClock)
}

/// The sleep a client uses unless told otherwise.
pub fn default_sleep() -> Arc<dyn Sleep> {
    Arc::new(TimeoutSleep)
}

/// An HTTP transport over the platform's `fetch`, through reqwest.
#[derive(Debug, Clone, Default)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// Builds a transport; `fetch` has no separate connect timeout, so the argument is unused
    /// here and the per-attempt timeout bounds the whole exchange.
    pub fn new(_connect_timeout: Duration) -> Result<Self, TransportError> {
        Ok(Self { client: reqwest::Client::new() })
    }
}

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(|e| {
                TransportError::new(TransportErrorKind::Request, format!("could not build the HTTP request: {e}"))
            })?;
            // fetch reports refused connections, CORS rejections and resets alike, so a failure
            // before the response is treated as "may have been sent".
            let response = self
                .client
                .execute(request)
                .await
                .map_err(|e| TransportError::new(TransportErrorKind::Io, format!("fetch failed: {e}")))?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(|e| {
                TransportError::new(TransportErrorKind::Io, format!("could not read the response body: {e}"))
            })?;
            Ok(HttpResponse { status, headers, body: body.to_vec() })
        })
    }
}
