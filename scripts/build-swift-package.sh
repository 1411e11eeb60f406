#!/usr/bin/env bash
# Assembles the Swift package of the uniffi bindings in target/uniffi/swift-package: the manifest,
# the generated Swift source, the FFI header and module map, the tests, and lib/ with the native
# library. Prints the package folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
uniffi=$("$root/scripts/build-uniffi.sh")
package="$uniffi/swift-package"
rm -rf "$package"
mkdir -p "$package/Sources/IotTransferFFI" "$package/Sources/IotTransfer" "$package/Tests/IotTransferTests" "$package/lib"
cp "$root/bindings-uniffi/swift/Package.swift" "$package/"
cp "$uniffi/swift/IotTransferFFI.h" "$package/Sources/IotTransferFFI/"
# SwiftPM looks for module.modulemap in a system-library target.
cp "$uniffi/swift/IotTransferFFI.modulemap" "$package/Sources/IotTransferFFI/module.modulemap"
cp "$uniffi/swift/IotTransfer.swift" "$package/Sources/IotTransfer/"
# Hand-written additions to the generated client (task cancellation).
cp "$root/bindings-uniffi/swift/TaskCancellation.swift" "$root/bindings-uniffi/swift/Pages.swift" "$package/Sources/IotTransfer/"
cp "$root"/bindings-uniffi/tests/swift/*.swift "$package/Tests/IotTransferTests/"
cp "$uniffi/libiot_transfer_uniffi.so" "$package/lib/"
echo "$package"
