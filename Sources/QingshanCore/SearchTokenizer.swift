/// Tokens for the site search: Han text as overlapping character bigrams, Latin words and
/// numbers as lower-cased words. (A one-character query is answered from the bigrams.)
public enum SearchTokenizer {
    /// A Han token packed as two 21-bit scalars (a lone character has 0 as its second half);
    /// packing keeps the indexer free of string allocations.
    public static func pack(_ a: Unicode.Scalar, _ b: Unicode.Scalar?) -> UInt64 {
        UInt64(a.value) << 21 | UInt64(b?.value ?? 0)
    }

    public static func unpack(_ token: UInt64) -> String {
        var out = String.UnicodeScalarView()
        if let a = Unicode.Scalar(UInt32(token >> 21)) { out.append(a) }
        if token & 0x1F_FFFF != 0, let b = Unicode.Scalar(UInt32(token & 0x1F_FFFF)) { out.append(b) }
        return String(out)
    }

    /// Calls `han` for every bigram (or lone Han character) and `word` for every word.
    public static func visit(_ text: String, han: (UInt64) -> Void, word: (String) -> Void) {
        var previous: Unicode.Scalar? = nil
        var runLength = 0
        var current = String.UnicodeScalarView()
        func endHan() {
            if runLength == 1, let previous { han(pack(previous, nil)) }
            runLength = 0
            previous = nil
        }
        func endWord() {
            guard !current.isEmpty else { return }
            var w = String(current).lowercased()
            if w.hasSuffix(".") { w.removeLast() }
            if !w.isEmpty { word(w) }
            current = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            if CJK.isLetter(s) {
                endWord()
                if let p = previous { han(pack(p, s)) }
                previous = s
                runLength += 1
            } else if WordScalars.isAlphabeticOrDigit(s) {
                endHan()
                current.append(s)
            } else if s == ".", !current.isEmpty, current.allSatisfy({ (0x30...0x39).contains($0.value) }) {
                // Keep decimals together: 2.5, 0.15.
                current.append(s)
            } else {
                endHan()
                endWord()
            }
        }
        endHan()
        endWord()
    }

    /// The tokens as strings, in order (tests and small inputs).
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        visit(text, han: { out.append(unpack($0)) }, word: { out.append($0) })
        return out
    }
}
