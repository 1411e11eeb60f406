#!/usr/bin/env bash
# Checks a built wheel against the platform it claims: `auditwheel show` (from the tools venv)
# must find its native library consistent with PLATFORM (e.g. manylinux_2_17_x86_64,
# musllinux_1_2_aarch64), and the file name must carry exactly the expected tags (py3-none, as
# uniffi's Python loads the library with ctypes and needs no CPython ABI). Prints auditwheel's
# report; exits non-zero on any mismatch.
#
# Usage: scripts/build/check-wheel.sh WHEEL PLATFORM
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 WHEEL PLATFORM" >&2; exit 2; }
wheel="$1" platform="$2"
python=$("$(dirname "$0")/../setup/python.sh")
fail() { echo "check-wheel: $(basename "$wheel"): $*" >&2; exit 1; }

# The file name's platform tags: manylinux_2_17 also carries its legacy alias manylinux2014, so
# that pip older than 20.3 (PEP 600) can install it.
case "$platform" in
  manylinux_2_17_*) tags="manylinux2014_${platform#manylinux_2_17_}.$platform" ;;
  *) tags="$platform" ;;
esac
case "$(basename "$wheel")" in
  iot_transfer-*-py3-none-"$tags".whl) ;;
  *) fail "expected tags py3-none-$tags" ;;
esac

report="$("$(dirname "$python")/auditwheel" show "$wheel" 2>&1)" || { echo "$report" >&2; fail "auditwheel show failed"; }
echo "$report"
# auditwheel wraps its lines: join them before matching.
grep -q "consistent with the following platform tag: \"$platform\"" <<<"$(tr '\n' ' ' <<<"$report")" \
  || fail "auditwheel does not find it consistent with $platform"
