import Foundation
import QingshanCore
import XCTest

/// Monthly dynamics, press fact sheets with as-of panels, Environment Day and its poster.
final class PublishingTests: XCTestCase {
    func build() throws -> URL {
        let site = try Fixture.copy("publishing")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        return site.appendingPathComponent("public")
    }

    func testDynamicsKeepsToTheMonth() throws {
        let out = try build()
        let may = Fixture.text(out, "dynamics/2023-05/index.html")
        XCTAssertTrue(may.contains("五月最后一天的动态"), "the item of May 31")
        XCTAssertFalse(may.contains(">动态<"), "the June 1 item belongs to June")
        let june = Fixture.text(out, "dynamics/2023-06/index.html")
        XCTAssertTrue(june.contains(">动态<"))
        XCTAssertFalse(june.contains("五月最后一天的动态"))
        XCTAssertTrue(Fixture.text(out, "dynamics/index.html").contains("2023年5月环保动态"))
        XCTAssertFalse(Fixture.text(out, "bulletins/index.html").isEmpty)
        XCTAssertTrue(may.contains("问题台账办理情况"), "the month's ledger figures")
    }

    func testFactSheetFiguresAreTakenAtItsOwnDay() throws {
        let out = try build()
        let sheet = Fixture.text(out, "press/fabu/index.html")
        XCTAssertTrue(sheet.contains("数据截至：<time datetime=\"2023-04-15\">2023年4月15日</time>"))
        // Five records were received by 2023-04-15; the build's as-of day (06-30) has nine.
        XCTAssertTrue(sheet.contains("累计受理群众反映问题5件"), sheet)
        XCTAssertTrue(Fixture.text(out, "ledger/index.html").contains("9件"))
        XCTAssertTrue(sheet.contains("测环〔2023〕3号"))
        XCTAssertTrue(sheet.contains("class=\"gongwen factsheet\""))
    }

    func testEnvironmentDayAndPoster() throws {
        let out = try build()
        let year = Fixture.text(out, "envday/2023/index.html")
        XCTAssertTrue(year.contains("建设人与自然和谐共生的现代化"))
        XCTAssertTrue(year.contains("环境知识问答"))
        XCTAssertTrue(year.contains("共建美丽中国"))
        let poster = Fixture.text(out, "envday/2023/poster/index.html")
        XCTAssertTrue(poster.contains("class=\"poster\""))
        XCTAssertTrue(poster.contains("2023年6月5日"))
        XCTAssertFalse(Fixture.text(out, "envday/2023/quiz/index.html").isEmpty)
        XCTAssertTrue(Fixture.text(out, "envday/index.html").contains("2023年六五环境日"))
    }

    func testPrintStylesheet() throws {
        let css = Fixture.text(try build(), "assets/qingshan.css")
        XCTAssertTrue(css.contains("@page { size: A4;"))
        XCTAssertTrue(css.contains("@page gongwen { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
        XCTAssertTrue(css.contains("@page poster { size: A3;"))
        XCTAssertTrue(css.contains("@media print"))
    }
}
