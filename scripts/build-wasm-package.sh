#!/usr/bin/env bash
# Assembles the npm package `iot-transfer` in bindings-wasm/pkg: one optimised wasm build,
# wasm-bindgen glue for browsers (ESM) and Node (CommonJS), the hand-written JS layer, types.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wasm_dir="$root/bindings-wasm"
pkg="$wasm_dir/pkg"
bin="$wasm_dir/node_modules/.bin"
# The features Rust 1.82+ emits for wasm32 by default, which wasm-opt must be told about.
features=(--enable-reference-types --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-multivalue --enable-mutable-globals)

cargo build -p iot-transfer-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm="$root/target/wasm32-unknown-unknown/wasm-release/iot_transfer_wasm.wasm"

rm -rf "$pkg"
mkdir -p "$pkg"
wasm-bindgen "$wasm" --target web --out-dir "$pkg/web" --no-typescript
wasm-bindgen "$wasm" --target nodejs --out-dir "$pkg/node" --no-typescript
for target in web node; do
  "$bin/wasm-opt" -Oz "${features[@]}" --strip-debug --strip-producers \
    "$pkg/$target/iot_transfer_wasm_bg.wasm" -o "$pkg/$target/iot_transfer_wasm_bg.wasm"
done
# The Node glue is CommonJS inside a "type": "module" package.
echo '{ "type": "commonjs" }' > "$pkg/node/package.json"

cp "$wasm_dir"/js/{errors.js,runtime.js,client.js,browser.js} "$pkg/"
cp "$wasm_dir"/npm/{package.json,index.d.ts,index.mjs,README.md} "$pkg/"
cp "$root/LICENSE" "$pkg/"
# index.cjs: the Node entry with the JS layer bundled in and the wasm glue left as a require.
"$bin/esbuild" "$wasm_dir/js/node.js" --bundle --format=cjs --platform=node --target=node18 \
  --external:./node/iot_transfer_wasm.js --outfile="$pkg/index.cjs" --log-level=warning
echo "built $pkg"
