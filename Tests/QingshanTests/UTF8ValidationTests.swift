import XCTest

@testable import QingshanCore

/// `UTF8Validation` against the Unicode Standard's table 3-7 (typed in below, each range's
/// first and last byte and the bytes just outside) and against Swift's own check on seeded
/// random damage to Chinese text.
final class UTF8ValidationTests: XCTestCase {
    func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(UTF8Validation.isValid) }

    func testTable3_7() {
        // (first byte range, second byte range, number of bytes) per row of table 3-7.
        let rows: [(ClosedRange<UInt8>, ClosedRange<UInt8>, Int)] = [
            (0xC2...0xDF, 0x80...0xBF, 2),
            (0xE0...0xE0, 0xA0...0xBF, 3),
            (0xE1...0xEC, 0x80...0xBF, 3),
            (0xED...0xED, 0x80...0x9F, 3),
            (0xEE...0xEF, 0x80...0xBF, 3),
            (0xF0...0xF0, 0x90...0xBF, 4),
            (0xF1...0xF3, 0x80...0xBF, 4),
            (0xF4...0xF4, 0x80...0x8F, 4),
        ]
        for (firsts, seconds, length) in rows {
            for first in [firsts.lowerBound, firsts.upperBound] {
                let tail = [UInt8](repeating: 0x80, count: length - 2)
                for second in [seconds.lowerBound, seconds.upperBound] {
                    let sequence = [first, second] + tail
                    XCTAssertTrue(valid(sequence), "\(sequence)")
                    XCTAssertTrue(valid(Array("环保".utf8) + sequence + Array("督察ok".utf8)), "\(sequence) in text")
                    XCTAssertFalse(valid(Array(sequence.dropLast())), "\(sequence) cut short")
                    if length > 2 {
                        var broken = sequence
                        broken[length - 1] = 0x41
                        XCTAssertFalse(valid(broken), "\(broken): a continuation byte missing")
                    }
                }
                if seconds.lowerBound > 0x80 { XCTAssertFalse(valid([first, seconds.lowerBound - 1] + tail)) }
                if seconds.upperBound < 0xBF { XCTAssertFalse(valid([first, seconds.upperBound + 1] + tail)) }
                XCTAssertFalse(valid([first, 0x7F] + tail))
                XCTAssertFalse(valid([first, 0xC0] + tail))
            }
        }
        // Lead bytes no row has: continuation bytes, C0 and C1 (overlong), F5..FF.
        for lead in Array(UInt8(0x80)...0xC1) + Array(UInt8(0xF5)...0xFF) {
            XCTAssertFalse(valid([lead, 0x80, 0x80, 0x80]), "lead \(lead)")
        }
        XCTAssertTrue(valid(Array(0...0x7F)))
        XCTAssertEqual(Array("环保".utf8 + [0xC0, 0x80]).withUnsafeBufferPointer(UTF8Validation.firstInvalid), 6)
        XCTAssertEqual(Array("环保".utf8.dropLast()).withUnsafeBufferPointer(UTF8Validation.firstInvalid), 3)
        XCTAssertTrue(valid([]))
    }

    /// Swift's own check is the reference: Chinese text with ASCII runs, damaged at random.
    func testAgreesWithSwiftOnDamagedChineseText() {
        var generator = SplitMix64(seed: 0x5147_5348_414E)
        let text = Array("一、“满意环保”工作：12345 热线受理 86 件，办结率 100%。Ｘ号\u{10348}é\n".utf8)
        for _ in 0..<20_000 {
            var bytes = (0..<Int.random(in: 1...4, using: &generator)).flatMap { _ in text }
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8.random(in: 0x80...0xFF, using: &generator), at: at)
                }
                if bytes.isEmpty { break }
            }
            let invalidAt = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalid(in: $0) }
            XCTAssertEqual(valid(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            XCTAssertEqual(invalidAt == nil, valid(bytes))
            // What comes before the offset is text; what starts there is not.
            if let invalidAt {
                XCTAssertNotNil(String(validating: bytes[..<invalidAt], as: UTF8.self), "\(bytes)")
                XCTAssertNil(String(validating: bytes[invalidAt...], as: UTF8.self), "\(bytes)")
            }
        }
    }
}
