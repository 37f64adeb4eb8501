/// URL segments and fragment ids that keep Chinese characters.
public enum Slug {
    /// Lower-cases Latin letters, keeps letters (Han included), digits, `-` and `_`,
    /// turns runs of spaces into single hyphens and drops punctuation (as GitHub does).
    public static func make(_ text: String) -> String {
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

    /// True when the text is usable as one URL path segment.
    public static func isValidSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".."
            && !text.unicodeScalars.contains { s in
                s == "/" || s == "\\" || s == "?" || s == "#" || s == "%" || s.properties.isWhitespace
                    || s.value < 0x20
            }
    }
}
