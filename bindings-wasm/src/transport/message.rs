//! The messages exchanged with a JavaScript transport function: the request it is asked to send
//! and the response it resolves to.

use crate::js_value::{read_object, MemberError};
use iot_transfer::protocol::{MAX_RESPONSE_BODY, RESPONSE_HEADERS};
use iot_transfer::runtime::{HttpResponse, TransportError, TransportErrorKind};
use js_sys::{Array, ArrayBuffer, Uint8Array};
use serde::de::{Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

/// `{ method, url, headers, body: Uint8Array, signal?: AbortSignal, maxResponseBytes }`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RequestMessage<'a> {
    method: &'a str,
    url: String,
    headers: RequestHeaders<'a>,
    #[serde(serialize_with = "as_bytes")]
    body: &'a [u8],
    /// Present when the attempt can be abandoned (a timeout is set).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_signal")]
    signal: Option<AbortSignal>,
    /// A transport may stop reading once the body is longer: the client refuses it anyway.
    max_response_bytes: u32,
}

impl<'a> RequestMessage<'a> {
    /// The message for `request`, cancelled through `signal` when there is one.
    pub(super) fn new(request: &'a http::Request<Vec<u8>>, signal: Option<AbortSignal>) -> Self {
        Self {
            method: request.method().as_str(),
            url: request.uri().to_string(),
            headers: RequestHeaders(request.headers()),
            body: request.body(),
            signal,
            max_response_bytes: MAX_RESPONSE_BODY as u32,
        }
    }
}

/// The request headers as one `{ name: value }` object.
struct RequestHeaders<'a>(&'a http::HeaderMap);

impl Serialize for RequestHeaders<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer
            .collect_map(self.0.iter().map(|(name, value)| (name.as_str(), String::from_utf8_lossy(value.as_bytes()))))
    }
}

/// The signal as the `AbortSignal` itself.
fn optional_signal<S: Serializer>(signal: &Option<AbortSignal>, serializer: S) -> Result<S::Ok, S::Error> {
    match signal {
        Some(signal) => serde_wasm_bindgen::preserve::serialize(signal, serializer),
        None => serializer.serialize_none(),
    }
}

/// The body as a `Uint8Array`.
fn as_bytes<S: Serializer>(body: &&[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(body)
}

/// `{ status, headers?, body? }`, as the transport function resolves it.
#[derive(Deserialize)]
struct ResponseMessage {
    status: Option<Status>,
    /// `{ name: string | string[] | undefined }`, read by [`ResponseHeaders`].
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    headers: JsValue,
    /// A `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    body: JsValue,
}

/// Reads what the transport function resolved to. A malformed response is an I/O failure of the
/// transport (the request may have been sent); a body over the limit is refused before it is
/// copied into the module's memory.
pub(super) fn read_response(value: JsValue) -> Result<HttpResponse, TransportError> {
    let unusable = |error: MemberError| {
        TransportError::new(TransportErrorKind::Io, format!("the transport function's answer is unusable: {error}"))
    };
    let message: ResponseMessage = read_object(value, "response").map_err(unusable)?;
    let status =
        message.status.ok_or_else(|| MemberError::new("response.status", STATUS_EXPECTED)).map_err(unusable)?.0;
    let headers = if message.headers.is_undefined() || message.headers.is_null() {
        http::HeaderMap::new()
    } else {
        read_object::<ResponseHeaders>(message.headers, "response.headers").map_err(unusable)?.0
    };
    let body = body_bytes(message.body, status)?;
    Ok(HttpResponse { status, headers, body })
}

/// The body's bytes, refused when longer than [`MAX_RESPONSE_BODY`] (`status` is for the message).
fn body_bytes(body: JsValue, status: u16) -> Result<Vec<u8>, TransportError> {
    if body.is_undefined() || body.is_null() {
        return Ok(Vec::new());
    }
    let bytes = match body.dyn_into::<Uint8Array>() {
        Ok(bytes) => bytes,
        Err(other) => match other.dyn_into::<ArrayBuffer>() {
            Ok(buffer) => Uint8Array::new(&buffer),
            Err(_) => {
                let error = MemberError::new("response.body", "must be a Uint8Array");
                let message = format!("the transport function's answer is unusable: {error}");
                return Err(TransportError::new(TransportErrorKind::Io, message));
            }
        },
    };
    // Refused before it is copied into the module's memory (the core would refuse it after).
    if bytes.length() as usize > MAX_RESPONSE_BODY {
        return Err(TransportError::body_too_large(status));
    }
    Ok(bytes.to_vec())
}

/// What `status` must be.
const STATUS_EXPECTED: &str = "must be a whole number from 100 to 999";

/// An HTTP status code.
struct Status(u16);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
        let status = value.as_f64().filter(|n| n.fract() == 0.0 && (100.0..=999.0).contains(n));
        status.map(|n| Status(n as u16)).ok_or_else(|| D::Error::custom(STATUS_EXPECTED))
    }
}

/// The response headers the client reads ([`RESPONSE_HEADERS`], by their lower-case names);
/// the others are not looked at.
struct ResponseHeaders(http::HeaderMap);

/// [`RESPONSE_HEADERS`], kept for the life of the program so that their names can be borrowed.
fn read_headers() -> &'static [http::HeaderName] {
    static HEADERS: OnceLock<Vec<http::HeaderName>> = OnceLock::new();
    HEADERS.get_or_init(|| RESPONSE_HEADERS.to_vec())
}

/// The names of [`read_headers`], read as the members of a struct: only they are looked up.
fn read_header_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| read_headers().iter().map(http::HeaderName::as_str).collect())
}

impl<'de> Deserialize<'de> for ResponseHeaders {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("ResponseHeaders", read_header_names(), HeadersVisitor)
    }
}

/// Collects the values of the headers the client reads.
struct HeadersVisitor;

impl<'de> Visitor<'de> for HeadersVisitor {
    type Value = ResponseHeaders;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of header names and values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut headers = http::HeaderMap::new();
        while let Some(name) = map.next_key::<String>()? {
            match read_headers().iter().find(|header| header.as_str() == name) {
                Some(header) => {
                    for value in map.next_value::<HeaderValues>()?.0 {
                        headers.append(header.clone(), value);
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(ResponseHeaders(headers))
    }
}

/// One header's values: a string, an array of strings (as Node gives repeated headers), or not
/// set. Values HTTP cannot carry (control characters) are dropped.
struct HeaderValues(Vec<http::HeaderValue>);

impl<'de> Deserialize<'de> for HeaderValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
        let texts = if value.is_undefined() || value.is_null() {
            Some(Vec::new())
        } else if let Some(text) = value.as_string() {
            Some(vec![text])
        } else if let Some(array) = value.dyn_ref::<Array>() {
            array.iter().map(|item| item.as_string()).collect()
        } else {
            None
        };
        let texts = texts.ok_or_else(|| D::Error::custom("must be a string or an array of strings"))?;
        Ok(HeaderValues(texts.into_iter().filter_map(|text| http::HeaderValue::try_from(text).ok()).collect()))
    }
}
