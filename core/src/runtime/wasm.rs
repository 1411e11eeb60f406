//! WebAssembly runtime: JavaScript's `Date.now()`, `setTimeout`, and the platform's `fetch`.
//!
//! Works wherever those globals exist: browsers, web workers and Node 18+. `fetch` is called
//! directly rather than through an HTTP client crate: a browser pays for every byte of the
//! module, and URL parsing, redirects and connection pools are the platform's job here.

use super::{BoxFuture, Clock, HttpResponse, HttpTransport, Sleep, TransportError, TransportErrorKind};
use crate::protocol::RESPONSE_HEADERS;
use js_sys::{Promise, Uint8Array};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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

    #[wasm_bindgen(js_name = fetch)]
    fn fetch_request(request: &web_sys::Request) -> Promise;
}

/// Sleeps with the global `setTimeout`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeoutSleep;

impl Sleep for TimeoutSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        let millis = duration.as_secs_f64() * 1000.0;
        let promise = Promise::new(&mut |resolve, _reject| {
            set_timeout(&resolve, millis);
        });
        Box::pin(async move {
            // A timer promise only ever resolves.
            let _ = JsFuture::from(promise).await;
        })
    }
}

/// A uniformly random number in `[0, 1)`, for backoff jitter (`Math.random()`).
pub fn random_unit() -> f64 {
    js_sys::Math::random()
}

/// The clock a client uses unless told otherwise.
pub fn default_clock() -> Arc<dyn Clock> {
    Arc::new(DateClock)
}

/// The sleep a client uses unless told otherwise.
pub fn default_sleep() -> Arc<dyn Sleep> {
    Arc::new(TimeoutSleep)
}

/// An HTTP transport over the global `fetch`.
#[derive(Debug, Clone, Default)]
pub struct FetchTransport;

impl FetchTransport {
    /// Builds a transport; `fetch` has no separate connect timeout, so the argument is unused
    /// here and the per-attempt timeout bounds the whole exchange.
    pub fn new(_connect_timeout: Duration) -> Result<Self, TransportError> {
        Ok(Self)
    }
}

impl HttpTransport for FetchTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let request = to_fetch_request(&request).map_err(|e| {
                TransportError::new(
                    TransportErrorKind::Request,
                    format!("could not build the fetch request: {}", describe(&e)),
                )
            })?;
            // fetch rejects alike for refused connections, CORS refusals and resets, so a failure
            // before the response is treated as "may have been sent".
            let response: web_sys::Response = JsFuture::from(fetch_request(&request))
                .await
                .and_then(|value| value.dyn_into())
                .map_err(|e| TransportError::new(TransportErrorKind::Io, format!("fetch failed: {}", describe(&e))))?;
            let status = response.status();
            let headers = from_fetch_headers(&response.headers());
            let body = read_body(&response).await.map_err(|e| {
                TransportError::new(
                    TransportErrorKind::Io,
                    format!("could not read the response body: {}", describe(&e)),
                )
            })?;
            Ok(HttpResponse { status, headers, body })
        })
    }
}

fn to_fetch_request(request: &http::Request<Vec<u8>>) -> Result<web_sys::Request, JsValue> {
    let headers = web_sys::Headers::new()?;
    for (name, value) in request.headers() {
        headers.append(name.as_str(), value.to_str().unwrap_or_default())?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method(request.method().as_str());
    init.set_headers(&headers);
    if !request.body().is_empty() {
        init.set_body(&Uint8Array::from(request.body().as_slice()));
    }
    web_sys::Request::new_with_str_and_init(&request.uri().to_string(), &init)
}

/// Copies the response headers the client reads ([`RESPONSE_HEADERS`]); parsing arbitrary header
/// names would pull the `http` crate's name tables into the module.
fn from_fetch_headers(headers: &web_sys::Headers) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for name in RESPONSE_HEADERS {
        if let Some(value) = headers.get(name.as_str()).ok().flatten() {
            if let Ok(value) = http::HeaderValue::try_from(value) {
                map.insert(name, value);
            }
        }
    }
    map
}

async fn read_body(response: &web_sys::Response) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A thrown JavaScript value's message, or its string form.
fn describe(thrown: &JsValue) -> String {
    js_sys::Reflect::get(thrown, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
