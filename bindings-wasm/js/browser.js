// The browser and bundler entry point: loads the wasm with fetch on first use.

import init, { NativeClient, panicForTests, setPanicListener } from "./web/iot_transfer_wasm.js";
import { reportPanic } from "./panic.js";
import { setNativeLoader } from "./runtime.js";

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

setNativeLoader(() => initialize());

export * from "./client.js";
export * from "./enums.js";
export * from "./errors.js";
export * from "./local-errors.js";
export * from "./operations.js";
export * from "./service-errors.js";
