import XCTest

@testable import QingshanCore
@testable import QingshanSearch

final class SearchTokenizerTests: XCTestCase {
    func testHanBigramsAndWords() {
        XCTAssertEqual(SearchTokenizer.tokens("空气质量"), ["空气", "气质", "质量"])
        XCTAssertEqual(SearchTokenizer.tokens("水"), ["水"])
        XCTAssertEqual(SearchTokenizer.tokens("PM2.5 与 AQI 指数"), ["pm2", "5", "与", "aqi", "指数"])
        XCTAssertEqual(SearchTokenizer.tokens("氨氮 0.15 mg"), ["氨氮", "0.15", "mg"])
        XCTAssertEqual(SearchTokenizer.tokens("拨打12369，或12345热线。"), ["拨打", "12369", "或", "12345", "热线"])
        XCTAssertEqual(SearchTokenizer.tokens("“三张清单”落实"), ["三张", "张清", "清单", "落实"])
    }
}
