// swift-tools-version:5.9
// The Swift package of iot-transfer. scripts/build-swift-package.sh assembles it around this
// manifest: the generated Swift source, the C header and module map of the FFI, and the native
// library, which an app links with `-Xlinker -L<dir>` (or by installing it on the library path).
import PackageDescription

let package = Package(
    name: "IotTransfer",
    products: [.library(name: "IotTransfer", targets: ["IotTransfer"])],
    targets: [
        .systemLibrary(name: "IotTransferFFI", path: "Sources/IotTransferFFI"),
        .target(
            name: "IotTransfer",
            dependencies: ["IotTransferFFI"],
            linkerSettings: [.linkedLibrary("iot_transfer_uniffi")]
        ),
        .testTarget(name: "IotTransferTests", dependencies: ["IotTransfer"]),
    ]
)
