/// URL segments and fragment ids that keep Chinese characters.
public enum Slug {
    /// Lower-cases Latin letters, keeps letters (Han included), digits, `-` and `_`,
    /// turns runs of spaces into single hyphens and drops punctuation (as GitHub does).
    public static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        for s in text.unicodeScalars {
            // CJK letters (no case) and the punctuation blocks are told without looking their
            // Unicode properties up.
            let letter = CJK.isLetter(s)
            let kind = letter ? .kept : punctuationBlocks.value(s) ?? kind(s)
            if kind == .kept {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                if s == "-" {
                    pendingHyphen = true
                    continue
                }
                if letter {
                    out.append(s)
                } else if s.isASCII {
                    out.append((0x41...0x5A).contains(s.value) ? Unicode.Scalar(UInt8(s.value) | 0x20) : s)
                } else {
                    out.append(contentsOf: String(s).lowercased().unicodeScalars)
                }
            } else if kind == .space {
                pendingHyphen = true
            }
        }
        return String(out)
    }

    /// What `make` does with a scalar.
    enum Kind: Sendable { case kept, space, dropped }

    static func kind(_ s: Unicode.Scalar) -> Kind {
        if CJK.isLetter(s) || s.properties.isAlphabetic || s.properties.numericType == .decimal || s == "-" || s == "_"
        {
            return .kept
        }
        return s.properties.isWhitespace ? .space : .dropped
    }

    private static let punctuationBlocks = PunctuationBlockTable(fallback: Kind.dropped, kind)

    /// A slug taken from a file name: the extension and a leading `YYYY-MM-DD-` are dropped.
    public static func fromFileName(_ name: String) -> String {
        var base = name
        if base.hasSuffix(".md") { base.removeLast(3) }
        let scalars = Array(base.unicodeScalars)
        if scalars.count > 11, Day(iso: String(String.UnicodeScalarView(scalars[0..<10]))) != nil,
            scalars[10] == "-" || scalars[10] == "_"
        {
            base = String(String.UnicodeScalarView(scalars[11...]))
        }
        return base
    }

    /// The longest segment in UTF-8 bytes: a folder name on Linux file systems may have 255,
    /// and the staging and temporary names add to it.
    public static let maxSegmentBytes = 200

    /// True when the text is usable as one URL path segment: no separator, space or control
    /// character, not `.`/`..`, at most `maxSegmentBytes` bytes, and not a page's file name
    /// (`index.html` as a folder would collide with the list page's own file).
    public static func isValidSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && text.utf8.count <= maxSegmentBytes
            && !text.lowercased().hasSuffix(".html")
            && !text.unicodeScalars.contains { s in
                s == "/" || s == "\\" || s == "?" || s == "#" || s == "%" || s.properties.isWhitespace
                    || s.value < 0x20
            }
    }
}
