#!/usr/bin/env bash
# Assembles the npm package `iot-transfer` in bindings-wasm/pkg: two optimised wasm builds, the
# operations' (what a browser downloads first: iot_transfer_wasm_bg.wasm) and the same with the
# batches (the feature `batches`: iot_transfer_batches_bg.wasm, which a browser loads when the first
# batch starts, and Node's one module), wasm-bindgen glue for browsers (ESM) and Node (CommonJS),
# the hand-written JS layer, types.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
wasm_dir="$root/bindings-wasm"
pkg="$wasm_dir/pkg"
bin="$wasm_dir/node_modules/.bin"
. "$(dirname "$0")/../lib/env.sh"

stage="$root/target/npm-stage"
rm -rf "$pkg" "$stage"
mkdir -p "$pkg" "$stage"
wasm="$(wasm_release_dir)/iot_transfer_wasm.wasm"
# The browser builds (scripts/lib/env.sh: the standard library rebuilt with them, for size). Both
# write the same file, so cargo compiles and links the crate again each time the feature switches
# (about 5 s each here); its dependencies are built once.
wasm_release_build iot-transfer-wasm --features batches
wasm-bindgen "$wasm" --target nodejs --out-dir "$pkg/node" --no-typescript
wasm-bindgen "$wasm" --target web --out-dir "$stage/web-batches" --no-typescript
# Its web glue fetches iot_transfer_batches_bg.wasm (the operations' module keeps the crate's name):
# the one line that names the file is rewritten, and the build stops if wasm-bindgen ever writes
# it differently. The module's imports keep the crate's name, so its bytes stay Node's.
line="        module_or_path = new URL('iot_transfer_wasm_bg.wasm', import.meta.url);"
grep -qxF "$line" "$stage/web-batches/iot_transfer_wasm.js" || { echo "build-wasm-package: the web glue no longer names its wasm as expected: $line" >&2; exit 1; }
sed -i "s|new URL('iot_transfer_wasm_bg.wasm', import.meta.url)|new URL('iot_transfer_batches_bg.wasm', import.meta.url)|" "$stage/web-batches/iot_transfer_wasm.js"
wasm_release_build iot-transfer-wasm
wasm-bindgen "$wasm" --target web --out-dir "$stage/web" --no-typescript
# wasm-opt -Oz takes about 15 s of CPU a run, and its output depends only on its input and flags:
# it is kept under their hash in target/wasm-opt-cache, so a rebuild of unchanged code (every
# `make` target that depends on `wasm`) reuses it, and when the web and Node glue's modules are
# the same bytes (as they usually are) the second one is found there too.
opt_cache="$root/target/wasm-opt-cache"
mkdir -p "$opt_cache"
mapfile -t opt_flags < <(wasm_opt_args)
used=()
optimise() {
  local key
  key=$({ sha256sum <"$1"; echo "${opt_flags[*]}"; "$bin/wasm-opt" --version; } | sha256sum | cut -d' ' -f1)
  if [ ! -f "$opt_cache/$key.wasm" ]; then
    "$bin/wasm-opt" "${opt_flags[@]}" "$1" -o "$opt_cache/$key.tmp"
    mv "$opt_cache/$key.tmp" "$opt_cache/$key.wasm"
  fi
  cp "$opt_cache/$key.wasm" "$2"
  used+=("$key.wasm")
}
optimise "$stage/web/iot_transfer_wasm_bg.wasm" "$pkg/iot_transfer_wasm_bg.wasm"
optimise "$stage/web-batches/iot_transfer_wasm_bg.wasm" "$pkg/iot_transfer_batches_bg.wasm"
optimise "$pkg/node/iot_transfer_wasm_bg.wasm" "$pkg/node/iot_transfer_wasm_bg.wasm"
# Only this build's entries are kept: the cache never grows past three modules.
for entry in "$opt_cache"/*; do
  case " ${used[*]} " in *" ${entry##*/} "*) ;; *) rm -f "$entry" ;; esac
done
# One copy of the batches' module in the tarball: when the Node glue's module is the web one's
# bytes, the Node glue reads the package's top-level copy (its one line that names the file is
# rewritten, and the build stops if wasm-bindgen ever writes that line differently).
if cmp -s "$pkg/iot_transfer_batches_bg.wasm" "$pkg/node/iot_transfer_wasm_bg.wasm"; then
  glue="$pkg/node/iot_transfer_wasm.js"
  line='const wasmPath = `${__dirname}/iot_transfer_wasm_bg.wasm`;'
  grep -qxF "$line" "$glue" || { echo "build-wasm-package: the Node glue no longer names its wasm as expected: $line" >&2; exit 1; }
  sed -i 's|^const wasmPath = `${__dirname}/iot_transfer_wasm_bg.wasm`;$|const wasmPath = `${__dirname}/../iot_transfer_batches_bg.wasm`;|' "$glue"
  rm "$pkg/node/iot_transfer_wasm_bg.wasm"
fi
# The Node glue is CommonJS inside a "type": "module" package.
echo '{ "type": "commonjs" }' > "$pkg/node/package.json"

cp "$wasm_dir"/js/*.js "$stage/"
# The operation methods, commands, paginate functions, service error classes and their
# TypeScript declarations, written from the core's declarations.
cargo run --quiet -p iot-transfer-codegen -- js "$stage"
# browser.js: the browser entry, the JS layer and the web glue in one minified ES module; the glue
# fetches iot_transfer_wasm_bg.wasm from next to it (new URL(..., import.meta.url)).
# browser-batches.js, which browser.js imports when the first batch starts: the batches' glue alone,
# fetching iot_transfer_batches_bg.wasm from next to it.
mapfile -t bundle < <(browser_bundle_args)
"$bin/esbuild" "$stage/browser.js" "${bundle[@]}" --external:./browser-batches.js --outfile="$pkg/browser.js"
"$bin/esbuild" "$stage/browser-batches.js" "${bundle[@]}" --outfile="$pkg/browser-batches.js"
# index.cjs: the Node entry with the JS layer bundled in and the wasm glue left as a require;
# the JS SDK's credential chain, an optional peer dependency, is loaded from the user's install.
"$bin/esbuild" "$stage/node.js" --bundle --format=cjs --platform=node --target=node18 \
  --external:./node/iot_transfer_wasm.js --external:@aws-sdk/credential-provider-node \
  --outfile="$pkg/index.cjs" --log-level=warning
# index.mjs: Node's `import` entry re-exports the CommonJS module, so both share one set of classes.
node -e '
  const names = Object.keys(require(process.argv[1])).sort();
  console.log("// Node'"'"'s import entry: the same module instance as require(), so classes are shared.");
  console.log("import api from \"./index.cjs\";\n\nexport const { " + names.join(", ") + " } = api;");
' "$pkg/index.cjs" > "$pkg/index.mjs"
cp "$wasm_dir"/npm/{package.json,README.md,wasm-url.d.ts} "$pkg/"
cat "$wasm_dir/npm/index.d.ts" "$stage/generated.d.ts" > "$pkg/index.d.ts"
# The same declarations for `require` (the package is "type": "module", so TypeScript reads a
# .d.ts as an ES module's, which a CommonJS consumer under node16/nodenext may not require).
cp "$pkg/index.d.ts" "$pkg/index.d.cts"
cp "$root/LICENSE" "$pkg/"
echo "built $pkg"
# Lets the package's own tests import it by name, through its package.json "exports".
ln -sfn ../pkg "$wasm_dir/node_modules/iot-transfer"
