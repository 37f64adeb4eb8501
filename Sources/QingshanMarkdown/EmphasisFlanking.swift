import QingshanCore

/// CommonMark's flanking rules refuse `确保**“三张清单”**落实` and `**注重科技支撑。**下一步`:
/// a `**` between a Han character and CJK punctuation is neither an opener nor a closer.
/// This pass inserts an invisible-after-rendering punctuation sentinel on the letter side of
/// such delimiter runs so cmark-gfm sees a punctuation neighbour and pairs them as GitHub
/// users expect; the renderer strips every sentinel from the HTML afterwards.
enum EmphasisFlanking {
    /// U+2E2E REVERSED QUESTION MARK: Unicode punctuation (Po) that Chinese text never uses.
    static let sentinel: Unicode.Scalar = "\u{2E2E}"

    /// Returns the source with sentinels added, or the source unchanged when it already
    /// contains the sentinel (so nothing of the author's is ever stripped).
    static func apply(_ source: String) -> String {
        guard source.unicodeScalars.contains(where: { $0 == "*" || $0 == "~" }),
            !source.unicodeScalars.contains(sentinel)
        else { return source }
        var out = String.UnicodeScalarView()
        var fence: (marker: Unicode.Scalar, length: Int)? = nil
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(line.unicodeScalars)
            if let f = fenceMarker(scalars) {
                if let open = fence {
                    if f.marker == open.marker && f.length >= open.length { fence = nil }
                } else {
                    fence = f
                }
                out.append(contentsOf: scalars)
            } else if fence != nil {
                out.append(contentsOf: scalars)
            } else {
                out.append(contentsOf: fixLine(scalars))
            }
            out.append("\n")
        }
        out.removeLast()
        return String(out)
    }

    private static func fenceMarker(_ line: [Unicode.Scalar]) -> (marker: Unicode.Scalar, length: Int)? {
        var i = 0
        while i < line.count, i < 4, line[i] == " " { i += 1 }
        guard i < 4, i < line.count, line[i] == "`" || line[i] == "~" else { return nil }
        let marker = line[i]
        var n = 0
        while i < line.count, line[i] == marker {
            n += 1
            i += 1
        }
        return n >= 3 ? (marker, n) : nil
    }

    private static func fixLine(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(line.count + 4)
        var i = 0
        while i < line.count {
            let c = line[i]
            guard c == "*" || c == "~" else {
                out.append(c)
                i += 1
                continue
            }
            var j = i
            while j < line.count, line[j] == c { j += 1 }
            let before: Unicode.Scalar? = i > 0 ? line[i - 1] : nil
            let after: Unicode.Scalar? = j < line.count ? line[j] : nil
            let run = line[i..<j]
            if before == "\\" || (c == "~" && run.count > 2) {
                out.append(contentsOf: run)
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
            if blockedOpener { out.append(sentinel) }
            out.append(contentsOf: run)
            if blockedCloser { out.append(sentinel) }
            i = j
        }
        return out
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
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}"
            || s.properties.generalCategory == .spaceSeparator
    }

    /// What cmark-gfm counts as punctuation: ASCII punctuation and Unicode P* categories.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
                || (0x7B...0x7E).contains(v)
        }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
