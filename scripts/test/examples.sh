#!/usr/bin/env bash
# The published AWS examples' way of calling each operation, run with the official SDKs and with
# this library's drop-in faces (tests/examples/run.py): builds the local endpoint, installs the
# official JS SDK (scripts/lib/official-js.sh), builds the Python test wheel and installs it with
# boto3 into a venv of its own (target/examples-venv: the scripts import botocore's ClientError
# beside `from iot_transfer import boto3`), then runs every script against the npm package in
# bindings-wasm/pkg (`make wasm` builds it). Exits 1 when any script's two runs differ.
#
# Usage: scripts/test/examples.sh [RUN_PY_ARG]...   (e.g. --only transfer_certificate; --official-only
#        runs the official SDKs in both slots and builds neither the wheel nor the npm package)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

cargo build --quiet -p iot-emulator
emulator="${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator"
# shellcheck source=../lib/official-js.sh
. "$root/scripts/lib/official-js.sh"
official_js=$(official_js_modules)

setup_python=$("$root/scripts/setup/python.sh")
# The runner's own rules first (the one-line substitution, the normalisation).
"$setup_python" -m pytest -q -p no:cacheprovider "$root/tests/examples/test_harness.py"
# With --official-only both runs use the official SDKs: neither the wheel nor the npm package is needed.
for arg in "$@"; do
  if [ "$arg" = --official-only ]; then
    exec "$setup_python" "$root/tests/examples/run.py" --official-js "$official_js" --emulator "$emulator" "$@"
  fi
done

wheel=$("$root/scripts/build/python-test-wheel.sh")
venv="$root/target/examples-venv"
# boto3's pins: one per range of Python versions, each with its marker for pip.
mapfile -t boto3 < <(grep '^boto3==' "$root/tests/requirements.txt")
# Made again only when the wheel changed (its path names its version, its inputs' hash is beside it).
stamp="$venv/.wheel"
wanted="$wheel $(cat "$(dirname "$wheel")/inputs" 2>/dev/null || true) ${boto3[*]}"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" "${boto3[@]}" >&2
  echo "$wanted" > "$stamp"
fi

[ -d "$root/bindings-wasm/pkg" ] || { echo "examples: no npm package in bindings-wasm/pkg: run \`make wasm\` first" >&2; exit 1; }
# The runner sets its endpoints up with boto3 from the cross-checks' venv; the scripts run on $venv.
exec "$setup_python" "$root/tests/examples/run.py" --python "$venv/bin/python" \
  --npm-package "$root/bindings-wasm/pkg" --official-js "$official_js" --emulator "$emulator" "$@"
