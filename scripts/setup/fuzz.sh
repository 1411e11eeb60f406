#!/usr/bin/env bash
# Installs (once) what `make fuzz` needs: a nightly toolchain (cargo-fuzz builds with nightly-only
# flags) and cargo-fuzz at a pinned version. Skips what is already installed; `make test` needs
# neither (it replays the corpora on stable).
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
if ! command -v rustup >/dev/null 2>&1; then
  echo "rustup is required: see https://rustup.rs" >&2
  exit 1
fi
# The host's undated nightly (a dated one, nightly-YYYY-MM-DD-..., is not what `cargo +nightly` runs).
host=$(rustc -vV | sed -n 's/^host: //p')
toolchains=$(rustup toolchain list)
grep -q "^nightly-$host" <<<"$toolchains" || rustup toolchain install nightly --profile minimal
# libfuzzer-sys compiles libFuzzer, which is C++.
command -v c++ >/dev/null 2>&1 || { echo "a C++ compiler (c++) is required to build libFuzzer" >&2; exit 1; }
if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  # Built in a throwaway folder, not in the project's target directory.
  build_dir=$(mktemp -d)
  trap 'rm -rf "$build_dir"' EXIT
  CARGO_TARGET_DIR="$build_dir" cargo install --locked --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
