import Foundation
import QingshanCore
import QingshanModel
import XCTest

@testable import QingshanBuild

/// The output folder is only ever one Qingshan made: a user's folder is refused, never moved
/// or deleted; an internal edition never lands inside or above a public build; nothing of a
/// failed build stays on disk; the swap leaves no moment without an output folder.
final class OutputPlacementTests: XCTestCase {
    let fm = FileManager.default

    func page(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, text: text) }

    /// A folder with the user's files (a `.git/`, a CNAME) is refused by every path that could
    /// replace it, twice in a row, and left exactly as it was.
    func testAFolderQingshanDidNotMakeIsRefusedAndKept() throws {
        let site = try Fixture.copy("basic")
        let mine = site.deletingLastPathComponent().appendingPathComponent("www")
        try fm.createDirectory(at: mine.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: main\n".utf8).write(to: mine.appendingPathComponent(".git/HEAD"))
        try Data("example.gov.cn\n".utf8).write(to: mine.appendingPathComponent("CNAME"))
        let before = Fixture.tree(mine)

        let problem = OutputPlacement.problem(output: mine.path, site: site.path, edition: .public)
        XCTAssertTrue(problem?.contains(mine.path) ?? false, problem ?? "accepted")
        for _ in 0..<2 {
            let (report, diagnostics) = Fixture.build(site, output: mine)
            XCTAssertNil(report)
            XCTAssertTrue(diagnostics.all.contains { $0.message.contains("不是青山生成的") })
            XCTAssertThrowsError(
                try OutputWriter(outputDir: mine.path).write(files: [page("index.html", "x")], copies: []))
        }
        XCTAssertEqual(Fixture.tree(mine), before)
        let siblings = try fm.contentsOfDirectory(atPath: mine.deletingLastPathComponent().path).sorted()
        XCTAssertEqual(siblings, ["site", "www"], "no hidden .www.prev or staging folder")
    }

    /// Qingshan's own output carries the mark; an empty folder and a missing one are fine; a
    /// file in the way is refused.
    func testItsOwnOutputIsMarkedAndReplaced() throws {
        let site = try Fixture.copy("basic")
        let empty = site.deletingLastPathComponent().appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertNotNil(Fixture.build(site, output: empty).0)
        XCTAssertEqual(
            fm.contents(atPath: empty.appendingPathComponent(OutputMarker.fileName).path),
            OutputMarker.contents(.public))
        XCTAssertNotNil(Fixture.build(site, output: empty).0, "its own output is replaced")
        XCTAssertNotNil(Fixture.build(site).0)
        XCTAssertNotNil(Fixture.build(site).0)
        let file = site.deletingLastPathComponent().appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        XCTAssertNotNil(OutputPlacement.problem(output: file.path, site: site.path, edition: .public))
    }

    /// An internal edition inside a public build (or a public build of the other edition's
    /// folder) is refused: complainants' phone numbers would land in the web root.
    func testTheInternalEditionStaysOutOfThePublicBuild() throws {
        let site = try Fixture.copy("ledger")
        let web = site.deletingLastPathComponent().appendingPathComponent("web/hbj")
        XCTAssertNotNil(Fixture.build(site, output: web).0)
        for inside in [web.appendingPathComponent("internal"), web.appendingPathComponent("a/b")] {
            let problem = OutputPlacement.problem(output: inside.path, site: site.path, edition: .internal)
            XCTAssertTrue(problem?.contains(web.path) ?? false, problem ?? "accepted")
        }
        // Above the public build: a folder that is not Qingshan's (it holds the public build).
        XCTAssertNotNil(
            OutputPlacement.problem(
                output: web.deletingLastPathComponent().path, site: site.path, edition: .internal))
        XCTAssertNotNil(OutputPlacement.problem(output: web.path, site: site.path, edition: .internal))
        let diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: site.path, outputDir: web.appendingPathComponent("internal").path, edition: .internal)
        XCTAssertNil(BuildPipeline(options: options).run(diagnostics: diagnostics))
        XCTAssertFalse(fm.fileExists(atPath: web.appendingPathComponent("internal").path))
    }

    /// A build stopped by the privacy guard leaves nothing beside the output: no staging
    /// folder, no spare holding the refused pages.
    func testABlockedBuildLeavesNothingOnDisk() throws {
        let site = try Fixture.copy("basic")
        XCTAssertNotNil(Fixture.build(site).0)
        let leak = "13912345678"
        try Data("---\ntitle: 泄露\ndate: 2023-06-01\n---\n联系电话 \(leak)。\n".utf8)
            .write(to: site.appendingPathComponent("content/news/2023-06-01-leak.md"))
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertTrue(diagnostics.hasErrors)
        let entries = try fm.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".public") }
        XCTAssertEqual(entries, [], "a staging or spare folder of the failed build stayed")
        let pid = ProcessInfo.processInfo.processIdentifier
        XCTAssertFalse(fm.fileExists(atPath: site.appendingPathComponent(".public.tmp-\(pid)").path))
        for (_, data) in Fixture.tree(site.appendingPathComponent("public")) {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(leak))
        }
    }

    /// The swap is one exchange: the old tree ends up as the spare, the new one in place.
    func testTheSwapExchangesInOneStep() throws {
        let root = Fixture.temporaryFolder("qingshan-swap")
        let out = root.appendingPathComponent("public")
        try OutputWriter(outputDir: out.path).write(files: [page("index.html", "one")], copies: [])
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        try fm.createDirectory(at: a, withIntermediateDirectories: true)
        try fm.createDirectory(at: b, withIntermediateDirectories: true)
        try Data("A".utf8).write(to: a.appendingPathComponent("f"))
        try Data("B".utf8).write(to: b.appendingPathComponent("f"))
        XCTAssertEqual(qingshanExchange(a.path, b.path), 0, String(cString: strerror(errno)))
        XCTAssertEqual(fm.contents(atPath: a.appendingPathComponent("f").path), Data("B".utf8))
        try OutputWriter(outputDir: out.path).write(files: [page("index.html", "two")], copies: [])
        XCTAssertEqual(Fixture.tree(out), ["index.html": Data("two".utf8)])
        XCTAssertEqual(
            Fixture.tree(root.appendingPathComponent(".public.prev")), ["index.html": Data("one".utf8)])
    }

    /// Paths with one-letter folders (`a/index.html`, `f/x`) are staged, written and removed
    /// without trapping (Foundation's NSString path functions did).
    func testOneLetterFoldersBuildAndUpdate() throws {
        let site = try Fixture.copy("basic")
        try Data("---\ntitle: 甲\ndate: 2023-06-01\n---\n正文。\n".utf8)
            .write(to: site.appendingPathComponent("content/pages/a.md"))
        try fm.createDirectory(at: site.appendingPathComponent("static/f/g"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("static/f/g/x.txt"))
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.message).joined(separator: "\n"))
        let out = site.appendingPathComponent("public")
        XCTAssertFalse(Fixture.text(out, "a/index.html").isEmpty)
        XCTAssertEqual(Fixture.text(out, "f/g/x.txt"), "x")
        XCTAssertEqual(PathText.parent("a"), "")
        XCTAssertEqual(PathText.parent("f/x"), "f")
        XCTAssertEqual(PathText.ancestors("a/b/c"), ["a/b", "a"])
        XCTAssertEqual(PathText.fileExtension("f/Report.PDF"), "pdf")
        XCTAssertEqual(PathText.fileExtension(".hidden"), "")
        // serve's update removes a one-letter page that went away.
        let writer = OutputWriter(outputDir: out.path)
        let previous = ["a/index.html": Data("a".utf8)]
        _ = try writer.update(
            files: [], copies: [], current: [:], previous: previous, previousCopies: [:])
        XCTAssertFalse(fm.fileExists(atPath: out.appendingPathComponent("a").path))
    }
}
