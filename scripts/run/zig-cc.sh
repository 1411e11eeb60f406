#!/usr/bin/env bash
# The one Zig recipe: Zig as the C compiler and linker for one target, for cargo (linker) and the
# cc crate (CC): `ZIG_PYTHON -m ziglang cc -target ZIG_CC_TARGET ARGS`, Zig from the tools venv
# (scripts/setup/python.sh; the PyPI package `ziglang`, pinned in tests/requirements.txt). Used by
# scripts/build/native.sh (the native library for any Linux target, against glibc 2.17) and
# scripts/build/python-test-wheel.sh (the test wheel's library, manylinux2014), which set both
# variables; Zig's cache is kept in the shared cache folder.
#
# Drops the `--target` that cc-rs passes in the compiler's own spelling (Zig cannot parse
# `aarch64-unknown-linux-gnu`; its own target, which names the glibc version, comes first), and
# turns off the C sanitizer Zig enables in builds without -O (no Rust code links its runtime).
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
: "${ZIG_PYTHON:?set by the build script}" "${ZIG_CC_TARGET:?set by the build script}"
export ZIG_GLOBAL_CACHE_DIR="${ZIG_GLOBAL_CACHE_DIR:-$cache/zig}"
args=()
skip_next=false
for arg in "$@"; do
  if $skip_next; then
    skip_next=false
    continue
  fi
  case "$arg" in
    --target=*) ;;
    --target | -target) skip_next=true ;;
    *) args+=("$arg") ;;
  esac
done
exec "$ZIG_PYTHON" -m ziglang cc -target "$ZIG_CC_TARGET" -fno-sanitize=all "${args[@]}"
