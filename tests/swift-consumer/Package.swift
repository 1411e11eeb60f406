// swift-tools-version:5.9
// A consumer of the IotTransfer package as an app developer writes one: the package added by
// path, built and tested with plain `swift build` and `swift test`, no flags.
// scripts/test/swift-binding.sh assembles it beside the package (../IotTransfer) and adds the
// binding's test suite (bindings-uniffi/tests/swift) as its test target.
import PackageDescription

let package = Package(
    name: "TransferApp",
    platforms: [.macOS(.v12)],
    dependencies: [.package(path: "../IotTransfer")],
    targets: [
        .executableTarget(name: "TransferApp", dependencies: [.product(name: "IotTransfer", package: "IotTransfer")]),
        .testTarget(name: "IotTransferTests", dependencies: [.product(name: "IotTransfer", package: "IotTransfer")]),
    ]
)
