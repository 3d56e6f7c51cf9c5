// swift-tools-version:6.0
// The libFuzzer target over content, site.json and template loading, kept out of the main
// package because it only links with `-sanitize=fuzzer`. Run it with `make fuzz` (see the Makefile).
import PackageDescription

let package = Package(
    name: "playhub-fuzz",
    dependencies: [.package(name: "playhub", path: "..")],
    targets: [
        .executableTarget(
            name: "ContentFuzzer",
            dependencies: [.product(name: "PlayhubKit", package: "playhub")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
