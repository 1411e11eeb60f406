// The esbuild recipe (see the package README): the wasm's URL imported through esbuild's file
// loader and handed to initialize(). Its subpath must resolve, with a type, under "bundler".

import wasmUrl from "iot-transfer/iot_transfer_wasm_bg.wasm";
import { initialize } from "iot-transfer";

const url: string = wasmUrl;
export const ready: Promise<unknown> = initialize(url);

// A module compiled by the page itself is accepted too (the DOM's WebAssembly.Module).
export const compiled: Promise<unknown> = WebAssembly.compileStreaming(fetch(url)).then((module) => initialize(module));
