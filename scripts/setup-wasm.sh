#!/usr/bin/env bash
# Installs (once) what building and testing the npm package needs: wasm-bindgen-cli at exactly
# the version in Cargo.lock (into ~/.cargo/bin), and the npm build tools of bindings-wasm
# (esbuild, binaryen's wasm-opt, TypeScript, playwright-core). Safe to run twice.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  echo "installing wasm-bindgen-cli $version (about 7 minutes, once)" >&2
  # Without --locked: one locked dependency of the CLI is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$version" >&2
fi
cd "$root/bindings-wasm"
if [ ! -x node_modules/.bin/esbuild ] || ! cmp -s package-lock.json node_modules/.package-lock.json; then
  npm ci --no-audit --no-fund >&2
fi
