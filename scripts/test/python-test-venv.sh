#!/usr/bin/env bash
# Makes a fresh virtualenv of one of the interpreters the Python tests run on, with WHEEL, pytest
# and boto3 (at tests/requirements.txt's pins; the boto3 face is tested against it, and against
# botocore's exception classes) installed from outside the source tree:
#   host      the host's python3 (Debian 12: 3.11), in target/python-binding-venv
#   bullseye  Debian 11's 3.9 (glibc 2.31), in a Debian root (scripts/setup/python-root.sh)
#   trixie    Debian 13's 3.13, in the Swift root
#   bullseye-arm64  Debian 11's 3.9 for arm64, under qemu-user (scripts/run/with-qemu-aarch64.sh), for
#             an aarch64 wheel
# A root's venv lives on the host in target/python-venvs/SUITE/venv and is seen as /venv inside
# the root (scripts/test/python-test-run.sh binds it there), so concurrent runs from several checkouts
# never share one. Inside a root pip reaches the index as the host's does (scripts/run/pip-root-args.sh).
#
# Usage: scripts/test/python-test-venv.sh host|bullseye|trixie|bullseye-arm64 WHEEL
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 host|bullseye|trixie|bullseye-arm64 WHEEL" >&2; exit 2; }
name="$1" wheel="$(realpath -e "$2")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
pytest=$(grep '^pytest==' "$root/tests/requirements.txt")
# boto3's pins: one per range of Python versions, each with its marker for pip.
mapfile -t boto3 < <(grep '^boto3==' "$root/tests/requirements.txt")

if [ "$name" = host ]; then
  venv="$root/target/python-binding-venv"
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" "$pytest" "${boto3[@]}" >&2
  exit 0
fi

# The interpreter's Debian root, emulator and venv folder.
# shellcheck source=../lib/python-interpreter.sh
. "$root/scripts/lib/python-interpreter.sh"
rm -rf "$dir"
mkdir -p "$dir/venv" "$dir/tmp"
mapfile -t pip_args < <("$root/scripts/run/pip-root-args.sh")
# shellcheck disable=SC2016 # expanded by the inner shell
${emulator[@]+"${emulator[@]}"} "$root/scripts/run/root-run.sh" --root "$debian_root" "${pip_args[@]}" \
  --bind "$dir/venv:/venv" --ro-bind "$(dirname "$wheel"):/wheel" -e PIP_DISABLE_PIP_VERSION_CHECK=1 -- \
  /bin/sh -euc 'wheel="$1"; shift; python3 -m venv /venv && /venv/bin/pip install --quiet "/wheel/$wheel" "$@"' \
  sh "$(basename "$wheel")" "$pytest" "${boto3[@]}" >&2
