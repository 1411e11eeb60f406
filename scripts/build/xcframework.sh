#!/usr/bin/env bash
# Builds the Apple side of the Swift package on a Mac: the static library of the uniffi bindings
# (crate iot-transfer-uniffi-static) for macOS (arm64 + x86_64), iOS devices (arm64) and the iOS
# simulator (arm64 + x86_64), joined with lipo and wrapped with the FFI's header and module map
# into IotTransferFFI.xcframework inside the assembled package, where its manifest looks for it
# (lib/IotTransferFFI.xcframework, see bindings-uniffi/swift/Package.swift).
#
# Needs macOS with Xcode (xcodebuild, lipo) and rustup. It is NOT built or tested on the Linux
# machines this project's CI runs on: there is no Apple SDK there. See docs/apple.md.
#
# Usage: scripts/build/xcframework.sh [PACKAGE_DIR]   (default: the package scripts/build/swift-package.sh assembles)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$(dirname "$0")/../lib/env.sh"
[ "$(uname -s)" = Darwin ] || { echo "build-xcframework: needs macOS with Xcode (this is $(uname -s)); see docs/apple.md" >&2; exit 2; }
for tool in xcodebuild lipo rustup cargo; do
  command -v "$tool" >/dev/null || { echo "build-xcframework: '$tool' is missing" >&2; exit 2; }
done
package="${1:-$("$root/scripts/build/swift-package.sh")}"

macos=(aarch64-apple-darwin x86_64-apple-darwin)
ios=(aarch64-apple-ios)
simulator=(aarch64-apple-ios-sim x86_64-apple-ios)
rustup target add "${macos[@]}" "${ios[@]}" "${simulator[@]}" >&2
# The mobile library: no `unify` (test builds only), no shared configuration (iOS has no shared
# files or instance metadata), built for size: the profile and features of scripts/lib/env.sh, as
# scripts/test/native-size.sh measures them (docs/size.md, "Native"). The macOS slices are the
# same library, so one Swift API behaves alike on every platform.
mapfile -t mobile < <(mobile_cargo_args)
for triple in "${macos[@]}" "${ios[@]}" "${simulator[@]}"; do
  cargo build "${mobile[@]}" -p iot-transfer-uniffi-static --target "$triple" >&2
done

work="$root/target/xcframework"
rm -rf "$work" "$package/lib/IotTransferFFI.xcframework"
mkdir -p "$work/headers" "$work/macos" "$work/ios" "$work/simulator"
# The header and module map uniffi generated for the package's system-library target.
cp "$package/Sources/IotTransferFFI/IotTransferFFI.h" "$package/Sources/IotTransferFFI/module.modulemap" "$work/headers/"
lib() { echo "${CARGO_TARGET_DIR:-$root/target}/$1/$mobile_profile/libiot_transfer_uniffi_static.a"; }
fat() {
  local out="$1"; shift
  local inputs=()
  for triple in "$@"; do inputs+=("$(lib "$triple")"); done
  lipo -create "${inputs[@]}" -output "$out/libiot_transfer_uniffi.a"
}
fat "$work/macos" "${macos[@]}"
fat "$work/ios" "${ios[@]}"
fat "$work/simulator" "${simulator[@]}"
xcodebuild -create-xcframework \
  -library "$work/macos/libiot_transfer_uniffi.a" -headers "$work/headers" \
  -library "$work/ios/libiot_transfer_uniffi.a" -headers "$work/headers" \
  -library "$work/simulator/libiot_transfer_uniffi.a" -headers "$work/headers" \
  -output "$package/lib/IotTransferFFI.xcframework" >&2
echo "$package/lib/IotTransferFFI.xcframework"
