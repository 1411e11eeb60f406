#!/usr/bin/env bash
# Builds the Python wheel with maturin (reusing the workspace's debug build of the uniffi crate),
# installs it into a fresh virtualenv and runs the Python tests from outside the source tree.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python=$("$root/scripts/setup-python.sh")
wheels="$root/target/wheels"
rm -rf "$wheels"
(cd "$root/bindings-uniffi" && "$(dirname "$python")/maturin" build --quiet --out "$wheels" >&2)
venv="$root/target/python-binding-venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheels"/iot_transfer-*.whl pytest==8.3.5
cd "$(mktemp -d)"
# The tests import the installed package, never the source tree.
"$venv/bin/python" -c 'import iot_transfer, sys; assert "site-packages" in iot_transfer.__file__, iot_transfer.__file__'
"$root/scripts/with-emulator.sh" "$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/bindings-uniffi/tests/python"
