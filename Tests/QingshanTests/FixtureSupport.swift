import Foundation
import QingshanBuild
import QingshanCore
import XCTest

/// Helpers for whole-site tests over the fixture sites in Tests/QingshanTests/Fixtures.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Copies a fixture site into a fresh temporary folder so builds never touch the repository.
    static func copy(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("qingshan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let site = target.appendingPathComponent("site")
        try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: site)
        return site
    }

    /// Copies the sample portal (site.yaml, content/, templates/, static/ at the repository root).
    static func copySample() throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("qingshan-test-\(UUID().uuidString)").appendingPathComponent("site")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for item in ["site.yaml", "content", "templates", "static"] {
            let source = repositoryRoot.appendingPathComponent(item)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            try FileManager.default.copyItem(at: source, to: target.appendingPathComponent(item))
        }
        return target
    }

    static func build(_ site: URL, output: URL? = nil, asOf: Day? = nil, drafts: Bool = false)
        -> (BuildReport?, Diagnostics)
    {
        let diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: site.path, outputDir: output?.path, asOf: asOf, includeDrafts: drafts)
        let report = BuildPipeline(options: options).run(diagnostics: diagnostics)
        return (report, diagnostics)
    }

    /// Every file below `folder` with its bytes, keyed by relative path.
    static func tree(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return out }
        while let item = enumerator.nextObject() as? String {
            if item == OutputMarker.fileName { continue }  // OutputPlacementTests look at it
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                out[item] = FileManager.default.contents(atPath: folder.path + "/" + item)
            }
        }
        return out
    }

    /// Marks a folder a test filled by hand as a public build, as Qingshan marks its own.
    static func markAsOutput(_ folder: URL) throws {
        try OutputMarker.contents(.public).write(to: folder.appendingPathComponent(OutputMarker.fileName))
    }

    static func text(_ folder: URL, _ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }
}
