// The browser and bundler entry point: loads the operations' wasm with fetch on first use, and the
// batches' module (browser-batches.js, its own wasm) when the first batch starts.

import init, { NativeClient, panicForTests, setPanicListener } from "./web/iot_transfer_wasm.js";
import { reportPanic } from "./panic.js";
import { setBatchesLoader, setNativeLoader } from "./runtime.js";

let ready;

/**
 * Loads the wasm module now instead of on the first call; pass a URL, Response or module to load
 * it from somewhere other than next to this file.
 */
export function initialize(moduleOrPath) {
  // After a panic the browser reports the module's abort as an uncaught error in the console;
  // the calls themselves reject with an InternalError.
  ready ??= init(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(() => {
    setPanicListener(reportPanic);
    return { NativeClient, panicForTests };
  });
  return ready;
}

let batchesReady;

/**
 * Loads the batches' module now instead of when the first batch starts: the core with the batches
 * (`handover`, `acceptTransfers`, `rejectTransfers`), which a page calling only the operations never
 * downloads (docs/size.md says what it weighs). Called before the first client's
 * first call, it serves the operations too, and the operations' module is never downloaded: one
 * module for a page that runs batches. Pass a URL, Response or module to load
 * `iot_transfer_batches_bg.wasm` from somewhere other than next to this file.
 */
export function initializeBatches(moduleOrPath) {
  batchesReady ??= import("./browser-batches.js").then((batches) => batches.initialize(moduleOrPath, reportPanic));
  return batchesReady;
}

// The operations run on the batches' module once it is loading, else on their own.
setNativeLoader(() => batchesReady ?? initialize());
setBatchesLoader(() => initializeBatches());

export * from "./client.js";
export * from "./enums.js";
export * from "./errors.js";
export * from "./local-errors.js";
export * from "./operations.js";
export * from "./service-errors.js";
