import Foundation
import QingshanCore
import QingshanLedger
import QingshanModel
import XCTest

@testable import QingshanBuild

/// What the privacy guard reads: every output file as a reader sees it. Each case here built
/// with exit 0 and the value in the output before the guard folded text and read every file.
final class PrivacyCoverageTests: XCTestCase {
    let day = Day(year: 2023, month: 3, day: 1) ?? Day.today()

    func record(
        _ id: String, owner: String? = nil, _ fields: [(key: String, value: String)]
    ) -> LedgerRecord {
        LedgerRecord(
            id: id, received: day, channel: .hotline12345, category: .complaint,
            summary: "示例", department: "综合科", owner: owner, deadline: day, status: .inProgress,
            privateFields: fields, location: SourceLocation(file: "content/data/ledger.yaml", line: 1))
    }

    func guardian(_ records: [LedgerRecord], allow: [String] = []) -> PrivacyGuard {
        PrivacyGuard(ledger: records, allow: allow, siteRoot: "/nonexistent", contentFiles: [])
    }

    func found(_ guardian: PrivacyGuard, _ text: String, path: String = "a/index.html") -> [Diagnostic] {
        guardian.check([OutputFile(path: path, text: text)])
    }

    func testOwnerIsPrivate() {
        let g = guardian([record("R-1", owner: "责任人甲", [])])
        let hits = found(g, "<p>联系人：责任人甲</p>")
        XCTAssertEqual(hits.count, 1)
        XCTAssertTrue(hits[0].message.contains("owner"), hits[0].message)
    }

    func testPrivateLandlineWithAndWithoutAreaCode() {
        let g = guardian([record("R-1", [("phone", "0632-5551234")])])
        for text in ["电话 0632-5551234", "电话 06325551234", "电话（0632）5551234", "电话 555 1234", "电话 0632.555.1234"] {
            XCTAssertEqual(found(g, text).count, 1, text)
        }
        XCTAssertEqual(found(g, "编号 5551235").count, 0)
    }

    func testFullWidthAndInvisibleCharacters() {
        let g = guardian([record("R-1", [("complainant", "张三丰")])])
        XCTAssertEqual(found(g, "张\u{200B}三\u{200D}丰").count, 1)
        XCTAssertEqual(found(g, "张&#19977;丰").count, 1, "a character reference")
        XCTAssertEqual(found(g, "<a href=\"/search/?q=%E5%BC%A0%E4%B8%89%E4%B8%B0\">查</a>").count, 1, "percent-encoded")
        let none = guardian([])
        for text in [
            "１３８１２３４５６７８", "138&#x200b;1234&#8203;5678", "13812\u{2060}345678", "138.1234.5678", "1381 2345 678",
            "&#49;3812345678", "\\u0031\\u0033812345678", "370402１９８００１０１１２３Ｘ",
        ] {
            XCTAssertEqual(found(none, "<p>\(text)</p>").count, 1, text)
        }
        XCTAssertEqual(found(none, "<p>2023.10.20 共 138 件</p>").count, 0)
    }

    func testEscapedPrivateValues() {
        let g = guardian([
            record("R-1", [("address", "A&B小区<3号>\"东\"'门'")]), record("R-2", [("complainant", "O'Brien")]),
        ])
        let html = "<p>A&amp;B小区&lt;3号&gt;&quot;东&quot;&#39;门&#x27;</p>"
        XCTAssertEqual(found(g, html).count, 1)
        XCTAssertEqual(found(g, "{\"a\":\"A&B小区<3号>\\\"东\\\"'门'\"}", path: "data/x.json").count, 1)
        XCTAssertEqual(found(g, "a,\"O'Brien\"", path: "data/x.csv").count, 1)
        XCTAssertEqual(found(g, "<p>O&apos;Brien</p>").count, 1)
    }

    func testPrivateWinsOverAllow() {
        let g = guardian([record("R-1", [("phone", "13900000001")])], allow: ["13900000001", "12345"])
        XCTAssertEqual(found(g, "电话 13900000001").count, 1)
        XCTAssertEqual(found(guardian([], allow: ["13900000001"]), "电话 13900000001").count, 0)
    }

    func testEveryFileIsReadAndBinaryFilesAreNamed() {
        let g = guardian([record("R-1", [("complainant", "投诉人一号")])])
        let yaml = OutputFile(
            path: "backup/ledger.yaml", data: Data("- private: {complainant: 投诉人一号}\n".utf8),
            origin: "static/backup/ledger.yaml")
        let pdf = OutputFile(
            path: "files/plan.pdf", data: Data([0x25, 0x50, 0x44, 0x46, 0xE2, 0xE3, 0xCF, 0xD3, 0xFF]),
            origin: "static/files/plan.pdf")
        let scan = g.findings([yaml, pdf])
        XCTAssertEqual(scan.findings.count, 1)
        XCTAssertEqual(scan.unscanned, ["files/plan.pdf"])
    }

    /// A whole build: a static backup of the ledger and an owner in an article are refused; a
    /// PDF is listed as not scanned.
    func testABuildRefusesStaticLeaksAndListsBinaryFiles() throws {
        let site = try Fixture.copy("ledger")
        let backup = site.appendingPathComponent("static/backup")
        try FileManager.default.createDirectory(at: backup, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: site.appendingPathComponent("content/data/ledger.yaml"),
            to: backup.appendingPathComponent("ledger.yaml"))
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertTrue(
            diagnostics.all.contains { $0.message.contains("backup/ledger.yaml") && $0.message.contains("投诉人一号") },
            diagnostics.all.map(\.message).joined(separator: "\n"))
        try FileManager.default.removeItem(at: backup)
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x0A, 0xE2, 0xE3, 0xCF, 0xD3]).write(
            to: site.appendingPathComponent("static/plan.pdf"))
        let (clean, notes) = Fixture.build(site)
        XCTAssertNotNil(clean, notes.all.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(clean?.unscanned, ["plan.pdf"])
    }

    func testReaderTextFolds() {
        XCTAssertEqual(ReaderText.fold("１２３ＡＢＣ　－"), "123ABC -")
        XCTAssertEqual(
            ReaderText.fold("a&amp;b&lt;&#x4E2D;&#25991;&nbsp;"),
            "a&b<中文\u{A0}".replacingOccurrences(of: "\u{A0}", with: " "))
        XCTAssertEqual(ReaderText.fold("①②³₄𝟓"), "12345")
        XCTAssertEqual(ReaderText.fold("1\u{00AD}2\u{FEFF}3\u{200B}4"), "1234")
        XCTAssertEqual(ReaderText.fold("q=%E5%BC%A0%20%EF%BC%91&x=100%"), "q=张 1&x=100%")
        XCTAssertEqual(ReaderText.fold("%FF%FE"), "%FF%FE")
        XCTAssertEqual(ReaderText.fold("\\u4e2d\\ud83d\\ude00\\\"x\\\""), "中😀\"x\"")
        XCTAssertEqual(ReaderText.fold("&unknown; & &#; &#xZZ;"), "&unknown; & &#; &#xZZ;")
        var bytes: [UInt8] = [0x61, 0xFF, 0x62]
        XCTAssertEqual(bytes.withUnsafeBufferPointer { ReaderText.fold($0) }, .binary)
        for cut in [[0xE2], [0xF0, 0x9F], [0xE4, 0xB8], [0x26, 0x23], [0x5C, 0x75, 0x31], [0x25, 0x45]] as [[UInt8]] {
            // Unchecked text that is cut short is read as far as it goes, never past the end.
            XCTAssertNotEqual(cut.withUnsafeBufferPointer { ReaderText.fold($0, validate: false) }, .binary)
        }
        bytes = [0xED, 0xA0, 0x80]  // a surrogate in UTF-8
        XCTAssertEqual(bytes.withUnsafeBufferPointer { ReaderText.fold($0) }, .binary)
        bytes = Array("纯中文，没有要折叠的".utf8).filter { _ in true }
        XCTAssertNotEqual(bytes.withUnsafeBufferPointer { ReaderText.fold($0) }, .binary)
    }

    /// Plain ASCII is stepped over eight bytes at a time: what hides a number is found at every
    /// offset of a run, and a byte that is not UTF-8 still makes the file binary.
    func testReaderTextFindsWhatItFoldsAtEveryOffset() {
        for offset in 0..<19 {
            let head = String(repeating: "x", count: offset)
            let tail = String(repeating: "y", count: 19 - offset)
            XCTAssertEqual(ReaderText.fold(head + "&#49;3&quot;" + tail), head + "13\"" + tail, "\(offset)")
            XCTAssertEqual(ReaderText.fold(head + "%E5%BC%A0" + tail), head + "张" + tail, "\(offset)")
            XCTAssertEqual(ReaderText.fold(head + "\\u0031" + tail), head + "1" + tail, "\(offset)")
            XCTAssertEqual(ReaderText.fold(head + "\"\"" + tail), head + "\"" + tail, "\(offset)")
            XCTAssertEqual(ReaderText.fold(head + "１" + tail), head + "1" + tail, "\(offset)")
            let binary = Array(head.utf8) + [0xFF] + Array(tail.utf8)
            XCTAssertEqual(binary.withUnsafeBufferPointer { ReaderText.fold($0) }, .binary, "\(offset)")
        }
    }
}
