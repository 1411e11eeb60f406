#!/usr/bin/env bash
# Builds the Python wheel into a fresh virtualenv (scripts/build-python-wheel.sh) and runs the
# Python tests from outside the source tree.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python=$("$root/scripts/build-python-wheel.sh")
cd "$(mktemp -d)"
# The tests import the installed package, never the source tree.
"$python" -c 'import iot_transfer, sys; assert "site-packages" in iot_transfer.__file__, iot_transfer.__file__'
"$root/scripts/with-emulator.sh" "$python" -m pytest -q -p no:cacheprovider "$root/bindings-uniffi/tests/python"
