/// Tokens for the site search: Han text as overlapping character bigrams, Latin words and
/// numbers as lower-cased words. (A one-character query is answered from the bigrams.)
public enum SearchTokenizer {
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count == 1 {
                out.append(String(han[0]))
            } else if han.count > 1 {
                for i in 0..<(han.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(han[i])
                    pair.append(han[i + 1])
                    out.append(String(pair))
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            if !word.isEmpty { out.append(String(word).lowercased()) }
            word = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            if CJK.isLetter(s) {
                flushWord()
                han.append(s)
            } else if s.isASCII
                ? (s.properties.isAlphabetic || (0x30...0x39).contains(s.value)) : s.properties.isAlphabetic
            {
                flushHan()
                word.append(s)
            } else if s == "." && !word.isEmpty && word.allSatisfy({ (0x30...0x39).contains($0.value) }) {
                // Keep decimals together: 2.5, 0.15.
                word.append(s)
            } else {
                flushHan()
                flushWord()
            }
        }
        flushHan()
        flushWord()
        return out.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }
}
