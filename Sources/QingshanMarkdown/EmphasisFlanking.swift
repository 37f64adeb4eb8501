import QingshanCore

/// CommonMark's flanking rules refuse `确保**“三张清单”**落实` and `**注重科技支撑。**下一步`:
/// a `**` between a Han character and CJK punctuation is neither an opener nor a closer.
/// This pass inserts an invisible-after-rendering punctuation sentinel on the letter side of
/// such delimiter runs so cmark-gfm sees a punctuation neighbour and pairs them as GitHub
/// users expect; the renderer strips every sentinel from the HTML afterwards.
enum EmphasisFlanking {
    /// U+2E2E REVERSED QUESTION MARK: Unicode punctuation (Po) that Chinese text never uses.
    static let sentinel: Unicode.Scalar = "\u{2E2E}"

    private static let sentinelBytes: [UInt8] = [0xE2, 0xB8, 0xAE]

    /// Returns the source with sentinels added, or the source unchanged when it already
    /// contains the sentinel (so nothing of the author's is ever stripped).
    static func apply(_ source: String) -> String {
        var source = source
        guard let result = source.withUTF8(apply) else { return source }
        return String(decoding: result, as: UTF8.self)
    }

    /// The UTF-8 source with sentinels added, or nil when it stays as it is (no `*` or `~`,
    /// or the author's own sentinel). Only lines holding `*` or `~` outside fenced code are
    /// looked at.
    static func apply(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard ByteSearch.contains(0x2A, in: bytes) || ByteSearch.contains(0x7E, in: bytes),
            !ByteSearch.contains(sentinelBytes, in: bytes)
        else {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var fence: (marker: UInt8, length: Int)? = nil
        var copied = 0  // the bytes before this one are in `out`
        var start = 0
        while start <= bytes.count {
            let end = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count
            let line = start..<end
            if let f = fenceMarker(bytes, line) {
                if let open = fence {
                    if f.marker == open.marker && f.length >= open.length { fence = nil }
                } else {
                    fence = f
                }
            } else if fence == nil, hasDelimiter(UnsafeBufferPointer(rebasing: bytes[line])) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                fixLine(bytes, line, into: &out)
                copied = end
            }
            start = end + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }

    private static func hasDelimiter(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.contains(0x2A, in: line) || ByteSearch.contains(0x7E, in: line)
    }

    private static func fenceMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (
        marker: UInt8, length: Int
    )? {
        var i = line.lowerBound
        while i < line.upperBound, i - line.lowerBound < 4, bytes[i] == 0x20 { i += 1 }
        guard i - line.lowerBound < 4, i < line.upperBound, bytes[i] == 0x60 || bytes[i] == 0x7E else { return nil }
        let marker = bytes[i]
        var n = 0
        while i < line.upperBound, bytes[i] == marker {
            n += 1
            i += 1
        }
        return n >= 3 ? (marker, n) : nil
    }

    /// The scalar that ends just before `index` (UTF-8 is self-synchronizing).
    private static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>, from lower: Int)
        -> Unicode.Scalar?
    {
        guard index > lower else { return nil }
        var start = index - 1
        while start > lower, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes, upTo: index)
    }

    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, upTo upper: Int)
        -> Unicode.Scalar?
    {
        UTF8Scalar.decode(bytes, at: index, upTo: upper).flatMap { Unicode.Scalar($0.value) }
    }

    private static func fixLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into out: inout [UInt8]) {
        var i = line.lowerBound
        while i < line.upperBound {
            let c = bytes[i]
            guard c == 0x2A || c == 0x7E else {
                // Copy the run up to the next delimiter whole.
                var end = i + 1
                while end < line.upperBound, bytes[end] != 0x2A, bytes[end] != 0x7E { end += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                i = end
                continue
            }
            var j = i
            while j < line.upperBound, bytes[j] == c { j += 1 }
            let before = scalar(before: i, in: bytes, from: line.lowerBound)
            let after = scalar(at: j, in: bytes, upTo: line.upperBound)
            if before == "\\" || (c == 0x7E && j - i > 2) {
                out.append(contentsOf: bytes[i..<j])
                i = j
                continue
            }
            let left = isLeftFlanking(before: before, after: after)
            let right = isRightFlanking(before: before, after: after)
            // Wants to open: something follows, but a letter before and punctuation after block it.
            let blockedOpener =
                !left && after.map { !isWhitespace($0) } == true
                && (before.map(CJK.isLetter) == true || after.map(CJK.isPunctuation) == true)
            // Wants to close: something precedes, but punctuation before and a letter after block it.
            let blockedCloser =
                !right && before.map { !isWhitespace($0) } == true
                && (after.map(CJK.isLetter) == true || before.map(CJK.isPunctuation) == true)
            if blockedOpener { out.append(contentsOf: sentinelBytes) }
            out.append(contentsOf: bytes[i..<j])
            if blockedCloser { out.append(contentsOf: sentinelBytes) }
            i = j
        }
    }

    // CommonMark 0.29 §6.4, with line ends counting as whitespace.
    private static func isLeftFlanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard let after, !isWhitespace(after) else { return false }
        guard isPunctuation(after) else { return true }
        guard let before else { return true }
        return isWhitespace(before) || isPunctuation(before)
    }

    private static func isRightFlanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard let before, !isWhitespace(before) else { return false }
        guard isPunctuation(before) else { return true }
        guard let after else { return true }
        return isWhitespace(after) || isPunctuation(after)
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" }
        if CJK.isHan(s) { return false }
        return s.properties.generalCategory == .spaceSeparator
    }

    /// What cmark-gfm counts as punctuation: ASCII punctuation and Unicode P* categories.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
                || (0x7B...0x7E).contains(v)
        }
        // Han characters are letters; the punctuation blocks of Chinese text come from a table.
        if CJK.isHan(s) { return false }
        return punctuationBlocks.value(s) ?? isPunctuationCategory(s)
    }

    static func isPunctuationCategory(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private static let punctuationBlocks = PunctuationBlockTable(fallback: false, isPunctuationCategory)
}
