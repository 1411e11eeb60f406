#!/usr/bin/env bash
# Installs (once) what building and testing the npm package needs: wasm-bindgen-cli at exactly
# the version in Cargo.lock (into ~/.cargo/bin), and the npm build tools of bindings-wasm
# (esbuild, binaryen's wasm-opt, TypeScript, playwright-core) and of the web demo. Safe to run twice.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/scripts/lib/env.sh"
setup_lock wasm
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  echo "installing wasm-bindgen-cli $version (about 7 minutes, once)" >&2
  # Without --locked: one locked dependency of the CLI is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$version" >&2
fi
# npm ci only when node_modules was not installed from the current lock file.
for folder in bindings-wasm web-demo; do
  cd "$root/$folder"
  if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
    npm ci --no-audit --no-fund >&2
    cp package-lock.json node_modules/.installed-lock.json
  fi
done
