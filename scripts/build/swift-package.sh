#!/usr/bin/env bash
# Assembles the Swift package of the uniffi bindings as a consumer gets it, in
# target/uniffi/swift-work/IotTransfer: the manifest, the generated Swift source and the
# hand-written additions, the FFI header and module map, and the Rust core as a static library,
# lib/<host triple>/libiot_transfer_uniffi.a (crate iot-transfer-uniffi-static; a debug build
# stripped of its debug info, 190 MB rather than 535). Prints the package folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
uniffi=$("$root/scripts/build/uniffi.sh")
cargo build --quiet -p iot-transfer-uniffi-static
package="$uniffi/swift-work/IotTransfer"
# The Linux triple the manifest picks by the host's architecture.
triple="$(rustc -vV | sed -n 's/^host: //p')"
rm -rf "$package"
mkdir -p "$package/Sources/IotTransferFFI" "$package/Sources/IotTransfer" "$package/lib/$triple"
cp "$root/bindings-uniffi/swift/Package.swift" "$package/"
cp "$uniffi/swift/IotTransferFFI.h" "$package/Sources/IotTransferFFI/"
# SwiftPM looks for module.modulemap in a system-library target.
cp "$uniffi/swift/IotTransferFFI.modulemap" "$package/Sources/IotTransferFFI/module.modulemap"
cp "$uniffi/swift/IotTransfer.swift" "$package/Sources/IotTransfer/"
# Hand-written additions to the generated client (pages and batch events as AsyncSequences).
cp "$root/bindings-uniffi/swift/Pages.swift" "$root/bindings-uniffi/swift/Batches.swift" "$package/Sources/IotTransfer/"
# The AWS SDK for Swift's shape where it follows the core's declarations (a paginated method per
# list operation, an events method per batch, ...), written from them by codegen (`iot-transfer-generate swift`).
cargo run --quiet -p iot-transfer-codegen -- swift "$package/Sources/IotTransfer"
strip --strip-debug -o "$package/lib/$triple/libiot_transfer_uniffi.a" "$root/target/debug/libiot_transfer_uniffi_static.a"
echo "$package"
