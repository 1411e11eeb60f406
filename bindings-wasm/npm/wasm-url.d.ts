// Types of `iot-transfer/iot_transfer_wasm_bg.wasm`, the browser build's WebAssembly module.

/**
 * The module's URL, as a bundler's file loader gives it for an imported file (esbuild's
 * `--loader:.wasm=file`); pass it to `initialize` before the first call. Bundlers that handle
 * `new URL(..., import.meta.url)` (Vite, webpack 5) need no such import.
 */
declare const wasmUrl: string;
export default wasmUrl;
