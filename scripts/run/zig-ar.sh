#!/usr/bin/env bash
# Zig's archiver, for the cc crate (AR) when it builds C code for a cross target with
# scripts/run/zig-cc.sh (ZIG_PYTHON is set by scripts/build/native.sh).
set -euo pipefail
exec "${ZIG_PYTHON:?set by scripts/build/native.sh}" -m ziglang ar "$@"
