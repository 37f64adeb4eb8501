import Foundation
import QingshanCore
import XCTest

/// The `ledger` fixture: ten records covering every grade, overdue, late, repeat, rebound
/// and as-of case, built as a whole site.
final class LedgerSiteTests: XCTestCase {
    func ledgerJSON(_ out: URL) throws -> [String: Any] {
        let data = try XCTUnwrap(
            FileManager.default.contents(atPath: out.appendingPathComponent("data/ledger.json").path))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testDerivedValuesInOpenData() throws {
        let site = try Fixture.copy("ledger")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        let json = try ledgerJSON(site.appendingPathComponent("public"))
        XCTAssertEqual(json["as_of"] as? String, "2023-06-30")
        let records = try XCTUnwrap(json["records"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as? String ?? "", $0) })
        XCTAssertNil(byID["L10"], "received after D")
        XCTAssertEqual(records.count, 9)
        func check(
            _ id: String, grade: String, status: String, fts: Bool, overdue: Bool, late: Bool, supervised: Bool,
            rebound: Bool, closed: String?, line: UInt = #line
        ) {
            let r = byID[id] ?? [:]
            XCTAssertEqual(r["grade"] as? String, grade, "\(id) grade", line: line)
            XCTAssertEqual(r["status"] as? String, status, "\(id) status", line: line)
            XCTAssertEqual(r["first_time_satisfied"] as? Bool, fts, "\(id) first_time_satisfied", line: line)
            XCTAssertEqual(r["overdue"] as? Bool, overdue, "\(id) overdue", line: line)
            XCTAssertEqual(r["late"] as? Bool, late, "\(id) late", line: line)
            XCTAssertEqual(r["supervised"] as? Bool, supervised, "\(id) supervised", line: line)
            XCTAssertEqual(r["rebound"] as? Bool, rebound, "\(id) rebound", line: line)
            XCTAssertEqual(r["closed"] as? String, closed, "\(id) closed", line: line)
        }
        check(
            "L01", grade: "green", status: "已销号", fts: true, overdue: false, late: false, supervised: true,
            rebound: false, closed: "2023-03-20")
        // Handled on 03-15, before its deadline: unsatisfied, but not overdue.
        check(
            "L02", grade: "yellow", status: "办理中", fts: false, overdue: false, late: false, supervised: true,
            rebound: false, closed: nil)
        check(
            "L03", grade: "red", status: "办理中", fts: false, overdue: false, late: false, supervised: true,
            rebound: false, closed: nil)
        check(
            "L04", grade: "pending", status: "已办结", fts: false, overdue: false, late: false, supervised: false,
            rebound: false, closed: nil)
        check(
            "L05", grade: "green", status: "已销号", fts: true, overdue: false, late: true, supervised: false,
            rebound: false, closed: "2023-05-10")
        check(
            "L06", grade: "pending", status: "待办", fts: false, overdue: true, late: false, supervised: true,
            rebound: false, closed: nil)
        check(
            "L07", grade: "pending", status: "待办", fts: false, overdue: false, late: false, supervised: true,
            rebound: false, closed: nil)
        check(
            "L08", grade: "green", status: "已销号", fts: true, overdue: false, late: false, supervised: true,
            rebound: true, closed: "2023-04-30")
        check(
            "L09", grade: "pending", status: "已办结", fts: false, overdue: false, late: false, supervised: false,
            rebound: false, closed: nil)

        let stats = try XCTUnwrap(json["stats"] as? [String: Any])
        XCTAssertEqual(stats["total"] as? Int, 9)
        XCTAssertEqual(stats["overdue"] as? Int, 1)
        XCTAssertEqual(stats["supervision_open"] as? Int, 4, "L02, L03, L06, L07; L01 and L08 closed")
        XCTAssertEqual(
            stats["by_ledger"] as? [String: Int], ["满意度调查反馈": 0, "民意收集平台": 1, "自由渠道": 8])
        XCTAssertEqual(stats["supervised"] as? Int, 6)
        XCTAssertEqual(stats["by_grade"] as? [String: Int], ["green": 3, "yellow": 1, "red": 1, "pending": 4])
        XCTAssertEqual((stats["by_channel"] as? [String: Int])?["12345热线"], 5)
        XCTAssertEqual((stats["by_status"] as? [String: Int])?["已销号"], 3)
        XCTAssertEqual((stats["by_category"] as? [String: Int])?["投诉举报"], 7)
    }

    func testNoPrivateValueOrOwnerIsPublished() throws {
        let site = try Fixture.copy("ledger")
        XCTAssertNotNil(Fixture.build(site).0)
        for (path, data) in Fixture.tree(site.appendingPathComponent("public")) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["投诉人一号", "13900000001", "兴仁街道测试小区一号楼", "投诉人二号", "责任人甲", "owner", "complainant"] {
                XCTAssertFalse(text.contains(secret), "\(path) contains \(secret)")
            }
        }
    }

    func testPagesAndBulletins() throws {
        let site = try Fixture.copy("ledger")
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let files = Fixture.tree(out)
        for path in [
            "ledger/index.html", "bulletins/index.html", "bulletins/2023-03/index.html", "bulletins/2023-06/index.html",
            "data/ledger.csv",
        ] {
            XCTAssertNotNil(files[path], "missing \(path)")
        }
        XCTAssertNil(files["bulletins/2023-07/index.html"], "no bulletin after the as-of month")
        let may = Fixture.text(out, "bulletins/2023-05/index.html")
        XCTAssertTrue(may.contains("五月通报"))
        XCTAssertTrue(may.contains("测环〔2023〕5号"))
        XCTAssertTrue(may.contains("2023年5月31日"))
        XCTAssertTrue(may.contains("本月共受理群众反映问题1件"), may)
        // 成文日期 is the bulletin's own date; the 版头 (issuer and red rule) only with a 文号.
        XCTAssertTrue(may.contains("<p><time datetime=\"2023-06-01\">2023年6月1日</time></p>\n</footer>"), may)
        XCTAssertTrue(may.contains("class=\"gongwen-issuer\""))
        let march = Fixture.text(out, "bulletins/2023-03/index.html")
        XCTAssertFalse(march.contains("class=\"gongwen-issuer\"") || march.contains("gongwen-rule"), march)
        XCTAssertTrue(march.contains("<time datetime=\"2023-03-31\">2023年3月31日</time></p>\n</footer>"), march)
        let ledger = Fixture.text(out, "ledger/index.html")
        XCTAssertTrue(ledger.contains("<svg class=\"chart\""))
        XCTAssertTrue(ledger.contains("<title id=\"chart-channel-t\">"))
        XCTAssertTrue(ledger.contains("href=\"/gxq/hbj/ledger/\"") || ledger.contains("问题台账"))
        let csv = try XCTUnwrap(files["data/ledger.csv"])
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains("\r\nL09,2023-06-10,其他渠道,投诉举报,"))
    }

    func testLeakInLedgerSummaryFailsNamingTheRecord() throws {
        let site = try Fixture.copy("ledger")
        let file = site.appendingPathComponent("content/data/ledger.yaml")
        let yaml = Fixture.text(site, "content/data/ledger.yaml").replacingOccurrences(
            of: "summary: 某工地扬尘", with: "summary: 某工地扬尘，联系人电话139 1234 5678")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let out = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertFalse(errors.isEmpty)
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "content/data/ledger.yaml", line: 28, column: 3)])
        XCTAssertTrue(errors[0].message.contains("台账记录 L03"), errors[0].message)
        XCTAssertTrue(errors[0].message.contains("bulletins/2023-04/index.html"), errors[0].message)
        // Every page showing the record (bulletins, ledger pages and their filters) and the search index.
        let count = errors[0].message.components(separatedBy: "等 ").last?.prefix { $0.isNumber } ?? ""
        XCTAssertGreaterThan(Int(count) ?? 0, 6, errors[0].message)
        XCTAssertEqual(Fixture.tree(out), [:], "output untouched")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.path)
        XCTAssertFalse(siblings.contains { $0.contains(".tmp-") }, "no staging folder left: \(siblings)")
    }

    func testLeakInArticleNamesFileAndLine() throws {
        let site = try Fixture.copy("ledger")
        try "---\ntitle: 泄露\ndate: 2023-06-02\n---\n\n第一段。\n\n身份证 11010519491231002X，电话+86 13912345678。\n".write(
            to: site.appendingPathComponent("content/news/2023-06-02-leak.md"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(
            Set(errors.map(\.location)), [SourceLocation(file: "content/news/2023-06-02-leak.md", line: 8)])
        XCTAssertTrue(errors.contains { $0.message.contains("身份证号码") })
        XCTAssertTrue(errors.contains { $0.message.contains("手机号码") })
    }

    func testPrivateValueInArticleNamesTheRecord() throws {
        let site = try Fixture.copy("ledger")
        try "---\ntitle: 泄露\ndate: 2023-06-02\n---\n\n感谢投诉人二号的监督。\n".write(
            to: site.appendingPathComponent("content/news/2023-06-02-leak.md"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let error = try XCTUnwrap(diagnostics.all.first { $0.severity == .error })
        XCTAssertTrue(error.message.contains("L02"), error.message)
        XCTAssertTrue(error.message.contains("出现在 content/news/2023-06-02-leak.md:6"), error.message)
        XCTAssertTrue(error.message.contains("个文件"), error.message)
    }

    func testAllowListLetsANumberThrough() throws {
        let site = try Fixture.copy("ledger")
        try "---\ntitle: 热线\ndate: 2023-06-02\n---\n\n值班手机 13800001111。\n".write(
            to: site.appendingPathComponent("content/news/2023-06-02-duty.md"), atomically: true, encoding: .utf8)
        XCTAssertNil(Fixture.build(site).0)
        let yaml = Fixture.text(site, "site.yaml").replacingOccurrences(
            of: "allow: [\"0632-0000000\"]", with: "allow: [\"0632-0000000\", \"138-0000-1111\"]")
        try yaml.write(to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        XCTAssertNotNil(Fixture.build(site).0)
    }

    func testCSVNeutralizesFormulas() {
        let data = CSVTable.render(
            header: ["a", "b"], rows: [["=HYPERLINK(\"x\")", "1,2"], ["@cmd", "+1"], ["-2", "正常"]])
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(
            text, "\u{FEFF}a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",\"1,2\"\r\n'@cmd,'+1\r\n'-2,正常\r\n")
    }

    /// Progress notes of rectifications under way are public on /ledger/; the bulletin analyses
    /// by 科室 and 街道.
    func testProgressAndAnalysisArePublished() throws {
        let site = try Fixture.copy("ledger")
        let file = site.appendingPathComponent("content/data/ledger.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "  deadline: 2023-07-31\n  status: 办理中\n",
            with: "  deadline: 2023-07-31\n  status: 办理中\n  progress:\n    - {date: 2023-04-20, text: 已约谈施工单位}\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, "\(diagnostics.all)")
        let out = site.appendingPathComponent("public")
        let ledger = Fixture.text(out, "ledger/index.html")
        XCTAssertTrue(ledger.contains("2023-04-20　已约谈施工单位"), "L03's latest note")
        XCTAssertTrue(ledger.contains("<strong>黄标</strong>为有一次回访不满意"), "the grades are explained")
        XCTAssertTrue(ledger.contains("<dt>办结（含已销号）</dt>"), "the card says what it counts")
        XCTAssertTrue(ledger.contains("<caption>按责任科室</caption>") && ledger.contains("<caption>按街道</caption>"))
        let june = Fixture.text(out, "bulletins/2023-06/index.html")
        XCTAssertTrue(june.contains("分析研判") && june.contains("按责任科室（截至2023年6月30日）"), june)
    }
}
