import Foundation
import QingshanBuild
import QingshanCore
import XCTest

/// serve's rebuild equals a full build, byte for byte and diagnostic for diagnostic, on every
/// fixture site and the sample portal, after each kind of edit an editor makes.
final class IncrementalEverySiteTests: XCTestCase {
    func build(_ site: URL, into output: URL, session: BuildSession?) -> ([Diagnostic], Bool) {
        let diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: site.path, outputDir: output.path, mode: session.map { .serve($0) } ?? .build)
        let report = BuildPipeline(options: options).run(diagnostics: diagnostics)
        return (diagnostics.all, report != nil)
    }

    /// The first article of the site (news first), relative to it.
    func firstArticle(_ site: URL) -> String? {
        for section in ["news", "notices", "science", "press", "pages"] {
            let folder = site.appendingPathComponent("content/" + section)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            if let name = names.filter({ $0.hasSuffix(".md") }).sorted().first { return "content/\(section)/\(name)" }
        }
        return nil
    }

    func edits(_ site: URL) -> [(String, () throws -> Void)] {
        func edit(_ path: String, _ change: @escaping (String) -> String) throws {
            let url = site.appendingPathComponent(path)
            try change(Fixture.text(site, path)).write(to: url, atomically: true, encoding: .utf8)
        }
        var out: [(String, () throws -> Void)] = []
        if let article = firstArticle(site) {
            out += [
                ("title", { try edit(article) { $0.replacingOccurrences(of: "title: ", with: "title: 改") } }),
                ("body", { try edit(article) { $0 + "\n新增一段，含 **加粗** 和[链接](/news/)。\n" } }),
            ]
        }
        let added = "content/news/2023-06-20-added.md"
        out += [
            (
                "new article",
                {
                    try FileManager.default.createDirectory(
                        at: site.appendingPathComponent("content/news"), withIntermediateDirectories: true)
                    try "---\ntitle: 新增文章\ndate: 2023-06-20\ntags: [新标签]\n---\n正文。\n".write(
                        to: site.appendingPathComponent(added), atomically: true, encoding: .utf8)
                }
            ),
            (
                "new article's date",
                { try edit(added) { $0.replacingOccurrences(of: "2023-06-20", with: "2023-06-21") } }
            ),
            ("deleted article", { try FileManager.default.removeItem(at: site.appendingPathComponent(added)) }),
            (
                "site.yaml title",
                {
                    try edit("site.yaml") {
                        $0.hasPrefix("title: ")
                            ? "title: 新" + $0.dropFirst(7)
                            : $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: 新")
                    }
                }
            ),
        ]
        for data in ["content/data/ledger.yaml", "content/data/campaigns.yaml", "content/data/air.csv"]
        where FileManager.default.fileExists(atPath: site.appendingPathComponent(data).path) {
            out.append(("data file \(data)", { try edit(data) { $0 + "\n" } }))
        }
        return out
    }

    func check(_ site: URL, name: String) throws {
        let work = site.deletingLastPathComponent()
        let incremental = work.appendingPathComponent("incremental")
        let session = BuildSession()
        _ = build(site, into: incremental, session: session)
        for (index, (edit, change)) in edits(site).enumerated() {
            try change()
            let (cached, cachedOK) = build(site, into: incremental, session: session)
            let full = work.appendingPathComponent("full-\(index)")
            let (fresh, freshOK) = build(site, into: full, session: nil)
            XCTAssertEqual(cachedOK, freshOK, "\(name), \(edit)")
            XCTAssertEqual(cached, fresh, "\(name), \(edit): the same diagnostics")
            guard freshOK else { continue }
            let a = Fixture.tree(incremental)
            let b = Fixture.tree(full)
            XCTAssertEqual(Set(a.keys), Set(b.keys), "\(name), \(edit): the same files")
            for (path, data) in b where a[path] != data {
                XCTFail("\(name), \(edit): \(path) differs from the full build")
            }
            try? FileManager.default.removeItem(at: full)
        }
    }

    func testEveryFixture() throws {
        for name in ["basic", "campaigns", "ledger", "monitoring", "publishing"] {
            try check(try Fixture.copy(name), name: name)
        }
    }

    func testTheSamplePortal() throws {
        try check(try Fixture.copySample(), name: "sample")
    }
}
