#!/usr/bin/env bash
# Builds the wheel the Python tests install (debug, x86_64, manylinux2014) into
# target/python-test-wheel/, checks it with auditwheel (scripts/build/check-wheel.sh) and prints its path.
#
# Why it is built this way: the wheel must be manylinux2014 so that Debian 11's Python 3.9
# (glibc 2.31) can install it, and linked on this host (glibc 2.36) it would need glibc 2.34.
# `maturin --zig` would do it, but zig as cargo's linker is part of every unit's fingerprint:
# in target/debug it would rebuild the whole workspace after each `cargo test`, and in a folder of
# its own it costs a full second build (about 12 minutes cold on 2 busy cores). Instead only the
# library's own crate is linked with zig (scripts/run/zig-cc.sh, the recipe the cross builds
# use; `-C linker` passed to its final rustc alone, which is all `maturin build -- ARGS` does),
# reusing target/debug's dependencies as built by `cargo test --workspace` (the default feature
# `unify` gives them the workspace's features: unify/); it costs a link and a zip.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python=$("$root/scripts/setup/python.sh")
out="$root/target/python-test-wheel"
# Built once per change of its sources: the test suites, the type checks and the soak each ask for
# it in one `make test`, and a rebuild of the same sources costs a link and a zip (about 15 s).
inputs=$(cd "$root" && git ls-files -z --cached --others --exclude-standard -- core cli codegen bindings-uniffi unify Cargo.toml Cargo.lock scripts/build/python-test-wheel.sh scripts/run/zig-cc.sh |
  xargs -0 sha256sum 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ -f "$out/inputs" ] && [ "$(cat "$out/inputs")" = "$inputs" ] && ls "$out"/iot_transfer-*.whl >/dev/null 2>&1; then
  ls "$out"/iot_transfer-*.whl
  exit 0
fi
# The face's table and stubs, written from the core's declarations (codegen, `iot-transfer-generate python`).
cargo run --quiet -p iot-transfer-codegen -- python "$root/bindings-uniffi/python/iot_transfer" >&2
rm -rf "$out"
# Linked by the one Zig recipe against glibc 2.17's symbols (manylinux2014).
(cd "$root/bindings-uniffi" && ZIG_PYTHON="$python" ZIG_CC_TARGET=x86_64-linux-gnu.2.17 \
  "$(dirname "$python")/maturin" build --quiet --compatibility manylinux2014 \
  --out "$out" -- -C linker="$root/scripts/run/zig-cc.sh" >&2)
wheel="$(ls "$out"/iot_transfer-*.whl)"
"$root/scripts/build/check-wheel.sh" "$wheel" manylinux_2_17_x86_64 >/dev/null
echo "$inputs" > "$out/inputs"
echo "$wheel"
