#!/usr/bin/env bash
# Checks the emulator's credential services with a client nobody here wrote: botocore's own
# credential providers (IMDS, container endpoint, assume-role profile, web identity, SSO legacy
# and sso-session profiles) resolve credentials from them, then make real IoT calls that the
# emulator must authenticate as the expected account. Builds the emulator (debug), makes sure
# the Python virtualenv is there (scripts/setup/python.sh), runs pytest. Safe to run twice.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

cargo build --quiet -p iot-emulator
export IOT_EMULATOR_BIN="${IOT_EMULATOR_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator}"
python="$(scripts/setup/python.sh)"

echo "== botocore's credential providers against the emulator's credential services"
"$python" -m pytest -q -p no:cacheprovider "$here/python"
