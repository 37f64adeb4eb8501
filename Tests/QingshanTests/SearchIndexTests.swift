import Foundation
import QingshanBuild
import QingshanCore
import QingshanRender
import XCTest

@testable import QingshanSearch

/// /search-index.json holds every article's words: a two-character word of an article leads
/// to it; the index stays well under the size of the text it covers.
final class SearchIndexTests: XCTestCase {
    func testTwoCharacterWordFindsTheArticle() throws {
        let site = try Fixture.copy("basic")
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let (documents, _, terms) = try Fixture.search(out)
        XCTAssertTrue(documents("排版").contains("/gxq/hbj/news/gfm/"), "a title word")
        XCTAssertTrue(documents("清单").contains("/gxq/hbj/news/gfm/"), "a body word")
        XCTAssertTrue(documents("改善").contains("/gxq/hbj/news/second/"))
        XCTAssertTrue(documents("aqi").contains("/gxq/hbj/news/gfm/"), "Latin words, lower-cased")
        XCTAssertTrue(terms["清单"]?.contains("!") == false, "清单 is not in the title")
        XCTAssertTrue(Fixture.text(out, "search/index.html").contains("<noscript>"))
    }

    /// An index kept between builds patches only the changed documents and terms, and gives the
    /// bytes a fresh build gives: after an edit that adds and drops terms, and after a new document.
    func testAPatchedIndexEqualsAFreshOne() throws {
        func doc(_ n: Int, _ title: String, _ body: String, revision: Int) -> SearchDocument {
            SearchDocument(
                url: "/news/\(n)/", title: title, date: nil, kind: "工作动态", snippet: body, text: [title, body],
                revision: revision)
        }
        var documents = [
            doc(0, "空气质量通报", "本月空气质量良好，PM2.5 浓度下降。", revision: 1),
            doc(1, "噪声整治", "夜间施工噪声投诉处理情况。", revision: 2),
            doc(2, "水质监测", "河流断面水质达到 III 类。", revision: 3),
        ]
        // Chunks of three entries: the patch crosses chunk boundaries and adds terms to them.
        let kept = SearchIndex(keepsState: true, chunkSize: 3)
        XCTAssertNil(kept.build(documents).changed, "the first build is new throughout")
        documents[1] = doc(1, "噪声专项整治", "夜间施工投诉已全部办结，新增隔音屏障。", revision: 4)
        let patched = kept.build(documents)
        XCTAssertEqual(String(decoding: patched.data, as: UTF8.self), SearchIndex.build(documents))
        let changed = String(decoding: try XCTUnwrap(patched.changed), as: UTF8.self)
        XCTAssertTrue(changed.contains("隔音屏障") && changed.contains("\"屏障\""), changed)
        XCTAssertFalse(changed.contains("空气质量良好"), "unchanged documents are not in the delta")

        documents.append(doc(3, "新文章", "全新的一篇。", revision: 5))
        let grown = kept.build(documents)
        XCTAssertNil(grown.changed, "a different list of documents is built afresh")
        XCTAssertEqual(String(decoding: grown.data, as: UTF8.self), SearchIndex.build(documents))
    }

    /// A full build fed in two parts (articles while the pages render, the other pages after)
    /// gives the bytes of one build over all documents, the cut inside a batch or on its edge.
    func testAnIndexBuiltInTwoPartsEqualsOneBuild() {
        let words = ["空气", "质量", "噪声", "投诉", "水质", "断面", "PM2.5", "整治", "AQI", "通报"]
        let documents = (0..<1_100).map { n in
            SearchDocument(
                url: "/news/\(n)/", title: words[n % 10] + words[(n / 10) % 10], date: nil, kind: "工作动态",
                snippet: "", text: [words[(n * 7) % 10], words[(n * 3) % 10] + "第\(n)号"])
        }
        let whole = SearchIndex.build(documents)
        for cut in [0, 1, 511, 512, 513, 1_100] {
            let index = SearchIndex()
            let started = index.start(Array(documents[..<cut]))
            let data = index.finish(started, adding: Array(documents[cut...])).data
            XCTAssertEqual(String(decoding: data, as: UTF8.self), whole, "cut at \(cut)")
        }
    }

    /// A full build counts each document's bigrams in a table that grows as they come; an index
    /// that keeps its terms (serve) sorts them: both give the same bytes, for documents with
    /// many distinct bigrams (the table doubles several times) and repeated ones.
    func testCountedTermsEqualSortedTerms() {
        let han = Array("生态环境局开展大气污染防治专项行动提升群众满意度确保黑臭水体动态清零噪声扰民排查整治")
        let documents = (0..<40).map { n in
            let body = (0..<(n * 40)).map { String(han[($0 * 7 + n) % han.count]) }.joined()
            return SearchDocument(
                url: "/news/\(n)/", title: String(han[n % han.count]) + "通报", date: nil, kind: "工作动态",
                snippet: "", text: [body, body.prefix(n * 3) + "PM2.5 第\(n)号"])
        }
        let kept = SearchIndex(keepsState: true).build(documents).data
        XCTAssertEqual(String(decoding: kept, as: UTF8.self), SearchIndex.build(documents))
        XCTAssertTrue(SearchIndex.build(documents).contains("\"通报\""))
    }
}
