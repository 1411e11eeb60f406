// The Node entry point, bundled into index.cjs: the wasm is compiled synchronously at load. Node
// loads one module, built with the batches, for everything (a browser loads two: browser.js).

import { NativeClient, panicForTests, setPanicListener } from "./node/iot_transfer_wasm.js";
import { defaultCredentials } from "./node-credentials.js";
import { nodeHttpTransport } from "./node-http.js";
import { fileJournal } from "./node-journal.js";
import { onPanic, reportPanic } from "./panic.js";
import { setDefaultCredentials, setDefaultTransport, setEnvironment, setJournalFiles, setNativeLoader } from "./runtime.js";

const native = { NativeClient, panicForTests };
setNativeLoader(() => native);
setDefaultTransport(nodeHttpTransport);
// As in the JS SDK in Node: AWS_REGION, AWS_ENDPOINT_URL_IOT, AWS_ACCESS_KEY_ID, ... fill what
// the configuration leaves out, then the JS SDK's default credential chain, when installed.
setEnvironment(() => process.env);
setDefaultCredentials(defaultCredentials);
setJournalFiles(fileJournal);
setPanicListener(reportPanic);

// The module aborts right after its panic hook, throwing a WebAssembly.RuntimeError out of the
// microtask that was running it: absorb that one error, which would otherwise end the process.
// Every call it concerned has already been rejected with an InternalError.
onPanic(() => {
  const absorb = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
  };
  process.prependOnceListener("uncaughtException", absorb);
  setImmediate(() => process.removeListener("uncaughtException", absorb));
});

/** Nothing to load in Node (the wasm is compiled when the package is loaded); kept for parity. */
export function initialize() {
  return Promise.resolve(native);
}

/** Nothing to load in Node (one module carries the operations and the batches); kept for parity. */
export function initializeBatches() {
  return Promise.resolve(native);
}

export * from "./client.js";
export { fileJournal } from "./node-journal.js";
export * from "./enums.js";
export * from "./errors.js";
export * from "./local-errors.js";
export * from "./operations.js";
export * from "./service-errors.js";
