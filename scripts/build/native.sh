#!/usr/bin/env bash
# Builds the uniffi native library (libiot_transfer_uniffi.so) for TRIPLE with PROFILE and prints
# its path. A release build, for any Linux target (the host's too), is linked by Zig as C compiler
# and linker (scripts/setup/cross.sh) against glibc 2.17 (the manylinux2014 baseline the wheels
# use), so one library works on every current distribution; it lands in target/TRIPLE/release.
# A debug build for the host is the workspace's own (target/debug, what the tests use).
# A release build carries FEATURES of iot-transfer-uniffi (comma-separated; default
# `shared-config`, the JVM jar's; `none` for none). `mobile` is the mobile library, as Android and
# iOS build it: the cargo profile and features scripts/lib/env.sh declares (`mobile_profile`, built
# for size; `mobile_features`, none), in target/TRIPLE/mobile-release; it takes no FEATURES.
#
# Usage: scripts/build/native.sh TRIPLE [release|mobile|debug] [FEATURES|none]
#   e.g. scripts/build/native.sh aarch64-unknown-linux-gnu
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$(dirname "$0")/../lib/env.sh"
triple="${1:?usage: scripts/build/native.sh TRIPLE [release|mobile|debug] [FEATURES|none]}"
profile="${2:-release}"
features="${3:-shared-config}"
if [ "$profile" = mobile ]; then
  [ -z "${3:-}" ] || { echo "scripts/build/native.sh: mobile takes no FEATURES (scripts/lib/env.sh declares them)" >&2; exit 2; }
  profile="$mobile_profile" features="$mobile_features"
fi
target_dir="${CARGO_TARGET_DIR:-$root/target}"
host="$(rustc -vV | sed -n 's/^host: //p')"
flags=(-p iot-transfer-uniffi --lib)
# A release or mobile library is built without the default feature `unify` (test builds only: unify/).
[ "$profile" != debug ] && flags+=(--profile "$profile" --no-default-features)
[ "$profile" != debug ] && [ "$features" != none ] && flags+=(--features "$features")
if [ "$triple" = "$host" ] && [ "$profile" = debug ]; then
  cargo build --quiet --manifest-path "$root/Cargo.toml" "${flags[@]}" >&2
  echo "$target_dir/$profile/libiot_transfer_uniffi.so"
  exit 0
fi
case "$triple" in
  aarch64-unknown-linux-gnu) zig_target="aarch64-linux-gnu.2.17" ;;
  x86_64-unknown-linux-gnu) zig_target="x86_64-linux-gnu.2.17" ;;
  *) echo "scripts/build/native.sh: no cross recipe for $triple (Android: scripts/build/android-aar.sh)" >&2; exit 1 ;;
esac
ZIG_PYTHON="$("$root/scripts/setup/cross.sh" "$triple")"
export ZIG_PYTHON ZIG_CC_TARGET="$zig_target"
env_triple="$(tr 'a-z-' 'A-Z_' <<<"$triple")"
if [ "$triple" = "$host" ]; then
  # For the host's own triple a `linker` setting also links build scripts and proc macros, so the
  # workspace's other release builds would rebuild everything after this one and back; rustflags
  # reach only the target's code when --target is given.
  export "CARGO_TARGET_${env_triple}_RUSTFLAGS=-C linker=$root/scripts/run/zig-cc.sh"
else
  export "CARGO_TARGET_${env_triple}_LINKER=$root/scripts/run/zig-cc.sh"
fi
export "CC_${triple//-/_}=$root/scripts/run/zig-cc.sh" "AR_${triple//-/_}=$root/scripts/run/zig-ar.sh"
cargo build --quiet --manifest-path "$root/Cargo.toml" --target "$triple" "${flags[@]}" >&2
echo "$target_dir/$triple/$profile/libiot_transfer_uniffi.so"
