// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Qingshan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qingshan", targets: ["qingshan"]),
        // The loaders and the Markdown renderer as a library, for the fuzzing package in Fuzz/.
        .library(name: "QingshanInputs", targets: ["QingshanLoad", "QingshanMarkdown", "QingshanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Makes cmark-gfm's global inline tables safe for concurrent parsers.
        .target(name: "CmarkGuard", dependencies: ["CCmarkGFM"], linkerSettings: [.linkedLibrary("dl")]),
        // A per-thread arena for cmark-gfm's allocations, released once per document.
        .target(name: "CmarkArena", dependencies: ["CCmarkGFM"]),
        // The one system call Swift's Glibc module does not offer: an atomic exchange of two paths.
        .target(name: "CQingshanSystem"),
        // Stage-independent basics: diagnostics, days, HTML escaping, Chinese text, URL paths.
        .target(name: "QingshanCore"),
        // The typed site model every stage shares.
        .target(
            name: "QingshanModel",
            dependencies: [
                "QingshanCore", "QingshanLedger", "QingshanCampaigns", "QingshanMonitoring", "QingshanRatings",
            ]),
        // Markdown through cmark-gfm with the CJK fixes.
        .target(name: "QingshanMarkdown", dependencies: ["QingshanCore", "CCmarkGFM", "CmarkGuard", "CmarkArena"]),
        // The complaint ledger (问题台账): records, the derivation rules as of a day, statistics.
        .target(name: "QingshanLedger", dependencies: ["QingshanCore"]),
        // Special campaigns (专项行动): tasks, milestones, metrics, progress and status as of a day.
        .target(name: "QingshanCampaigns", dependencies: ["QingshanCore"]),
        // Environmental monitoring: AQI (HJ 633), surface water (GB 3838), noise (GB 3096).
        .target(name: "QingshanMonitoring", dependencies: ["QingshanCore"]),
        .target(name: "QingshanRatings", dependencies: ["QingshanCore"]),
        // Stage 1+2: load and validate site.yaml, front matter and content files.
        .target(
            name: "QingshanLoad",
            dependencies: [
                "QingshanCore", "QingshanModel", "QingshanMarkdown", "QingshanLedger", "QingshanCampaigns",
                "QingshanMonitoring", "QingshanRatings", "Yams",
            ]
        ),
        // Stage 3: derive lists, tags, pagination and URLs.
        .target(
            name: "QingshanDerive",
            dependencies: [
                "QingshanCore", "QingshanModel", "QingshanLedger", "QingshanCampaigns", "QingshanMonitoring",
                "QingshanRatings",
            ]),
        // The built-in theme compiled to Swift (`make theme`): the view schema, a parser for the
        // part of Mustache the theme uses, the code writer.
        .target(name: "QingshanThemeCompiler"),
        .executableTarget(name: "qingshan-theme", dependencies: ["QingshanThemeCompiler"]),
        // Stage 4: templates, view models, feeds.
        .target(
            name: "QingshanRender",
            dependencies: [
                "QingshanCore", "QingshanModel", "QingshanDerive", "QingshanLedger", "QingshanCampaigns",
                "QingshanMonitoring", "QingshanRatings",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Full-text search of the portal: the tokenizer, the documents every page gives, the
        // index written as /search-index.json (kept by serve and patched per document).
        .target(
            name: "QingshanSearch",
            dependencies: ["QingshanCore", "QingshanModel", "QingshanDerive", "QingshanLedger"]),
        // qingshan new, init and spotcheck draw: a new article, a new site from the built-in
        // sample, a quarter's frozen spot-check sample.
        .target(
            name: "QingshanStarter", dependencies: ["QingshanCore", "QingshanModel", "QingshanLedger", "QingshanLoad"]),
        // Stage 5 and the pipeline: orchestration, parallelism, atomic writer.
        .target(
            name: "QingshanBuild",
            dependencies: [
                "QingshanCore", "QingshanModel", "QingshanMarkdown", "QingshanLoad", "QingshanDerive", "QingshanRender",
                "QingshanLedger", "QingshanCampaigns", "QingshanMonitoring", "QingshanRatings", "QingshanSearch",
                "CQingshanSystem",
            ]
        ),
        // qingshan serve: preview server (its own HTTP/1.1 on POSIX sockets) with rebuild on change and live reload.
        .target(
            name: "QingshanServe",
            dependencies: ["QingshanBuild", "QingshanCore"]
        ),
        .executableTarget(
            name: "qingshan",
            dependencies: [
                "QingshanBuild", "QingshanCore", "QingshanServe", "QingshanLoad", "QingshanStarter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QingshanTests",
            dependencies: [
                "QingshanCore", "QingshanModel", "QingshanMarkdown", "QingshanLoad", "QingshanDerive", "QingshanRender",
                "QingshanBuild", "QingshanLedger", "QingshanCampaigns", "QingshanMonitoring", "QingshanServe",
                "QingshanSearch", "QingshanStarter", "CmarkArena", "QingshanThemeCompiler", "QingshanRatings",
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
