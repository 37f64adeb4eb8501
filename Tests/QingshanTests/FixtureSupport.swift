import Foundation
import QingshanBuild
import QingshanCore
import XCTest

/// Helpers for whole-site tests over the fixture sites in Tests/QingshanTests/Fixtures.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of this test run's temporary folders (`qingshan-tests-PID` in the system's
    /// temporary folder): removed when the run ends, and the folders of runs that are gone
    /// removed when the next begins.
    static let runFolder: URL = {
        let base = FileManager.default.temporaryDirectory
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix("qingshan-tests-") {
            if let pid = Int32(name.dropFirst("qingshan-tests-".count)), kill(pid, 0) != 0, errno == ESRCH {
                try? fm.removeItem(at: base.appendingPathComponent(name))
            }
        }
        let folder = base.appendingPathComponent("qingshan-tests-\(getpid())")
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTestObservationCenter.shared.addTestObserver(RunFolderRemover(folder))
        return folder
    }()

    /// A new empty folder for one test, inside the run's folder.
    static func temporaryFolder(_ prefix: String = "qingshan-test") -> URL {
        runFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// Copies a fixture site into a fresh temporary folder so builds never touch the repository.
    static func copy(_ name: String) throws -> URL {
        let target = temporaryFolder()
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let site = target.appendingPathComponent("site")
        try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: site)
        return site
    }

    /// Copies the sample portal (site.yaml, content/, templates/, static/ at the repository root).
    static func copySample() throws -> URL {
        let target = temporaryFolder().appendingPathComponent("site")
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

    /// A copy of a fixture site built into the `public` folder beside it (a failed build fails
    /// the test); the output folder.
    static func built(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let site = try copy(name)
        let out = site.deletingLastPathComponent().appendingPathComponent("public")
        let (report, diagnostics) = build(site, output: out)
        XCTAssertNotNil(report, "\(diagnostics.all)", file: file, line: line)
        return out
    }

    /// What the built site's /search-index.json answers: the page URLs `term` leads to, and
    /// every document's URL and the index's terms as decoded.
    static func search(_ out: URL) throws -> (pages: (String) -> [String], docs: [[Any]], terms: [String: String]) {
        let data = Data(text(out, "search-index.json").utf8)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let docs = try XCTUnwrap(json["docs"] as? [[Any]])
        let terms = try XCTUnwrap(json["terms"] as? [String: String])
        let pages = { (term: String) -> [String] in
            var doc = 0
            return (terms[term] ?? "").split(separator: ",").compactMap { posting in
                let digits = posting.prefix { $0.isNumber || ($0.isLetter && $0.isASCII) }
                doc += Int(digits, radix: 36) ?? 0
                return docs[doc][0] as? String
            }
        }
        return (pages, docs, terms)
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

/// Removes a test run's temporary folders when the run ends.
final class RunFolderRemover: NSObject, XCTestObservation {
    let folder: URL

    init(_ folder: URL) {
        self.folder = folder
    }

    func testBundleDidFinish(_ testBundle: Bundle) {
        try? FileManager.default.removeItem(at: folder)
    }
}
