// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "playhub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "playhub", targets: ["playhub"]),
        .library(name: "PlayhubKit", targets: ["PlayhubKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The whole build pipeline as a library: it never prints and never exits.
        .target(
            name: "PlayhubKit",
            dependencies: [
                "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command line: argument parsing, printing and exit codes.
        .target(
            name: "PlayhubCLI",
            dependencies: [
                "PlayhubKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "playhub", dependencies: ["PlayhubCLI"]),
        .testTarget(name: "PlayhubKitTests", dependencies: ["PlayhubKit"]),
        .testTarget(
            name: "PlayhubEndToEndTests",
            dependencies: ["PlayhubKit", "PlayhubCLI"],
            exclude: ["Fixtures"]
        ),
    ]
)
