#!/usr/bin/env bash
# `make bench`: builds every client optimised (the Rust example and the Python wheel in release,
# the npm package as shipped), installs the official SDKs (boto3, @aws-sdk/client-iot), and runs
# them side by side against one loopback stub (bench/run.mjs). The npm package runs twice in Node:
# with its default node:http transport and with `transport: "fetch"`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python=$(scripts/setup/python.sh)
cargo build --quiet --release -p iot-transfer --example bench_client
# The Python wheel, optimised, in a virtualenv of its own; the face's table and stubs first, written
# from the core's declarations (a fresh clone has none: they are not committed).
cargo run --quiet -p iot-transfer-codegen -- python "$root/bindings-uniffi/python/iot_transfer" >&2
wheels="$root/target/bench-wheels"
rm -rf "$wheels"
(cd bindings-uniffi && "$(dirname "$python")/maturin" build --quiet --release --no-default-features --out "$wheels" >&2)
venv="$root/target/bench-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall "$wheels"/iot_transfer-*.whl
# The JavaScript clients: the official SDK from npm, and this package as built.
cd bench/js
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  npm ci --no-audit --no-fund >&2
  cp package-lock.json node_modules/.installed-lock.json
fi
ln -sfn ../../../bindings-wasm/pkg node_modules/iot-transfer
cd "$root"
BENCH_PYTHON="$python" BENCH_PYTHON_OURS="$venv/bin/python" node bench/run.mjs
# The fleet handover (bench/handover.py): the wheel's `iot-transfer` command against the boto3
# loop, on the local endpoint throttling above HANDOVER_RATE requests/s.
cargo build --quiet -p iot-emulator
echo
"$venv/bin/python" bench/handover.py "$venv/bin/iot-transfer" "$python" "${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator" \
  "${HANDOVER_CERTIFICATES:-10000}" "${HANDOVER_RATE:-200}"
