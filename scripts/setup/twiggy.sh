#!/usr/bin/env bash
# Installs (once) twiggy at its pinned version, the wasm code-size profiler `make bench-size` reads
# the module with.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
[ "$(twiggy --version 2>/dev/null)" = "twiggy $TWIGGY_VERSION" ] && exit 0
echo "installing twiggy $TWIGGY_VERSION (about 3 minutes, once)" >&2
cargo install --force twiggy --version "$TWIGGY_VERSION" >&2
