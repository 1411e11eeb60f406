#!/usr/bin/env bash
# Prints the raw, gzip (-9) and brotli (-q 11) sizes of what a browser downloads from the npm
# package for the operations: their .wasm and browser.js (the JS layer and the wasm-bindgen glue,
# bundled; the batches' module, fetched when the first batch starts, is measured with --files pkg
# iot_transfer_batches_bg.wasm browser-batches.js). With --check, fails
# when the gzip total exceeds the budget in bindings-wasm/size-budget.txt. With --by-crate, also
# prints the code size by crate (twiggy, on the same build with its function names kept). With
# --files DIR FILE..., prints the same table for those files instead (make bench's floor of the
# design's packages, scripts/build/wasm-floor.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
pkg="$root/bindings-wasm/pkg"
files=(iot_transfer_wasm_bg.wasm browser.js)
if [ "${1:-}" = "--files" ]; then
  pkg="$2"
  files=("${@:3}")
fi
brotli_size() { node -e 'const z=require("zlib"),f=require("fs");const b=f.readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length)' "$1"; }
total_raw=0; total_gzip=0; total_brotli=0
printf "%-32s %10s %10s %10s\n" file raw gzip brotli
for file in "${files[@]}"; do
  raw=$(wc -c < "$pkg/$file"); gz=$(gzip -9c "$pkg/$file" | wc -c); br=$(brotli_size "$pkg/$file")
  printf "%-32s %10d %10d %10s\n" "$file" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gzip=$((total_gzip + gz))
  total_brotli=$((total_brotli + br))
done
printf "%-32s %10d %10d %10d\n" total "$total_raw" "$total_gzip" "$total_brotli"
if [ "${1:-}" = "--by-crate" ]; then
  names="$root/target/wasm-names"
  rm -rf "$names" && mkdir -p "$names"
  wasm-bindgen "$root/target/wasm32-unknown-unknown/wasm-release/iot_transfer_wasm.wasm" --target web \
    --out-dir "$names" --no-typescript --keep-debug
  echo
  echo "code by crate (raw bytes before wasm-opt; twiggy top on $names):"
  twiggy top -n 1000000 -f csv "$names/iot_transfer_wasm_bg.wasm" | node "$root/scripts/test/wasm-crates.mjs" 30
fi
if [ "${1:-}" = "--check" ]; then
  budget=$(grep -E '^[0-9]+' "$root/bindings-wasm/size-budget.txt" | head -1)
  if [ "$total_gzip" -gt "$budget" ]; then
    echo "size budget exceeded: $total_gzip bytes gzip > $budget (bindings-wasm/size-budget.txt)" >&2
    exit 1
  fi
  echo "within the size budget: $total_gzip <= $budget bytes gzip"
fi
