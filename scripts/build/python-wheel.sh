#!/usr/bin/env bash
# Builds the Python test wheel (scripts/build/python-test-wheel.sh: debug, manylinux2014) and
# installs it into a fresh virtualenv of the host's python3, target/python-binding-venv, with
# pytest. Prints the venv's python.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
wheel=$("$root/scripts/build/python-test-wheel.sh")
pytest=$(grep '^pytest==' "$root/tests/requirements.txt")
venv="$root/target/python-binding-venv"
rm -rf "$venv"
python3 -m venv "$venv" >&2
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" "$pytest" >&2
echo "$venv/bin/python"
