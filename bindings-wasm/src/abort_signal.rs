//! A call's `abortSignal` option, as the JS SDK takes it: the signal's `abort` event cancels the
//! core's call, which stops its retries, drops its attempt in flight and rejects with an
//! `AbortError` saying whether the transfer may have been applied.

use iot_transfer::Cancellation;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

/// A cancellation driven by an `AbortSignal` for the length of one call; the listener is removed
/// when the call ends.
pub(crate) struct SignalCancellation {
    cancellation: Cancellation,
    signal: AbortSignal,
    listener: Closure<dyn FnMut()>,
}

impl SignalCancellation {
    /// Ties `signal` to a new cancellation: `None` when no signal was given (`undefined` or `null`);
    /// an error message when the value is not an `AbortSignal`. A signal already aborted cancels
    /// the call before anything is sent.
    pub(crate) fn new(signal: JsValue) -> Result<Option<Self>, String> {
        if signal.is_undefined() || signal.is_null() {
            return Ok(None);
        }
        let signal: AbortSignal = signal.dyn_into().map_err(|_| "abortSignal must be an AbortSignal".to_owned())?;
        let cancellation = Cancellation::new();
        if signal.aborted() {
            cancellation.cancel();
        }
        let on_abort = cancellation.clone();
        let listener = Closure::<dyn FnMut()>::new(move || on_abort.cancel());
        // Adding a listener to a live AbortSignal does not throw.
        let _ = signal.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        Ok(Some(Self { cancellation, signal, listener }))
    }

    /// The cancellation to give the call.
    pub(crate) fn cancellation(&self) -> &Cancellation {
        &self.cancellation
    }
}

impl Drop for SignalCancellation {
    fn drop(&mut self) {
        let _ = self.signal.remove_event_listener_with_callback("abort", self.listener.as_ref().unchecked_ref());
    }
}
