// swift-tools-version:5.9
// The Swift package of vodkit: a Swift layer (`Vodkit`) over the C library,
// shipped as an xcframework of static libraries (`CVodkit`: iOS device,
// iOS simulator arm64 + x86_64, macOS universal) that
// `scripts/apple-xcframework` builds. A release replaces the local path with
// the archive's URL and the checksum the script prints.
import PackageDescription

let package = Package(
    name: "Vodkit",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [
        .library(name: "Vodkit", targets: ["Vodkit"]),
    ],
    targets: [
        .binaryTarget(name: "CVodkit", path: "CVodkit.xcframework"),
        .target(name: "Vodkit", dependencies: ["CVodkit"]),
        .testTarget(name: "VodkitTests", dependencies: ["Vodkit"]),
    ]
)
