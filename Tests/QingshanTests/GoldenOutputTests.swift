import Foundation
import QingshanBuild
import QingshanCore
import QingshanRender
import XCTest

/// Golden output for the pages whose exact bytes matter most. Regenerate after an intended
/// change with `QINGSHAN_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests`.
final class GoldenOutputTests: XCTestCase {
    static let pages = ["index.html", "news/gfm/index.html", "feed.xml", "sitemap.xml", "robots.txt"]

    func testBasicSiteMatchesGolden() throws {
        let site = try Fixture.copy("basic")
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let golden = Fixture.root.appendingPathComponent("basic.golden")
        let update = ProcessInfo.processInfo.environment["QINGSHAN_UPDATE_GOLDEN"] == "1"
        for page in Self.pages {
            let actual = Fixture.text(out, page)
            let file = golden.appendingPathComponent(page)
            if update {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(actual, Fixture.text(golden, page), "\(page) differs from Fixtures/basic.golden/\(page)")
        }
    }
}
