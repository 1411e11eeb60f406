//! The smallest TransferCertificate client the design's packages make, for `make bench`'s size
//! floor: the request built with `http`, signed by aws-sigv4's HTTP signer, sent by reqwest's
//! fetch backend, the response read by serde_json and handed to JavaScript by
//! serde-wasm-bindgen. No validation, endpoint rules, retries, clock offset, timeouts or error
//! kinds: everything the npm package adds on top of these packages is left out, so that its size
//! is what the packages themselves cost. `make bench` calls it once against its peer before
//! counting its bytes (bench/sizes.mjs), so the floor is a client that works.

#![cfg(target_arch = "wasm32")]

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime};
use wasm_bindgen::prelude::*;

/// The operation's request body.
#[derive(Serialize)]
struct TransferBody<'a> {
    #[serde(rename = "transferMessage", skip_serializing_if = "Option::is_none")]
    transfer_message: Option<&'a str>,
}

/// The operation's output.
#[derive(Serialize, Deserialize)]
struct TransferOutput {
    #[serde(rename = "transferredCertificateArn")]
    transferred_certificate_arn: String,
}

/// The service's error body.
#[derive(Deserialize)]
struct ServiceError {
    message: Option<String>,
}

/// Transfers `certificate_id` to `target_account` through the endpoint `endpoint` (a URL with no
/// path) in `region`, signed with the long-term keys given; resolves to
/// `{ transferredCertificateArn }`, rejects with the service's message or the failure's text.
#[wasm_bindgen(js_name = transferCertificate)]
pub async fn transfer_certificate(
    endpoint: String,
    region: String,
    access_key_id: String,
    secret_access_key: String,
    certificate_id: String,
    target_account: String,
) -> Result<JsValue, JsValue> {
    let body = serde_json::to_vec(&TransferBody { transfer_message: None }).map_err(text)?;
    let url = format!("{endpoint}/transfer-certificate/{certificate_id}?targetAwsAccount={target_account}");
    let mut request = http::Request::builder()
        .method(http::Method::PATCH)
        .uri(&url)
        .header("content-type", "application/json")
        .body(body)
        .map_err(text)?;
    let host = request.uri().authority().map(|a| a.to_string()).unwrap_or_default();
    request.headers_mut().insert("host", host.parse().map_err(text)?);

    let identity: Identity = Credentials::new(access_key_id, secret_access_key, None, None, "floor").into();
    let now = SystemTime::UNIX_EPOCH + Duration::from_millis(js_sys::Date::now() as u64);
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&region)
        .name("iot")
        .time(now)
        .settings(SigningSettings::default())
        .build()
        .map_err(text)?
        .into();
    let headers: Vec<(&str, &str)> =
        request.headers().iter().map(|(name, value)| (name.as_str(), value.to_str().unwrap_or(""))).collect();
    let signable =
        SignableRequest::new("PATCH", &url, headers.into_iter(), SignableBody::Bytes(request.body())).map_err(text)?;
    let (instructions, _) = sign(signable, &params).map_err(text)?.into_parts();
    instructions.apply_to_request_http1x(&mut request);

    let (parts, body) = request.into_parts();
    let mut headers = parts.headers;
    headers.remove("host");
    let response =
        reqwest::Client::new().request(parts.method, &url).headers(headers).body(body).send().await.map_err(text)?;
    let status = response.status();
    let bytes = response.bytes().await.map_err(text)?;
    if !status.is_success() {
        let message = serde_json::from_slice::<ServiceError>(&bytes).ok().and_then(|e| e.message);
        return Err(JsValue::from_str(&message.unwrap_or_else(|| format!("HTTP {status}"))));
    }
    let output: TransferOutput = serde_json::from_slice(&bytes).map_err(text)?;
    serde_wasm_bindgen::to_value(&output).map_err(JsValue::from)
}

/// A failure's text, for JavaScript.
fn text(error: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&error.to_string())
}
