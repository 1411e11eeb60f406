#!/usr/bin/env bash
# Installs (once) the Rust components and targets the build needs: rustfmt, clippy, rust-src (the
# npm package's WebAssembly rebuilds the standard library: scripts/build/wasm-package.sh) and the
# wasm32-unknown-unknown target, plus any targets named as arguments (e.g. the wheels' targets:
# scripts/setup/rust.sh aarch64-unknown-linux-gnu). rustup skips what is already installed.
set -euo pipefail
if ! command -v rustup >/dev/null 2>&1; then
  echo "rustup is required: see https://rustup.rs" >&2
  exit 1
fi
installed_components=$(rustup component list --installed)
for component in rustfmt clippy rust-src; do
  grep -q "^$component" <<<"$installed_components" || rustup component add "$component"
done
installed_targets=$(rustup target list --installed)
for target in wasm32-unknown-unknown "$@"; do
  grep -qx "$target" <<<"$installed_targets" || rustup target add "$target"
done
