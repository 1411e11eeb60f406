#!/bin/sh
# The linker of the Python test wheel (scripts/build/python-test-wheel.sh): zig, through maturin's
# own `zig cc` wrapper (which drops the arguments zig does not take), linking against glibc 2.17's
# symbols so the library is manylinux2014 and loads on old systems (Debian 11's glibc 2.31).
# rustc runs it with the usual cc arguments; the tools venv (scripts/setup/python.sh) has maturin
# and zig (the ziglang package).
. "$(dirname "$0")/../lib/env.sh"
venv="$cache/venv"
export CARGO_ZIGBUILD_ZIG_COMMAND="$venv/bin/python3" CARGO_ZIGBUILD_ZIG_COMMAND_ARGS="-m ziglang"
export ZIG_GLOBAL_CACHE_DIR="${ZIG_GLOBAL_CACHE_DIR:-$cache/zig}"
exec "$venv/bin/maturin" zig cc -- -g -fno-sanitize=all -target x86_64-linux-gnu.2.17 "$@"
