#!/usr/bin/env bash
# Removes the debug info from a wheel's native library (the Rust standard library's, which its
# precompiled objects carry into every release build), keeping the symbol table, and rewrites the
# wheel in place (its RECORD too). Prints the library's size before and after.
#
# Why after the build: cargo's `strip = "debuginfo"` asks the linker for `--strip-debug`, which Zig
# (maturin --zig) takes for a full strip, and a library without its symbol table has lost the
# `UNIFFI_META_*` symbols uniffi-bindgen reads ("No UniFFI metadata found"). So the wheels are
# linked unstripped (scripts/build/wheels.sh), maturin generates the Python module from that, and
# `llvm-strip --strip-debug` (Debian's llvm, for every architecture; `zig objcopy --strip-debug`
# answers "unimplemented" for these libraries) then drops only the debug sections.
#
# Usage: scripts/build/strip-wheel.sh WHEEL
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 WHEEL" >&2; exit 2; }
. "$(dirname "$0")/../lib/env.sh"
. "$(dirname "$0")/../lib/host-packages.sh"
command -v llvm-strip >/dev/null || host_install llvm
wheel="$(realpath -e "$1")"
tools="$(dirname "$("$(dirname "$0")/../setup/python.sh")")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$tools/wheel" unpack --dest "$work/unpacked" "$wheel" >/dev/null
while IFS= read -r -d '' library; do
  before="$(stat -c %s "$library")"
  llvm-strip --strip-debug "$library"
  echo "strip-wheel: $(basename "$library"): $before B -> $(stat -c %s "$library") B" >&2
done < <(find "$work/unpacked" -name '*.so' -print0)
mkdir "$work/packed"
"$tools/wheel" pack --dest-dir "$work/packed" "$work/unpacked"/* >/dev/null
[ "$(basename "$work/packed"/*.whl)" = "$(basename "$wheel")" ] \
  || { echo "strip-wheel: wheel pack named it $(basename "$work/packed"/*.whl)" >&2; exit 1; }
mv "$work/packed"/*.whl "$wheel"
