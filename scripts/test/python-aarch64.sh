#!/usr/bin/env bash
# `make test-python-aarch64`: the aarch64 manylinux2014 wheel from `make wheels` (built, or
# brought up to date, by scripts/build/wheels.sh) installed into a fresh venv of Debian 11's arm64
# Python 3.9 and run through the Python tests, every arm64 program (Python, pip, the library)
# emulated by qemu-user (scripts/run/with-qemu-aarch64.sh), against the endpoint on the host's loopback.
# Slow (a release build for aarch64, then emulation), so not part of `make test`.
#
# Usage: scripts/test/python-aarch64.sh [PYTEST_ARG]...
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
WHEEL_TARGETS=aarch64-unknown-linux-gnu "$root/scripts/build/wheels.sh"
wheel="$(ls "$root"/target/wheels/iot_transfer-*-py3-none-manylinux2014_aarch64.manylinux_2_17_aarch64.whl)"
started=$SECONDS
"$root/scripts/test/python-test-venv.sh" bullseye-arm64 "$wheel"
echo "test-python-aarch64: venv ready under qemu after $((SECONDS - started)) s" >&2
"$root/scripts/run/with-emulator.sh" "$root/scripts/test/python-test-run.sh" bullseye-arm64 "$@"
echo "test-python-aarch64: done after $((SECONDS - started)) s" >&2
