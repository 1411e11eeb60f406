#!/usr/bin/env bash
# Zig as a C compiler and linker for one target, for cargo (linker) and the cc crate (CC):
# `ZIG_PYTHON -m ziglang cc -target ZIG_CC_TARGET ARGS`. build-native.sh sets both variables.
# Drops the arguments Zig refuses or gets wrong from rustc and cc-rs: their own `--target`
# (the Zig target names the glibc version), and `-lgcc_s` (Zig links its own unwinder).
set -euo pipefail
: "${ZIG_PYTHON:?set by build-native.sh}" "${ZIG_CC_TARGET:?set by build-native.sh}"
args=()
skip_next=false
for arg in "$@"; do
  if $skip_next; then
    skip_next=false
    continue
  fi
  case "$arg" in
    --target=* | -Wl,--no-undefined-version) ;;
    --target | -target) skip_next=true ;;
    -lgcc_s) args+=("-lunwind") ;;
    *) args+=("$arg") ;;
  esac
done
exec "$ZIG_PYTHON" -m ziglang cc -target "$ZIG_CC_TARGET" "${args[@]}"
