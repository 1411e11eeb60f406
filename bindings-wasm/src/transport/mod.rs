//! A transport the JavaScript side supplies: a function `(request) => Promise<response>`. The
//! Node entry point passes one built on `node:http`, which is several times cheaper per call than
//! Node's `fetch`; browsers (and `transport: "fetch"`) keep the core's `fetch` transport.

mod abort;
mod message;

use crate::js_value::to_js;
use crate::thrown::Thrown;
use abort::AbortOnDrop;
use iot_transfer::runtime::{
    AbandonableAttempt, BoxFuture, HttpResponse, HttpTransport, TransportError, TransportErrorKind,
};
use js_sys::{Function, Promise};
use message::{read_response, RequestMessage};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Node error codes meaning no connection was made, so nothing was sent.
const CONNECT_CODES: &[&str] = &["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"];

/// Sends through `send({ method, url, headers, body, signal?, maxResponseBytes })`, which
/// resolves to `{ status, headers, body }`. The signal fires when the attempt is abandoned (a
/// timeout, a cancelled call): the function must then close the connection.
pub(crate) struct JsTransport {
    send: Function,
}

impl JsTransport {
    /// A transport calling `send` for each request. Only a request the core marks as possibly
    /// abandoned ([`AbandonableAttempt`]: a timeout is set or the call can be cancelled) gets a
    /// `signal`, whose `AbortController` costs about a tenth of a call's time in Node.
    pub(crate) fn new(send: Function) -> Self {
        Self { send }
    }
}

impl HttpTransport for JsTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            // Dropped with this future: an abandoned attempt aborts its request.
            let abandonable = request.extensions().get::<AbandonableAttempt>().is_some();
            let abort = if abandonable { Some(AbortOnDrop::new()?) } else { None };
            let message = to_js(&RequestMessage::new(&request, abort.as_ref().map(AbortOnDrop::signal)));
            let returned = self.send.call1(&JsValue::UNDEFINED, &message).map_err(failure)?;
            let settled = JsFuture::from(Promise::resolve(&returned)).await;
            if let Some(abort) = abort {
                abort.disarm();
            }
            read_response(settled.map_err(failure)?)
        })
    }
}

/// A thrown value as a transport error: a connect failure when its `code` says nothing was sent.
fn failure(thrown: JsValue) -> TransportError {
    let Thrown { code, message } = Thrown::read(&thrown);
    let message = message.unwrap_or_else(|| "the request failed".into());
    match code.filter(|code| !code.is_empty()) {
        Some(code) => {
            let kind = if CONNECT_CODES.contains(&code.as_str()) {
                TransportErrorKind::Connect
            } else {
                TransportErrorKind::Io
            };
            TransportError::new(kind, format!("{message} ({code})"))
        }
        None => TransportError::new(TransportErrorKind::Io, message),
    }
}
