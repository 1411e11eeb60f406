// swift-tools-version:5.9
// The Swift package of iot-transfer, as a consumer gets it: scripts/build/swift-package.sh
// assembles it around this manifest with the generated Swift source, the FFI's C header and
// module map, and the Rust core as a static library for each Linux architecture built
// (lib/<triple>/libiot_transfer_uniffi.a). A consumer adds it with `.package(path: ...)` and
// builds with plain `swift build` / `swift test`: the manifest itself points the linker at the
// library, and the library is static, so the app needs no library path at run time either.
//
// SwiftPM lets only a root package or a local (path) dependency pass linker flags
// (`unsafeFlags`); a dependency by URL and version may not. So on Linux the package is consumed
// by path (an unpacked release or a git submodule). On Apple platforms the manifest uses the
// XCFramework that scripts/build/xcframework.sh makes on a Mac (docs/apple.md), which SwiftPM
// takes from any kind of dependency.
import PackageDescription

#if os(Linux)
    #if arch(x86_64)
        let triple = "x86_64-unknown-linux-gnu"
    #elseif arch(arm64)
        let triple = "aarch64-unknown-linux-gnu"
    #else
        #error("iot-transfer ships its native library for Linux on x86_64 and arm64 only")
    #endif
    let native: Target = .systemLibrary(name: "IotTransferFFI", path: "Sources/IotTransferFFI")
    let linking: [LinkerSetting] = [
        .linkedLibrary("iot_transfer_uniffi"),
        .unsafeFlags(["-L", Context.packageDirectory + "/lib/" + triple]),
    ]
#else
    let native: Target = .binaryTarget(name: "IotTransferFFI", path: "lib/IotTransferFFI.xcframework")
    let linking: [LinkerSetting] = []
#endif

let package = Package(
    name: "IotTransfer",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [.library(name: "IotTransfer", targets: ["IotTransfer"])],
    targets: [
        native,
        .target(name: "IotTransfer", dependencies: ["IotTransferFFI"], linkerSettings: linking),
    ]
)
