// The Node entry point, bundled into index.cjs: the wasm is compiled synchronously at load.

import { NativeClient } from "./node/iot_transfer_wasm.js";
import { nodeHttpTransport } from "./node-http.js";
import { setDefaultTransport, setNativeLoader } from "./runtime.js";

setNativeLoader(() => ({ NativeClient }));
setDefaultTransport(nodeHttpTransport);

/** Nothing to load in Node (the wasm is compiled when the package is loaded); kept for parity. */
export function initialize() {
  return Promise.resolve({ NativeClient });
}

export * from "./client.js";
export * from "./errors.js";
