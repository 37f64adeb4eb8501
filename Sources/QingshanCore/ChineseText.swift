import Foundation

/// Summaries and reading time for Chinese (and mixed) text.
public enum ChineseText {
    /// The first `limit` characters of `text`, cut after the last 。！？ inside the limit when
    /// there is one past a third of it, with an ellipsis whenever text was cut.
    public static func summary(of text: String, limit: Int = 120) -> String {
        if let summary = scalarSummary(of: text, limit: limit) { return summary }
        // Only the head matters: collapse until there is more than `limit` + 1 characters
        // (an article's text is thousands).
        let collapsed = collapseWhitespace(text, enough: limit + 2)
        guard collapsed.count > limit else { return collapsed }
        return cut(collapsed.prefix(limit), limit: limit, isSentenceEnd: CJK.isSentenceEnd, string: String.init)
    }

    /// A summary's head of `limit` characters (or scalars) cut after its last sentence end when
    /// that lies past a third of the limit, otherwise without trailing commas, colons and
    /// spaces; an ellipsis added either way. One rule for both ways of counting.
    static func cut<Head: BidirectionalCollection>(
        _ head: Head, limit: Int, isSentenceEnd: (Head.Element) -> Bool, string: (Head) -> String
    ) -> String where Head.SubSequence == Head, Head.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        if let end = head.lastIndex(where: isSentenceEnd), head.distance(from: head.startIndex, to: end) >= limit / 3 {
            return string(head[...end]) + "……"
        }
        var trimmed = head
        while let last = trimmed.last, ["，", "、", "：", " ", ","].contains(last) { trimmed = trimmed.dropLast() }
        return string(trimmed) + "……"
    }

    /// `summary` counted in scalars, when each of the first `limit` + 1 collapsed scalars is a
    /// character of its own (Han, CJK and ASCII punctuation, Latin letters: nearly every
    /// bureau text), which spares the grapheme breaking of `Character`s; nil otherwise.
    static func scalarSummary(of text: String, limit: Int) -> String? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(limit + 1)
        var pendingSpace = false
        for s in text.unicodeScalars {
            if out.count > limit { break }
            if CJK.isWhitespace(s) {
                pendingSpace = !out.isEmpty
                continue
            }
            guard isOwnCharacter(s) else { return nil }
            if pendingSpace, let last = out.last, !(CJK.isWide(last) && CJK.isWide(s)) {
                out.append(" ")
                if out.count > limit { break }
            }
            pendingSpace = false
            out.append(s)
        }
        func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(scalars.count * 3)
            for s in scalars { UTF8.encode(s) { bytes.append($0) } }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard out.count > limit else { return string(out[...]) }
        return cut(out[..<limit], limit: limit, isSentenceEnd: CJK.isSentenceEnd, string: string)
    }

    /// Scalars that always make a grapheme cluster of their own, whatever their neighbours:
    /// none of them is CR, Extend, SpacingMark, Prepend, ZWJ, Hangul or a regional indicator
    /// (UAX #29), so only these blocks are listed, leaving out their few combining marks.
    static func isOwnCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// Runs of whitespace become one space; spaces between two CJK characters vanish. With
    /// `enough`, stops once the result has at least that many characters (its head is then the
    /// head of the whole result).
    public static func collapseWhitespace(_ text: String, enough: Int? = nil) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var produced = 0
        var checked = 0
        for s in text.unicodeScalars {
            if let enough, produced - checked >= enough {
                // Characters never outnumber scalars: count them only when it could be enough.
                if String(out).count >= enough { break }
                checked = produced
            }
            if CJK.isWhitespace(s) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, let last = out.last, !(CJK.isWide(last) && CJK.isWide(s)) {
                out.append(" ")
                produced += 1
            }
            pendingSpace = false
            out.append(s)
            produced += 1
        }
        return String(out)
    }

    /// Reading time in whole minutes (at least 1): Han characters count one by one at
    /// 400 a minute, other words at 200 a minute.
    public static func readingMinutes(_ text: String) -> Int {
        measure(text).readingMinutes
    }

    /// The characters of a text that are not white space, and its reading time, in one walk
    /// over its UTF-8 bytes (ASCII answered without decoding).
    public static func measure(_ text: String) -> (characters: Int, readingMinutes: Int) {
        var text = text
        return text.withUTF8 { measure(utf8: $0) }
    }

    /// `measure` of UTF-8 text.
    public static func measure(utf8 text: [UInt8]) -> (characters: Int, readingMinutes: Int) {
        text.withUnsafeBufferPointer { measure(utf8: $0) }
    }

    static func measure(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (characters: Int, readingMinutes: Int) {
        // The counters are locals of this function, not captured by a closure: a captured
        // variable is read and written through memory at every byte.
        var han = 0
        var words = 0
        var inWord = false
        var characters = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    inWord = false
                    continue
                }
                characters += 1
                if (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) {
                    if !inWord { words += 1 }
                    inWord = true
                } else {
                    inWord = false
                }
                continue
            }
            if (0xE4...0xE9).contains(b), i + 2 < bytes.count {
                // U+4000…U+9FFF: from U+4E00 on a Han character, counted without the tests
                // (a lead byte E5–E9 is U+5000 on; E4 needs its second byte).
                if b > 0xE4 || UTF8Scalar.threeByteValue(bytes, at: i) >= 0x4E00 {
                    i += 3
                    characters += 1
                    han += 1
                    inWord = false
                    continue
                }
            }
            guard let (value, length) = UTF8Scalar.decode(bytes, at: i, upTo: bytes.count),
                let s = Unicode.Scalar(value)
            else { break }
            i += length
            if !CJK.isWhitespace(s) { characters += 1 }
            if CJK.isLetter(s) {
                han += 1
                inWord = false
            } else if WordScalars.isWordPart(s) {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        let minutes = Double(han) / 400 + Double(words) / 200
        return (characters, max(1, Int(minutes.rounded(.up))))
    }
}

/// A property of Unicode scalars worked out once for the blocks Chinese text fills with
/// punctuation — General Punctuation, CJK Symbols and Punctuation, Halfwidth and Fullwidth
/// Forms — so a loop over text does not look the properties up for every ，。“”.
public struct PunctuationBlockTable<Value: Sendable>: Sendable {
    private let general: [Value]
    private let cjk: [Value]
    private let fullWidth: [Value]

    /// `property` of every scalar of the blocks (`fallback` for the values that are no scalar).
    public init(fallback: Value, _ property: (Unicode.Scalar) -> Value) {
        func table(_ block: ClosedRange<UInt32>) -> [Value] {
            block.map { Unicode.Scalar($0).map(property) ?? fallback }
        }
        general = table(0x2000...0x206F)
        cjk = table(0x3000...0x303F)
        fullWidth = table(0xFF00...0xFFEF)
    }

    /// The property of `s`, or nil outside the blocks.
    @inline(__always)
    public func value(_ s: Unicode.Scalar) -> Value? {
        let v = s.value
        if (0x2000...0x206F).contains(v) { return general[Int(v - 0x2000)] }
        if (0x3000...0x303F).contains(v) { return cjk[Int(v - 0x3000)] }
        if (0xFF00...0xFFEF).contains(v) { return fullWidth[Int(v - 0xFF00)] }
        return nil
    }
}

/// Which scalars make up words (letters and numbers) outside CJK, with the punctuation blocks
/// of Chinese text answered from a table built once from the Unicode properties: looking the
/// properties up for every ，。“” costs more than the rest of the reading-time pass.
public enum WordScalars {
    private static let blocks = PunctuationBlockTable(fallback: 0, properties)

    /// Bit 0: alphabetic; bit 1: numeric.
    private static func properties(_ s: Unicode.Scalar) -> UInt8 {
        (s.properties.isAlphabetic ? 1 : 0) | (s.properties.numericType != nil ? 2 : 0)
    }

    private static func flags(_ s: Unicode.Scalar) -> UInt8 {
        let v = s.value
        if v < 0x80 {
            if (0x30...0x39).contains(v) { return 2 }
            return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) ? 1 : 0
        }
        return blocks.value(s) ?? properties(s)
    }

    /// A letter or a number (`isAlphabetic` or a numeric type).
    @inline(__always)
    public static func isWordPart(_ s: Unicode.Scalar) -> Bool { flags(s) != 0 }

    /// `isAlphabetic`, ASCII digits included (the search tokenizer's word characters).
    @inline(__always)
    public static func isAlphabeticOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? flags(s) != 0 : flags(s) & 1 != 0
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (Unicode ones too: 全角空格); returns
    /// at once when there are none, which is nearly always.
    @inlinable
    public func trimmingSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !first.isSpace && !last.isSpace { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}

extension Unicode.Scalar {
    /// What `CharacterSet.whitespaces` holds — Unicode's space separators (Zs), the tab and, in
    /// Foundation on Linux, the zero-width space U+200B — without making a CharacterSet at every
    /// string of the front matter. Tested against Foundation's set.
    @inlinable
    public var isSpace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
