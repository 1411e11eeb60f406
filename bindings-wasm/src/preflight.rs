//! The preflight and the prepared transfer: the core's `check_transfer` and
//! `prepare_and_transfer`, their results as plain objects.

use crate::error;
use crate::shapes::{self, FromJs, Js};
use crate::NativeClient;
use iot_transfer::{Client, PrepareOptions, TransferCertificateInput};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl NativeClient {
    /// What would make a transfer of `certificateId` to `targetAccount` fail, without changing
    /// anything: `{ certificate?, blockers: [{ type, ... }] }`.
    #[wasm_bindgen(js_name = checkTransfer)]
    pub async fn check_transfer(&self, certificate_id: JsValue, target_account: JsValue) -> Result<JsValue, JsValue> {
        let input = TransferCertificateInput::from_js(&pair(certificate_id, target_account))
            .map_err(|e| error::to_js(e.into()))?;
        let check = self.client.check_transfer(input.certificate_id, input.target_aws_account).await;
        check.map(|check: iot_transfer::TransferCheck| shapes::to_js(&check)).map_err(error::to_js)
    }

    /// Checks, then with `options` (`{ deactivate?, detachPolicies? }`) clears what it may and
    /// transfers: `{ check, remainingBlockers, steps, transfer?, hint?, error?, leftState }`, the
    /// error a failed step's, described for the JavaScript layer's error classes.
    #[wasm_bindgen(js_name = prepareAndTransfer)]
    pub async fn prepare_and_transfer(&self, input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let input = TransferCertificateInput::from_js(&input).map_err(|e| error::to_js(e.into()))?;
        let options = PrepareOptions::from_js(&options).map_err(|e| error::to_js(e.into()))?;
        let report = prepare(&self.client, input, options).await.map_err(error::to_js)?;
        Ok(report)
    }
}

/// `{ certificateId, targetAwsAccount }`, read like a transfer's input.
fn pair(certificate_id: JsValue, target_account: JsValue) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"certificateId".into(), &certificate_id);
    let _ = js_sys::Reflect::set(&object, &"targetAwsAccount".into(), &target_account);
    object.into()
}

/// The report as JavaScript.
async fn prepare(
    client: &Client,
    input: TransferCertificateInput,
    options: PrepareOptions,
) -> Result<JsValue, iot_transfer::Error> {
    let mut report = client.prepare_and_transfer(input, options).await?;
    let hint = report.error.as_ref().and_then(|error| error.hint()).map(str::to_owned);
    // The failed step's error, described like any other for the JavaScript layer's error classes.
    let error = report.error.take().map_or(JsValue::UNDEFINED, error::to_js);
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Report<'a> {
        check: Js<'a, iot_transfer::TransferCheck>,
        remaining_blockers: Vec<Js<'a, iot_transfer::TransferBlocker>>,
        steps: Js<'a, Vec<iot_transfer::PrepareStep>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        transfer: Option<Js<'a, iot_transfer::TransferCertificateOutput>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        hint: Option<String>,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        error: JsValue,
        left_state: String,
    }
    Ok(crate::js_value::to_js(&Report {
        check: Js(&report.check),
        remaining_blockers: report.remaining_blockers(options).into_iter().map(Js).collect(),
        steps: Js(&report.steps),
        transfer: report.transfer.as_ref().map(Js),
        hint,
        error,
        left_state: report.left_state(),
    }))
}
