#!/usr/bin/env bash
# `make bench`'s floor of the browser download: bench/wasm-floor (the design's packages making
# one signed call, nothing of this project's own) built exactly as the npm package's module is
# (scripts/lib/env.sh: wasm_release_build, wasm_opt_args), its wasm-bindgen web glue bundled by
# esbuild as browser.js is (browser_bundle_args), into target/wasm-floor/ (floor.js and iot_transfer_wasm_floor_bg.wasm,
# what a browser would fetch). Then it proves the floor is a client that works: one signed
# TransferCertificate against the local IoT endpoint, which checks the signature
# (bench/js/wasm-floor-call.mjs). Prints the folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$(dirname "$0")/../lib/env.sh"
bin="$root/bindings-wasm/node_modules/.bin"
out="${CARGO_TARGET_DIR:-$root/target}/wasm-floor"

wasm_release_build iot-transfer-wasm-floor >&2
rm -rf "$out" && mkdir -p "$out/stage"
wasm-bindgen "$(wasm_release_dir)/iot_transfer_wasm_floor.wasm" --target web --out-dir "$out/stage" --no-typescript
mapfile -t opt_flags < <(wasm_opt_args)
"$bin/wasm-opt" "${opt_flags[@]}" "$out/stage/iot_transfer_wasm_floor_bg.wasm" -o "$out/iot_transfer_wasm_floor_bg.wasm"
mapfile -t bundle < <(browser_bundle_args)
"$bin/esbuild" "$out/stage/iot_transfer_wasm_floor.js" "${bundle[@]}" --outfile="$out/floor.js"
rm -rf "$out/stage"
"$root/scripts/run/with-emulator.sh" node "$root/bench/js/wasm-floor-call.mjs" "$out" >&2
echo "$out"
