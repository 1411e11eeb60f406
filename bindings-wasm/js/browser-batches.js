// The batches' module for browsers: the core built with the batches (`handover`,
// `acceptTransfers`, `rejectTransfers`), which browser.js imports when the first batch starts or
// `initializeBatches()` is called. Bundled on its own (browser-batches.js beside browser.js), so a
// page that calls only the operations never downloads it.

import init, { NativeClient, panicForTests, setPanicListener } from "./web-batches/iot_transfer_wasm.js";

let ready;

/**
 * Loads the module (from `moduleOrPath`, or iot_transfer_batches_bg.wasm next to this file) once;
 * `onPanic` is the package's panic report, shared with the operations' module.
 */
export function initialize(moduleOrPath, onPanic) {
  ready ??= init(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(() => {
    setPanicListener(onPanic);
    return { NativeClient, panicForTests };
  });
  return ready;
}
