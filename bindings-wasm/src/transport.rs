//! A transport the JavaScript side supplies: a function `(request) => Promise<response>`. The
//! Node entry point passes one built on `node:http`, which is several times cheaper per call than
//! Node's `fetch`; browsers keep the core's `fetch` transport.

use iot_transfer::protocol::RESPONSE_HEADERS;
use iot_transfer::runtime::{BoxFuture, HttpResponse, HttpTransport, TransportError, TransportErrorKind};
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Node error codes meaning no connection was made, so nothing was sent.
const CONNECT_CODES: &[&str] = &["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"];

/// Sends through `send({ method, url, headers, body })`, which resolves to
/// `{ status, headers, body }` (headers lower-cased, body a `Uint8Array`).
pub(crate) struct JsTransport {
    send: Function,
}

impl JsTransport {
    pub(crate) fn new(send: Function) -> Self {
        Self { send }
    }
}

impl fmt::Debug for JsTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsTransport")
    }
}

impl HttpTransport for JsTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let headers = Object::new();
            for (name, value) in request.headers() {
                set(&headers, name.as_str(), value.to_str().unwrap_or_default().into());
            }
            let message = Object::new();
            set(&message, "method", request.method().as_str().into());
            set(&message, "url", request.uri().to_string().into());
            set(&message, "headers", headers.into());
            set(&message, "body", Uint8Array::from(request.body().as_slice()).into());
            let returned = self.send.call1(&JsValue::UNDEFINED, &message).map_err(failure)?;
            let response = JsFuture::from(Promise::resolve(&returned)).await.map_err(failure)?;
            let status = Reflect::get(&response, &"status".into()).ok().and_then(|s| s.as_f64()).unwrap_or(0.0) as u16;
            let response_headers = Reflect::get(&response, &"headers".into()).unwrap_or(JsValue::UNDEFINED);
            let mut map = http::HeaderMap::new();
            for name in RESPONSE_HEADERS {
                let value = Reflect::get(&response_headers, &name.as_str().into()).ok().and_then(|v| v.as_string());
                if let Some(value) = value.and_then(|v| http::HeaderValue::try_from(v).ok()) {
                    map.insert(name, value);
                }
            }
            let body = Reflect::get(&response, &"body".into())
                .ok()
                .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                .map(|b| b.to_vec())
                .unwrap_or_default();
            Ok(HttpResponse { status, headers: map, body })
        })
    }
}

/// A thrown value as a transport error: a connect failure when its `code` says nothing was sent.
fn failure(thrown: JsValue) -> TransportError {
    let text = |name: &str| Reflect::get(&thrown, &name.into()).ok().and_then(|v| v.as_string());
    let code = text("code").unwrap_or_default();
    let message = text("message").or_else(|| thrown.as_string()).unwrap_or_else(|| "the request failed".into());
    let kind =
        if CONNECT_CODES.contains(&code.as_str()) { TransportErrorKind::Connect } else { TransportErrorKind::Io };
    TransportError::new(kind, if code.is_empty() { message } else { format!("{message} ({code})") })
}

fn set(object: &Object, name: &str, value: JsValue) {
    // Defining a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &name.into(), &value);
}
