//! A batch (`handover`, `accept_transfers`, `reject_transfers`) for the JavaScript layer, which
//! makes it an async iterator of events: `next` hands out each certificate's event as it
//! finishes, `stop` starts nothing new. The journal is the caller's store, since a page has no
//! files: an object with `readLines()` (the lines kept so far) and `appendLine(line)`, either of
//! which may return a promise; Node's `fileJournal(path)` is one.

use crate::error;
use crate::shapes;
use iot_transfer::runtime::BoxFuture;
use iot_transfer::{Batch, Cancellation, JournalStore};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The events of one batch.
#[wasm_bindgen]
pub struct NativeBatch {
    batch: RefCell<Option<Batch>>,
    stopper: Cancellation,
}

impl NativeBatch {
    /// The JavaScript handle of `batch`.
    pub(crate) fn new(batch: Batch) -> Self {
        let stopper = batch.stopper();
        Self { batch: RefCell::new(Some(batch)), stopper }
    }
}

#[wasm_bindgen]
impl NativeBatch {
    /// The next certificate's event, or `undefined` after the last; a problem that stops the whole
    /// batch rejects, and ends it.
    pub async fn next(&self) -> Result<JsValue, JsValue> {
        let Some(mut batch) = self.batch.borrow_mut().take() else {
            return Err(error::option_error("the batch is already waiting for an event: await it first"));
        };
        let event = batch.next_event().await;
        self.batch.replace(Some(batch));
        match event {
            None => Ok(JsValue::UNDEFINED),
            Some(Ok(event)) => Ok(shapes::to_js(&event)),
            Some(Err(failure)) => Err(error::to_js(failure)),
        }
    }

    /// Stops the batch: no new certificate is started; those in flight finish, each with its event.
    pub fn stop(&self) {
        self.stopper.cancel();
    }
}

/// A journal kept by a JavaScript object.
pub(crate) struct JsJournal {
    store: JsValue,
}

impl JsJournal {
    /// The journal `store` keeps; `None` for `undefined` or `null`, an error for an object without
    /// the two methods.
    pub(crate) fn new(store: JsValue) -> Result<Option<Self>, JsValue> {
        if store.is_undefined() || store.is_null() {
            return Ok(None);
        }
        for method in ["readLines", "appendLine"] {
            if !js_sys::Reflect::get(&store, &method.into()).is_ok_and(|value| value.is_function()) {
                let message =
                    "journal must be a file path (in Node) or an object with readLines() and appendLine(line)";
                return Err(error::option_error(message));
            }
        }
        Ok(Some(Self { store }))
    }

    /// Calls `method` with `args` and awaits its result when it is a promise.
    async fn call(&self, method: &str, args: &js_sys::Array) -> Result<JsValue, String> {
        let function: js_sys::Function =
            js_sys::Reflect::get(&self.store, &method.into()).map_err(describe)?.unchecked_into();
        let result = function.apply(&self.store, args).map_err(describe)?;
        match result.dyn_into::<js_sys::Promise>() {
            Ok(promise) => JsFuture::from(promise).await.map_err(describe),
            Err(value) => Ok(value),
        }
    }
}

impl JournalStore for JsJournal {
    fn read_lines(&self) -> BoxFuture<'_, Result<Vec<String>, String>> {
        Box::pin(async move {
            let lines = self.call("readLines", &js_sys::Array::new()).await?;
            if lines.is_undefined() || lines.is_null() {
                return Ok(Vec::new());
            }
            if !js_sys::Array::is_array(&lines) {
                return Err("readLines() must return an array of strings".into());
            }
            js_sys::Array::from(&lines)
                .iter()
                .map(|line| line.as_string().ok_or_else(|| "readLines() must return an array of strings".to_owned()))
                .collect()
        })
    }

    fn append_line(&self, line: String) -> BoxFuture<'_, Result<(), String>> {
        Box::pin(async move { self.call("appendLine", &js_sys::Array::of1(&line.into())).await.map(drop) })
    }
}

/// What a store threw, as text.
fn describe(thrown: JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "the journal store failed".to_owned())
}
