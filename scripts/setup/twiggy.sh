#!/usr/bin/env bash
# Installs (once) twiggy, the wasm code-size profiler `make bench-size` reads the module with.
set -euo pipefail
command -v twiggy >/dev/null 2>&1 && exit 0
echo "installing twiggy (about 3 minutes, once)" >&2
cargo install twiggy --version 0.8.0 >&2
