// swift-tools-version: 6.1
// libFuzzer harnesses for Qingshan's input parsers. A separate package: the main package never
// sees it. Build with `make fuzz` at the repository root, or see README.md.
import PackageDescription

let inputs: Target.Dependency = .product(name: "QingshanInputs", package: "Qingshan")

let package = Package(
    name: "QingshanFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Qingshan", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [inputs]),
        // libFuzzer's main for SwiftPM's renamed entry point (see FuzzEntry.h).
        .target(name: "FuzzEntry"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", "FuzzEntry", inputs]),
        .executableTarget(name: "FuzzLedger", dependencies: ["FuzzSupport", "FuzzEntry", inputs]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "FuzzEntry", inputs]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", "FuzzEntry", inputs]),
        .executableTarget(name: "FuzzSiteConfig", dependencies: ["FuzzSupport", "FuzzEntry", inputs]),
    ]
)
