// esbuild leaves `new URL("x.wasm", import.meta.url)` as it is (it does not treat it as an asset),
// so the package's wasm would be looked for next to the bundle. Importing the wasm through
// esbuild's file loader (--loader:.wasm=file) makes esbuild emit it and give its URL, which the
// console hands to the package before its first call. This console runs a batch, so it loads the
// batches' module, which then serves the operations too: one module, and the operations' own
// (`iot-transfer/iot_transfer_wasm_bg.wasm`, for `initialize()`) is never fetched.
import batchesUrl from "iot-transfer/iot_transfer_batches_bg.wasm";
import { initializeBatches } from "iot-transfer";

initializeBatches(batchesUrl);
// Imported after initialize() has been given the URL, so no call can load the wasm from elsewhere first.
import("./main.js");
