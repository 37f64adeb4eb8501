import Foundation
import XCTest
import Yams

@testable import QingshanLoad

/// The plain-YAML composer gives Yams' tree, positions included, for every document it takes,
/// and leaves everything else to Yams.
final class PlainYAMLTests: XCTestCase {
    func yams(_ text: String) throws -> YAMLNode? {
        try Yams.compose(yaml: text, .basic, .default, .utf8).flatMap {
            YAMLNode.converting($0, budget: YAMLNode.nodeBudget(byteCount: text.utf8.count))
        }
    }

    /// Every front matter, data file and site.yaml of the fixtures and the sample portal.
    func testEveryFileOfTheFixturesAndTheSampleComposesLikeYams() throws {
        var documents: [(String, String)] = []
        if let site = FileManager.default.contents(
            atPath: Fixture.repositoryRoot.appendingPathComponent("site.yaml").path)
        {
            documents.append(("site.yaml", String(decoding: site, as: UTF8.self)))
        }
        for root in [Fixture.root, Fixture.repositoryRoot.appendingPathComponent("content")] {
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let item = enumerator.nextObject() as? String {
                guard let data = FileManager.default.contents(atPath: root.path + "/" + item),
                    let text = String(data: data, encoding: .utf8)
                else { continue }
                if item.hasSuffix(".yaml") {
                    documents.append((item, text))
                } else if item.hasSuffix(".md"), text.hasPrefix("---\n"),
                    let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
                {
                    documents.append((item, String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])))
                }
            }
        }
        var plain = 0
        for (name, text) in documents {
            guard let fast = PlainYAML.compose(text) else { continue }
            plain += 1
            let reference = try XCTUnwrap(try? yams(text), "\(name): Yams refuses what the plain composer took")
            XCTAssertTrue(fast.sameTree(as: reference), "\(name)\n\(fast)\n\(reference)")
        }
        XCTAssertGreaterThan(plain, documents.count / 2, "most documents are plain (\(plain) of \(documents.count))")
    }

    /// Shapes the ledger and front matter use, checked one by one.
    func testShapesComposeLikeYams() throws {
        let samples = [
            "title: 标题\ndate: 2023-06-01\ntags: [满意环保, 大气]\nsource: 办公室\n",
            "title: \"带引号的标题\"\nsummary: '单引号'\ntags: []\ndraft: true\n",
            "- id: A-1\n  received: 2023-01-01\n  rounds:\n    - handled: 2023-01-09\n      satisfied: true\n  private:\n    phone: \"13900000001\"\n- id: A-2\n  received: 2023-01-02\n",
            "list:\n- 甲\n- 乙\nnext: 值\n",
            "url: https://example.gov.cn/a:b\ntime: 09:30\n",
            "  indented: 1\n  second: 2\n",
            "a: 1   \nb:   spaced value  \n",
            "tags: [ 甲 ,乙]\n",
        ]
        for text in samples {
            let fast = try XCTUnwrap(PlainYAML.compose(text), text)
            let reference = try XCTUnwrap(try yams(text), text)
            XCTAssertTrue(fast.sameTree(as: reference), "\(text)\n\(fast)\n\(reference)")
        }
    }

    /// What the subset leaves to Yams: comments, empty values, duplicates, flow mappings,
    /// escapes, block scalars, anchors, tags, multi-line scalars, markers, odd characters.
    func testEverythingElseIsLeftToYams() {
        let others = [
            "a: 1 # note\n", "# head\na: 1\n", "a:\nb: 1\n", "a: 1\na: 2\n", "a: {b: 1}\n", "a: \"x\\ny\"\n",
            "a: |\n  text\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: one\n  two\n", "---\na: 1\n", "a: [1, [2]]\n",
            "a: [1, 2,]\n", "a:\tb\n", "a: x\u{2028}y\n", "a: x\u{85}y\n", "-\n  a: 1\n", "key : v\n", "a: 'it''s'\n",
            "? complex\n: value\n", "a: b: c\n", "",
        ]
        for text in others { XCTAssertNil(PlainYAML.compose(text), text) }
    }
}
