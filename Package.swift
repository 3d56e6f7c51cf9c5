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
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Already in Hummingbird's graph; named because PlayhubServer imports them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
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
        // `playhub serve`: the preview server, file watcher and live reload. Its own target so
        // the HTTP stack never slows the Kit's unit tests.
        .target(
            name: "PlayhubServer",
            dependencies: [
                "PlayhubKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The command line: argument parsing, printing and exit codes.
        .target(
            name: "PlayhubCLI",
            dependencies: [
                "PlayhubKit",
                "PlayhubServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "playhub", dependencies: ["PlayhubCLI"]),
        .testTarget(name: "PlayhubKitTests", dependencies: ["PlayhubKit"]),
        // Helpers shared by the end-to-end and server tests (sites written as text).
        .target(name: "PlayhubTestSupport", dependencies: ["PlayhubKit"], path: "Tests/PlayhubTestSupport"),
        .testTarget(
            name: "PlayhubEndToEndTests",
            dependencies: ["PlayhubKit", "PlayhubCLI", "PlayhubTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PlayhubServerTests",
            dependencies: ["PlayhubServer", "PlayhubKit", "PlayhubCLI", "PlayhubTestSupport"]
        ),
    ]
)
