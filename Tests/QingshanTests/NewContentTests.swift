import Foundation
import QingshanBuild
import QingshanCore
import XCTest

@testable import QingshanStarter

final class NewContentTests: XCTestCase {
    func testInitSiteBuildsAndRefusesANonEmptyFolder() throws {
        let root = Fixture.temporaryFolder("qingshan-init")
        let files = try NewContent.site(at: root.path)
        XCTAssertTrue(files.contains("site.yaml"))
        let diagnostics = Diagnostics()
        let report = BuildPipeline(options: BuildOptions(siteRoot: root.path, asOf: Day(iso: "2023-06-12")))
            .run(diagnostics: diagnostics)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(diagnostics.all.filter { $0.severity == .error }, [])
        XCTAssertFalse(Fixture.text(root.appendingPathComponent("public"), "ledger/index.html").isEmpty)
        XCTAssertThrowsError(try NewContent.site(at: root.path))
    }

    func testNewArticleAndRefusalToOverwrite() throws {
        let site = try Fixture.copy("basic")
        let day = try XCTUnwrap(Day(iso: "2024-03-05"))
        let path = try NewContent.article(siteRoot: site.path, section: "news", title: "春季扬尘检查", today: day)
        XCTAssertEqual(path, "content/news/2024-03-05-春季扬尘检查.md")
        let text = Fixture.text(site, path)
        XCTAssertTrue(text.contains("title: \"春季扬尘检查\"\ndate: 2024-03-05\n"))
        XCTAssertTrue(text.contains("draft: true"))
        XCTAssertThrowsError(try NewContent.article(siteRoot: site.path, section: "news", title: "春季扬尘检查", today: day))
        XCTAssertThrowsError(try NewContent.article(siteRoot: site.path, section: "blog", title: "x", today: day))
        XCTAssertEqual(
            try NewContent.article(siteRoot: site.path, section: "envday/2024", title: "活动安排", today: day),
            "content/envday/2024/2024-03-05-活动安排.md")
        // The new draft builds with --drafts.
        let (report, diagnostics) = Fixture.build(site, asOf: Day(iso: "2024-03-31"), drafts: true)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
    }
}

/// Results gathered from several threads.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(status: Int32, out: String, err: String)?] = []

    func append(_ item: (status: Int32, out: String, err: String)?) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [(status: Int32, out: String, err: String)?] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
