import QingshanCore
import XCTest

/// docs/RULES.md, Personal data: mobile numbers with prefixes and separators, 18-digit IDs,
/// checksums.
final class PersonalDataTests: XCTestCase {
    func found(_ text: String) -> [String] { PersonalData.scan(text).map(\.digits) }

    func testMobileForms() {
        XCTAssertEqual(found("电话13912345678。"), ["13912345678"])
        XCTAssertEqual(found("电话 139 1234 5678 联系"), ["13912345678"])
        XCTAssertEqual(found("电话139-1234-5678"), ["13912345678"])
        XCTAssertEqual(found("+8613912345678"), ["13912345678"])
        XCTAssertEqual(found("+86 139 1234 5678"), ["13912345678"])
        XCTAssertEqual(found("+86-13912345678"), ["13912345678"])
        XCTAssertEqual(found("008613912345678"), ["13912345678"])
        XCTAssertEqual(found("86 13912345678"), ["13912345678"])
        XCTAssertEqual(found("第2023 13912345678号"), ["13912345678"])
        XCTAssertEqual(found("<td>19912345678</td>"), ["19912345678"])
    }

    /// The scan steps over eight bytes at a time where none is a digit: a number is found at
    /// every offset and next to every kind of byte, and a digit run split over a word edge stays
    /// one number.
    func testNumbersAreFoundAtEveryOffset() {
        for offset in 0..<17 {
            for filler in ["a", "中", "<>", "\u{7F}", "/:", "\u{10FFFF}"] {
                let head = String(repeating: filler, count: offset)
                XCTAssertEqual(found(head + "13912345678" + head), ["13912345678"], "\(offset) \(filler)")
                XCTAssertEqual(found(head + "139 1234 5678"), ["13912345678"], "\(offset) \(filler)")
                XCTAssertEqual(found("9" + filler + head + "13912345678"), ["13912345678"], "\(offset) \(filler)")
                XCTAssertEqual(found(head + "113912345678" + head), [], "12 digits, \(offset) \(filler)")
            }
        }
    }

    func testNotMobile() {
        XCTAssertEqual(found("0632-0000000 与 12345、12369 热线"), [])
        XCTAssertEqual(found("12912345678"), [], "second digit must be 3–9")
        XCTAssertEqual(found("139123456789"), [], "12 digits is no mobile")
        XCTAssertEqual(found("2023-06-01 共 13912345 件"), [])
        XCTAssertEqual(found("编号 GX-2023-0001"), [])
    }

    func testResidentID() {
        XCTAssertEqual(found("身份证11010519491231002X。"), ["11010519491231002X"])
        XCTAssertEqual(found("号码 34052419800101001x 已核"), ["34052419800101001x"])
        XCTAssertEqual(found("A11010519491231002X"), [], "letters around are not an ID boundary")
        XCTAssertEqual(found("110105194913310021"), [], "month 13 is no date")
        XCTAssertEqual(found("1101051949123100211"), [], "19 digits")
    }

    func testChecksumVectors() {
        XCTAssertEqual(PersonalData.checkCharacter("11010519491231002"), "X")
        XCTAssertEqual(PersonalData.checkCharacter("34052419800101001"), "X")
        XCTAssertNil(PersonalData.checkCharacter("123"))
    }

    func testDigitsOfAllowedNumbers() {
        XCTAssertEqual(PersonalData.digits(of: "0632-0000000"), "06320000000")
    }
}
