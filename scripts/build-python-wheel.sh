#!/usr/bin/env bash
# Builds the Python wheel with maturin (reusing the workspace's debug build of the uniffi crate)
# and installs it into a fresh virtualenv, target/python-binding-venv. Prints the venv's python.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python=$("$root/scripts/setup-python.sh")
wheels="$root/target/wheels"
rm -rf "$wheels"
cargo run --quiet -p iot-transfer-py-generate -- "$root/bindings-uniffi/python/iot_transfer" >&2
(cd "$root/bindings-uniffi" && "$(dirname "$python")/maturin" build --quiet --out "$wheels" >&2)
venv="$root/target/python-binding-venv"
rm -rf "$venv"
python3 -m venv "$venv" >&2
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheels"/iot_transfer-*.whl pytest==8.3.5 >&2
echo "$venv/bin/python"
