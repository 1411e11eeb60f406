#!/usr/bin/env bash
# Installs (once) what cross-compiling the native library for TRIPLE needs: the Rust target (rustup)
# and Zig as the C compiler and linker (the PyPI package `ziglang`, pinned in tests/requirements.txt,
# in the tools virtualenv of scripts/setup/python.sh, the same Zig that links the wheels). Prints
# that virtualenv's python, whose `-m ziglang` is Zig. Safe to run twice.
#
# Usage: scripts/setup/cross.sh TRIPLE   (e.g. aarch64-unknown-linux-gnu)
set -euo pipefail
triple="${1:?usage: scripts/setup/cross.sh TRIPLE}"
rustup target list --installed | grep -qx "$triple" || rustup target add "$triple" >&2
"$(dirname "$0")/../setup/python.sh"
