import Foundation
import QingshanCore
import QingshanLoad
import QingshanModel
import XCTest

@testable import QingshanRender

/// Pages pass through a sink a batch at a time, in order: a full build holds one batch of
/// rendered pages, not all of them.
final class PageSinkTests: XCTestCase {
    final class Batches: @unchecked Sendable {
        var sizes: [Int] = []
    }

    func testPagesReachTheSinkInBatchesAndInOrder() throws {
        let diagnostics = Diagnostics()
        let config = try XCTUnwrap(
            SiteConfigLoader.parse(Fixture.text(try Fixture.copy("basic"), "site.yaml"), diagnostics: diagnostics))
        let theme = try XCTUnwrap(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        let chrome = PageChrome(
            config: config, theme: theme, asOf: try XCTUnwrap(Day(iso: "2023-06-30")), singlePages: [])
        let batches = Batches()
        let count = 2 * PageChrome.sinkBatch + 7
        let files = chrome.renderAll(
            Array(0..<count), key: { RenderKey("\($0)") },
            sink: { pages in
                batches.sizes.append(pages.count)
                return pages.map { OutputFile(path: $0.path, data: Data(), origin: $0.origin) }
            },
            render: { OutputFile(path: "p\($0)/index.html", text: "<p>\($0)</p>") })
        XCTAssertEqual(batches.sizes, [PageChrome.sinkBatch, PageChrome.sinkBatch, 7])
        XCTAssertEqual(files.map(\.path), (0..<count).map { "p\($0)/index.html" })
        XCTAssertTrue(files.allSatisfy(\.data.isEmpty), "what the sink returns is kept")
    }
}
