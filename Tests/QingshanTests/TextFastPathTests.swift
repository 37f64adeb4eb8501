import XCTest

@testable import QingshanCore
@testable import QingshanSearch

/// The fast paths of the text passes answer exactly what the slow ones did.
final class TextFastPathTests: XCTestCase {
    /// Pieces drawn at random (from a seeded generator: a failure can be replayed) until the
    /// text holds at least `scalars` scalars.
    static func randomText(_ pieces: [String], scalars: Int, rng: inout SplitMix64) -> String {
        var text = ""
        while text.unicodeScalars.count < scalars { text += pieces.randomElement(using: &rng) ?? "" }
        return text
    }

    /// The summary as first written: Characters of the whole collapsed text.
    static func characterSummary(_ text: String, limit: Int = 120) -> String {
        let collapsed = ChineseText.collapseWhitespace(text)
        guard collapsed.count > limit else { return collapsed }
        let head = collapsed.prefix(limit)
        if let end = head.lastIndex(where: CJK.isSentenceEnd),
            head.distance(from: head.startIndex, to: end) >= limit / 3
        {
            return String(head[...end]) + "……"
        }
        var cut = String(head)
        while let last = cut.last, last == "，" || last == "、" || last == "：" || last == " " || last == "," {
            cut.removeLast()
        }
        return cut + "……"
    }

    /// The summary collapses only the head of a long text; it equals the summary cut from the
    /// whole collapsed text, whitespace runs, combining marks and short texts included.
    func testSummaryOfTheHeadEqualsTheSummaryOfTheWhole() {
        var rng = SplitMix64(seed: 24301)
        let pieces = ["生态环境", "  \n ", "质量", "e\u{301}", "PM2.5 浓度", "，", "。", "AQI", "\t", "！"]
        for length in [0, 5, 60, 119, 120, 121, 122, 200, 2_000] {
            for _ in 0..<20 {
                let text = Self.randomText(pieces, scalars: length, rng: &rng)
                XCTAssertEqual(ChineseText.summary(of: text), Self.characterSummary(text), text)
            }
        }
    }

    /// Texts of characters that stand alone take the scalar path; a combining mark or an emoji
    /// sequence anywhere in the head sends the text to the Character path; both answer alike.
    func testScalarSummaryEqualsTheCharacterSummary() {
        var rng = SplitMix64(seed: 24302)
        let plain = ["环境", "“清单”", "（4号）", "——", "…", "，", "、", "。", " ", "\n", "AQI", "é", "！", "；", "：", ","]
        for length in [0, 10, 29, 30, 31, 32, 33, 80, 400] {
            for _ in 0..<30 {
                let text = Self.randomText(plain, scalars: length, rng: &rng)
                XCTAssertNotNil(ChineseText.scalarSummary(of: text, limit: 30), text)
                XCTAssertEqual(ChineseText.summary(of: text, limit: 30), Self.characterSummary(text, limit: 30), text)
                // A combining mark or a flag just inside or just past the cut.
                for joiner in ["\u{301}", "\u{1F1E8}\u{1F1F3}", "\u{200D}"] {
                    for at in [29, 30, 31] where text.unicodeScalars.count > at {
                        var scalars = Array(text.unicodeScalars)
                        scalars.insert(contentsOf: joiner.unicodeScalars, at: at)
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: scalars)
                        let mixed = String(view)
                        XCTAssertEqual(
                            ChineseText.summary(of: mixed, limit: 30), Self.characterSummary(mixed, limit: 30), mixed)
                    }
                }
            }
        }
    }

    /// Every scalar the scalar path accepts is a character of its own beside any other of them.
    func testOwnCharactersNeverJoinTheirNeighbours() {
        let neighbours: [Unicode.Scalar] = ["a", " ", "中", "。", "“", "é", "\u{3000}", "\u{FF01}", "\u{2026}"]
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0xFF, 0x2000...0x206F, 0x3000...0x303F, 0x3400...0x4DBF, 0xFF00...0xFFEF,
        ]
        for range in ranges {
            for value in range {
                guard let s = Unicode.Scalar(value), ChineseText.isOwnCharacter(s) else { continue }
                for t in neighbours {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: [t, s, t])
                    XCTAssertEqual(String(view).count, 3, String(value, radix: 16))
                }
            }
        }
        XCTAssertTrue(ChineseText.isOwnCharacter("\u{9FA5}"))
        XCTAssertFalse(ChineseText.isOwnCharacter("\u{302A}"))
        XCTAssertFalse(ChineseText.isOwnCharacter("\u{200D}"))
    }

    /// Characters and reading time from one walk over the bytes equal the scalar-by-scalar count.
    func testMeasureEqualsTheScalarCount() {
        var rng = SplitMix64(seed: 24303)
        // Counted another way: Han letters, and the runs of word characters between the rest.
        func reference(_ text: String) -> (Int, Int) {
            let scalars = text.unicodeScalars
            let characters = scalars.filter { !CJK.isWhitespace($0) }.count
            let han = scalars.filter(CJK.isLetter).count
            let words = scalars.split(whereSeparator: { CJK.isLetter($0) || !WordScalars.isWordPart($0) }).count
            return (characters, max(1, Int((Double(han) / 400 + Double(words) / 200).rounded(.up))))
        }
        let pieces = [
            "生态环境", "㐀", "\u{3005}", "가", "PM2.5", " ", "\u{3000}", "\n", "café", "١٢", "Ⅻ", "，", "\u{1F600}",
            "\u{20000}", "\t", "word ", "\u{2028}",
        ]
        for length in [0, 1, 50, 900, 3_000] {
            for _ in 0..<20 {
                let text = Self.randomText(pieces, scalars: length, rng: &rng)
                let measured = ChineseText.measure(text)
                let expected = reference(text)
                XCTAssertEqual(measured.characters, expected.0, text)
                XCTAssertEqual(measured.readingMinutes, expected.1, text)
            }
        }
    }

    /// The byte-walking tokenizer gives the tokens of the scalar-by-scalar one it replaced.
    func testTokenizerEqualsTheScalarTokenizer() {
        var rng = SplitMix64(seed: 24304)
        func reference(_ text: String) -> [String] {
            var out: [String] = []
            var previous: Unicode.Scalar? = nil
            var runLength = 0
            var current = String.UnicodeScalarView()
            func endHan() {
                if runLength == 1, let previous { out.append(String(previous)) }
                runLength = 0
                previous = nil
            }
            func endWord() {
                guard !current.isEmpty else { return }
                var w = String(current).lowercased()
                if w.hasSuffix(".") { w.removeLast() }
                if !w.isEmpty { out.append(w) }
                current = String.UnicodeScalarView()
            }
            for s in text.unicodeScalars {
                if CJK.isLetter(s) {
                    endWord()
                    if let p = previous { out.append(String(p) + String(s)) }
                    previous = s
                    runLength += 1
                } else if WordScalars.isAlphabeticOrDigit(s) {
                    endHan()
                    current.append(s)
                } else if s == ".", !current.isEmpty, current.allSatisfy({ (0x30...0x39).contains($0.value) }) {
                    current.append(s)
                } else {
                    endHan()
                    endWord()
                }
            }
            endHan()
            endWord()
            return out
        }
        let pieces = [
            "空气质量", "水", "PM2.5", "1.2.3", "3.", ".", " ", "Ünïcode", "١٢.٣", "㐀㐁", "かな", "한국", "a.b", "ＡＢＣ",
            "，", "\u{20000}", "COD", "0.15mg", "\n", "x\u{301}", "ǅ",
        ]
        for length in [0, 1, 2, 5, 40, 400] {
            for _ in 0..<40 {
                let text = TextFastPathTests.randomText(pieces, scalars: length, rng: &rng)
                XCTAssertEqual(SearchTokenizer.tokens(text), reference(text), text)
            }
        }
    }

    /// Heading ids from the punctuation tables equal the ids from the Unicode properties, for
    /// every scalar of the tables' blocks next to letters, digits and spaces.
    func testSlugsEqualThePropertyBasedSlugs() {
        func reference(_ text: String) -> String {
            var out = ""
            var pendingHyphen = false
            for s in text.unicodeScalars {
                let keep =
                    s.properties.isAlphabetic || s.properties.numericType == .decimal || s == "-" || s == "_"
                    || CJK.isLetter(s)
                if keep {
                    if pendingHyphen && !out.isEmpty { out += "-" }
                    pendingHyphen = false
                    if s == "-" {
                        pendingHyphen = true
                        continue
                    }
                    out += String(s).lowercased()
                } else if s.properties.isWhitespace {
                    pendingHyphen = true
                }
            }
            return out
        }
        for value in Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF00...0xFFEF) + [0xB7, 0xC9, 0x391] {
            guard let s = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "一、Air" + String(s) + "Q 2" + String(s) + String(s) + "水-质_" + String(s)
            XCTAssertEqual(Slug.make(text), reference(text), String(value, radix: 16))
        }
        for text in ["一、基本情况", "PM2.5 与 AQI", "Ⅻ号 〆切　会议", "ÉCOLE  Straße", "--a--b--", "２０２３年（上）"] {
            XCTAssertEqual(Slug.make(text), reference(text), text)
        }
    }

    func testByteSearch() {
        let text = Array("生态“环境”<p>%E2%B8%AE".utf8)
        text.withUnsafeBufferPointer { bytes in
            XCTAssertEqual(ByteSearch.firstIndex(of: 0x3C, in: bytes), 18)
            XCTAssertNil(ByteSearch.firstIndex(of: 0x3C, in: bytes, from: 19))
            XCTAssertNil(ByteSearch.firstIndex(of: 0x3C, in: bytes, from: bytes.count))
            XCTAssertTrue(ByteSearch.contains(Array("%E2%B8%AE".utf8), in: bytes))
            XCTAssertTrue(ByteSearch.contains([0xE2, 0x80, 0x9D], in: bytes))  // ”
            XCTAssertFalse(ByteSearch.contains([0xE2, 0xB8, 0xAE], in: bytes))
            XCTAssertFalse(ByteSearch.contains(Array("%E2%B8%AEx".utf8), in: bytes))
        }
        XCTAssertTrue(ByteSearch.contains(0x0D, in: "a\r\nb"))
        XCTAssertFalse(ByteSearch.contains(0x0D, in: "a\nb"))
        XCTAssertFalse(ByteSearch.contains(0x0D, in: ""))
    }

    /// The tables of word characters agree with the Unicode properties on every scalar they hold.
    func testWordScalarTablesAgreeWithUnicodeProperties() {
        for value in Array(0x00...0x7F) + Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF00...0xFFEF) {
            guard let s = Unicode.Scalar(UInt32(value)) else { continue }
            let word =
                s.isASCII
                ? s.properties.isAlphabetic || (0x30...0x39).contains(value)
                : s.properties.isAlphabetic || s.properties.numericType != nil
            XCTAssertEqual(WordScalars.isWordPart(s), word, String(value, radix: 16))
            let alphabetic =
                s.isASCII ? s.properties.isAlphabetic || (0x30...0x39).contains(value) : s.properties.isAlphabetic
            XCTAssertEqual(WordScalars.isAlphabeticOrDigit(s), alphabetic, String(value, radix: 16))
        }
    }

    /// Sentence ends compared as scalars answer what Character equality answered.
    func testSentenceEndsAsScalars() {
        let ends: [Character] = ["。", "！", "？", "!", "?", "；"]
        for c in ["。", "！", "？", "!", "?", "；", "，", "、", "a", "。\u{301}", "\u{FF61}", "…"] as [Character] {
            XCTAssertEqual(CJK.isSentenceEnd(c), ends.contains(c), String(c))
        }
    }
}
