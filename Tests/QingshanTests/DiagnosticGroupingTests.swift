import XCTest

@testable import QingshanCore

/// `Diagnostics.grouped` against its definition: all diagnostics sorted by place and message,
/// every error kept, each warning (by message and hint) kept once at its first place with a
/// count — over diagnostics reported in a seeded random order.
final class DiagnosticGroupingTests: XCTestCase {
    func testGroupedIsTheSortedListWithWarningsFolded() {
        var generator = SplitMix64(seed: 20_261_207)
        var made: [Diagnostic] = []
        for file in ["content/news/b.md", "content/news/a.md", "site.yaml", "content/data/ledger.csv"] {
            for line in [nil, 1, 2, 10] as [Int?] {
                for message in ["未知的键“weight”", "未知的键“aliases”", "标题为空"] {
                    let location = SourceLocation(file: file, line: line, column: line.map { _ in 3 })
                    let hint = message == "标题为空" ? nil : (line == 10 ? "另一个提示" : "删除此键")
                    made.append(message == "标题为空" ? .error(location, message) : .warning(location, message, hint: hint))
                }
            }
        }
        made.shuffle(using: &generator)
        let diagnostics = Diagnostics()
        for diagnostic in made { diagnostics.report(diagnostic) }

        var expected: [(diagnostic: Diagnostic, count: Int)] = []
        var seen: [String: Int] = [:]
        for diagnostic in diagnostics.all {
            guard diagnostic.severity == .warning else {
                expected.append((diagnostic, 1))
                continue
            }
            let key = diagnostic.message + "\u{0}" + (diagnostic.hint ?? "")
            if let at = seen[key] {
                expected[at].count += 1
            } else {
                seen[key] = expected.count
                expected.append((diagnostic, 1))
            }
        }
        let grouped = diagnostics.grouped
        XCTAssertEqual(grouped.map(\.diagnostic), expected.map(\.diagnostic))
        XCTAssertEqual(grouped.map(\.count), expected.map(\.count))
        XCTAssertEqual(grouped.filter { $0.diagnostic.severity == .warning }.count, 4)
        XCTAssertEqual(grouped.first?.diagnostic.location.file, "content/data/ledger.csv")
    }
}
