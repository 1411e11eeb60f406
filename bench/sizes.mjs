// `make bench`'s sizes: what a browser downloads from the npm package (scripts/test/wasm-size.sh)
// against the official JS SDK's minified bundle of the same calls (js/sdk-bundle.mjs), the
// batches' module it downloads when the first batch starts, and the
// stripped release size of the minimal Rust programs (bench/rust: min_ours, min_official) when
// they are built (min_official not when BENCH_RUST_OFFICIAL=0), and the floor of the browser
// download, the design's packages alone making one signed call (scripts/build/wasm-floor.sh), when
// BENCH_WASM_FLOOR names its folder. Prints one JSON object, sizes in bytes.
// Usage: node bench/sizes.mjs [RUST_RELEASE_DIR]

import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const release = process.argv[2];

/** The "total" row of wasm-size.sh (of the npm package, or of `args`' files): raw, gzip and brotli bytes. */
function browserDownload(args = []) {
  const table = execFileSync(path.join(root, "scripts", "test", "wasm-size.sh"), args, { encoding: "utf8" });
  const [raw, gzip, brotli] = table.split("\n").find((line) => line.startsWith("total")).trim().split(/\s+/).slice(1).map(Number);
  return { raw, gzip, brotli };
}

/** A built program's size, or null when it is not there. */
const programSize = (name) => {
  const file = release && path.join(release, name);
  return file && existsSync(file) ? statSync(file).size : null;
};

const sdkBundle = JSON.parse(execFileSync(process.execPath, [path.join(here, "js", "sdk-bundle.mjs")], { encoding: "utf8" }));
console.log(JSON.stringify({
  browser: {
    ours: browserDownload(),
    // The batches' module, which a browser downloads when the first batch starts.
    oursBatches: browserDownload(["--files", path.join(root, "bindings-wasm", "pkg"), "iot_transfer_batches_bg.wasm", "browser-batches.js"]),
    official: sdkBundle,
    floor: process.env.BENCH_WASM_FLOOR ? browserDownload(["--files", process.env.BENCH_WASM_FLOOR, "iot_transfer_wasm_floor_bg.wasm", "floor.js"]) : null,
  },
  // A min_official left from an earlier build is not this run's when aws-sdk-iot was left out.
  rustMinimal: { ours: programSize("min_ours"), official: process.env.BENCH_RUST_OFFICIAL === "0" ? null : programSize("min_official") },
}, null, 1));
