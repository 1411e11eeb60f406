#!/usr/bin/env bash
# Installs the bench's JavaScript clients (bench/js: @aws-sdk/client-iot and esbuild at their
# pins, from the committed lock) when the lock changed, and links this repository's npm package
# (bindings-wasm/pkg, built by `make wasm`) in as `iot-transfer`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/bench/js"
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  npm ci --no-audit --no-fund >&2
  cp package-lock.json node_modules/.installed-lock.json
fi
ln -sfn ../../../bindings-wasm/pkg node_modules/iot-transfer
