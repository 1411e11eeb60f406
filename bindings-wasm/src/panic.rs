//! Panics, which abort the WebAssembly module (`panic = "abort"`): a hook reports the panic's
//! message to the JavaScript layer before the module stops, so that every pending call rejects
//! with a readable `InternalError` and later calls say the module cannot be used any more.

use js_sys::Function;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The JavaScript function told about a panic.
    static LISTENER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Registers `listener(message)`, called with a panic's message before the module aborts.
#[wasm_bindgen(js_name = setPanicListener)]
pub fn set_panic_listener(listener: Function) {
    LISTENER.with(|slot| *slot.borrow_mut() = Some(listener));
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LISTENER.with(|slot| {
            if let Ok(slot) = slot.try_borrow() {
                if let Some(listener) = slot.as_ref() {
                    let _ = listener.call1(&JsValue::UNDEFINED, &JsValue::from_str(&message));
                }
            }
        });
    }));
}

/// Panics inside a future, as a bug in the core would: for the tests of the panic boundary only.
#[wasm_bindgen(js_name = panicForTests)]
pub async fn panic_for_tests() -> Result<(), JsValue> {
    panic!("a panic requested by a test of the panic boundary")
}
