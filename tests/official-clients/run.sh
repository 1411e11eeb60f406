#!/usr/bin/env bash
# Runs the official AWS clients (boto3, and @aws-sdk/client-iot on Node) against the local IoT
# emulator, and checks the npm package (bindings-wasm/pkg) as a drop-in for @aws-sdk/client-iot:
# builds the emulator, makes sure the Python virtualenv and the npm packages are
# installed (npm ci only when node_modules is missing or package-lock.json changed), then runs
# the pytest suite and the node:test suite. Safe to run twice.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

cargo build --quiet -p iot-emulator
export IOT_EMULATOR_BIN="${IOT_EMULATOR_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator}"

python="$(scripts/setup/python.sh)"

js="$here/js"
# shellcheck source=../../scripts/lib/official-js.sh
. "$root/scripts/lib/official-js.sh"
official_js_modules >/dev/null

echo "== boto3 against the emulator"
"$python" -m pytest -q -p no:cacheprovider "$here/python"

echo "== @aws-sdk/client-iot against the emulator, and the npm package as its drop-in"
# The pinned SDK runs on this Node; its notice about future SDK releases needing Node 22 is noise here.
# drop-in.test.mjs compares the npm package (bindings-wasm/pkg, built by `make wasm`) with the SDK.
(cd "$js" && AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true node --test transfer.test.mjs drop-in.test.mjs)
