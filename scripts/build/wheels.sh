#!/usr/bin/env bash
# `make wheels`: the release wheels for where Python runs on Linux, built with maturin and zig
# (zig links against old glibc and against musl for every target from this one host, so no
# manylinux container is needed), each checked with scripts/build/check-wheel.sh, into target/wheels/:
#
#   x86_64-unknown-linux-gnu    manylinux2014 (glibc 2.17)  manylinux_2_17_x86_64
#   aarch64-unknown-linux-gnu   manylinux2014 (glibc 2.17)  manylinux_2_17_aarch64
#   x86_64-unknown-linux-musl   musllinux 1.2               musllinux_1_2_x86_64
#   aarch64-unknown-linux-musl  musllinux 1.2               musllinux_1_2_aarch64
#
# WHEEL_TARGETS (space-separated triples) builds a subset (the other targets' wheels in
# target/wheels/ stay). Prints each wheel's name, size and build
# time at the end. Each target builds in a target folder of its own (target/wheels-build/TRIPLE):
# maturin's zig linker is part of cargo's fingerprint, also for the host's build scripts and
# proc-macros, so sharing one folder (or target/release) would rebuild them on every switch.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$(dirname "$0")/../lib/env.sh"
targets="${WHEEL_TARGETS:-x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl}"
python=$("$root/scripts/setup/python.sh")
# shellcheck disable=SC2086 # one argument per triple
"$root/scripts/setup/rust.sh" $targets
# maturin finds zig (the ziglang package) through the tools venv's python; zig's own cache of
# compiled libc stubs goes with the other caches.
PATH="$(dirname "$python"):$PATH"
export PATH ZIG_GLOBAL_CACHE_DIR="$cache/zig"

out="$root/target/wheels"
mkdir -p "$out"
# The face's table and stubs, written from the core's declarations (codegen, `iot-transfer-generate python`).
cargo run --quiet -p iot-transfer-codegen -- python "$root/bindings-uniffi/python/iot_transfer" >&2
summary=()
for triple in $targets; do
  arch="${triple%%-*}"
  case "$triple" in
    *-linux-gnu) compatibility=manylinux2014 platform="manylinux_2_17_$arch" ;;
    *-linux-musl) compatibility=musllinux_1_2 platform="musllinux_1_2_$arch" ;;
    *) echo "build-wheels: no platform tag known for $triple" >&2; exit 1 ;;
  esac
  build="$root/target/wheels-build/$triple"
  mkdir -p "$build"
  echo "build-wheels: $triple ($compatibility)" >&2
  started=$SECONDS
  # --target-dir, not CARGO_TARGET_DIR: maturin then generates the Python module with the
  # workspace's own debug uniffi-bindgen (target/debug, `cargo run`) instead of building another in
  # each folder. Linked unstripped (cargo strips release builds' debug info by default, and zig's
  # linker takes that for a full strip): uniffi-bindgen reads its metadata from the symbol table.
  # The debug info is dropped afterwards, the symbols kept (scripts/build/strip-wheel.sh).
  if ! (cd "$root/bindings-uniffi" && CARGO_PROFILE_RELEASE_STRIP=false maturin build --release --no-default-features --zig \
      --target "$triple" --target-dir "$build" --compatibility "$compatibility" --out "$build/wheel") >"$build/build.log" 2>&1; then
    tail -n 30 "$build/build.log" >&2
    echo "build-wheels: $triple failed (full log: $build/build.log)" >&2
    exit 1
  fi
  seconds=$((SECONDS - started))
  wheel="$(find "$build/wheel" -name 'iot_transfer-*.whl' | head -n 1)"
  "$root/scripts/build/strip-wheel.sh" "$wheel"
  # zig names musl's libc differently from Alpine; auditwheel knows only Alpine's name.
  case "$triple" in *-musl) "$root/scripts/build/fix-musl-wheel.sh" "$wheel" "$arch" ;; esac
  "$root/scripts/build/check-wheel.sh" "$wheel" "$platform" >&2
  # Replaces this target's wheel of an earlier run; the other targets' stay.
  name="$(basename "$wheel")"
  rm -f "$out"/iot_transfer-*-"$(cut -d- -f3- <<<"$name")"
  mv "$wheel" "$out/"
  rm -rf "$build/wheel"
  summary+=("$name  $(du -k "$out/$name" | cut -f1) KB  ${seconds} s")
done
echo "build-wheels: built into $out:" >&2
printf '  %s\n' "${summary[@]}" >&2
