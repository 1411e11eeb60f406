#!/usr/bin/env bash
# Zig as a C compiler and linker for one target, for cargo (linker) and the cc crate (CC):
# `ZIG_PYTHON -m ziglang cc -target ZIG_CC_TARGET ARGS`. scripts/build/native.sh sets both variables.
# Drops the `--target` that cc-rs passes in the compiler's own spelling (Zig cannot parse
# `aarch64-unknown-linux-gnu`; its own target, which names the glibc version, comes first).
set -euo pipefail
: "${ZIG_PYTHON:?set by scripts/build/native.sh}" "${ZIG_CC_TARGET:?set by scripts/build/native.sh}"
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
exec "$ZIG_PYTHON" -m ziglang cc -target "$ZIG_CC_TARGET" "${args[@]}"
