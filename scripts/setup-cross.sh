#!/usr/bin/env bash
# Installs (once) what cross-compiling the native library for TRIPLE needs: the Rust target (rustup)
# and Zig as the C compiler and linker (the PyPI package `ziglang`, pinned, in a virtualenv of its
# own in the cache folder). Prints the virtualenv's python, whose `-m ziglang` is Zig. Safe to run twice.
#
# Usage: scripts/setup-cross.sh TRIPLE   (e.g. aarch64-unknown-linux-gnu)
set -euo pipefail
triple="${1:?usage: setup-cross.sh TRIPLE}"
zig_version="0.17.1"
cache="${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}"
venv="$cache/ziglang-$zig_version"
rustup target list --installed | grep -qx "$triple" || rustup target add "$triple" >&2
if ! "$venv/bin/python" -m ziglang version >/dev/null 2>&1; then
  mkdir -p "$cache"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "ziglang==$zig_version" >&2
fi
echo "$venv/bin/python"
