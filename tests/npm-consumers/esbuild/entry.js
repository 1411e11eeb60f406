// esbuild leaves `new URL("x.wasm", import.meta.url)` as it is (it does not treat it as an asset),
// so the package's wasm would be looked for next to the bundle. Importing the wasm through
// esbuild's file loader (--loader:.wasm=file) makes esbuild emit it and give its URL, which the
// console hands to initialize() before its first call.
import wasmUrl from "iot-transfer/iot_transfer_wasm_bg.wasm";
import { initialize } from "iot-transfer";

initialize(wasmUrl);
// Imported after initialize() has been given the URL, so no call can load the wasm from elsewhere first.
import("./main.js");
