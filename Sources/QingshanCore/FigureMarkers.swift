/// A figure an author cites in an article's Markdown as `{{NAME}}` (docs/RULES.md, Figures in text): it is
/// replaced by the figure as of the article's day, after the data is derived.
public struct FigureReference: Hashable, Sendable {
    /// The name between the braces, spaces around it removed (`ledger.received`).
    public var name: String
    /// The reference as written, braces included, for messages and code spans.
    public var written: String
    /// Where the `{{` stands (1-based; the column counts characters).
    public var line: Int
    public var column: Int
    /// The number of its marker in the rendered text.
    public var index: Int

    public init(name: String, written: String, line: Int, column: Int, index: Int) {
        self.name = name
        self.written = written
        self.line = line
        self.column = column
        self.index = index
    }
}

/// Carries `{{NAME}}` through Markdown rendering. `mark` replaces each reference with a
/// private-use marker (U+E002, its number, U+E003) and each `\{{` with U+E004 before cmark-gfm
/// parses the text; the renderer puts code spans back as written; `resolve` writes the figures
/// in once they are known. The markers are reserved: an author's own are removed first.
public enum FigureMarkers {
    public static let open: Unicode.Scalar = "\u{E002}"
    public static let close: Unicode.Scalar = "\u{E003}"
    /// `\{{`: two literal braces in text, the backslash kept in code.
    public static let braces: Unicode.Scalar = "\u{E004}"

    /// The longest name looked for between `{{` and `}}`.
    static let maxNameCharacters = 120

    /// True when `text` has a `{{` (the only case `mark` changes anything).
    public static func mayHoldReferences(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHoldReferences)
    }

    public static func mayHoldReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.contains([0x7B, 0x7B], in: bytes)
    }

    /// True when `text` holds a marker (of `mark`, or typed by an author).
    public static func holdsMarkers(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(holdsMarkers)
    }

    public static func holdsMarkers(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // U+E002…U+E004 are EE 80 82…84 in UTF-8.
        var from = 0
        while let at = ByteSearch.firstIndex(of: 0xEE, in: bytes, from: from) {
            if at + 2 < bytes.count, bytes[at + 1] == 0x80, (0x82...0x84).contains(bytes[at + 2]) { return true }
            from = at + 1
        }
        return false
    }

    /// The text without any marker character.
    public static func withoutMarkers(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isMarker($0) }))
    }

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool { (0xE002...0xE004).contains(scalar.value) }

    /// Replaces each `{{NAME}}` of a Markdown text (on one line) with a marker and each `\{{`
    /// with the braces marker. Lines and columns are of `text`. A `{{` without its `}}` on
    /// the same line stays as written.
    public static func mark(_ text: String) -> (text: String, references: [FigureReference]) {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var references: [FigureReference] = []
        var line = 1
        var column = 1
        var i = 0
        var backslashes = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                if backslashes % 2 == 1 {
                    // `\{{`: the backslash already written is taken back.
                    out.removeLast()
                    out.append(braces)
                    i += 2
                    column += 2
                    backslashes = 0
                    continue
                }
                if let end = closing(scalars, from: i + 2) {
                    let written = String(String.UnicodeScalarView(scalars[i..<end + 2]))
                    let inner = String(String.UnicodeScalarView(scalars[(i + 2)..<end]))
                    let name = inner.trimmingSpaces()
                    let index = references.count
                    references.append(
                        FigureReference(name: name, written: written, line: line, column: column, index: index))
                    out.append(open)
                    out.append(contentsOf: String(index).unicodeScalars)
                    out.append(close)
                    column += end + 2 - i
                    i = end + 2
                    backslashes = 0
                    continue
                }
            }
            backslashes = c == "\\" ? backslashes + 1 : 0
            out.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        return (String(out), references)
    }

    /// Where the `}}` closing a `{{` that ends at `from` stands, if on the same line and near.
    static func closing(_ scalars: [Unicode.Scalar], from: Int) -> Int? {
        var j = from
        while j + 1 < scalars.count, j - from <= maxNameCharacters {
            let c = scalars[j]
            if c == "\n" || c == "{" { return nil }
            if c == "}", scalars[j + 1] == "}" { return j }
            j += 1
        }
        return nil
    }

    /// Code shows what the author wrote: each marker becomes its reference as written, the
    /// braces marker `\{{`.
    public static func restoringWritten(_ text: String, references: [FigureReference]) -> String {
        replacing(text, braces: "\\{{") { index in references.indices.contains(index) ? references[index].written : "" }
    }

    /// Text outside code: the braces marker becomes `{{`; figure markers stay.
    public static func unescapingBraces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.flatMap { $0 == braces ? ["{", "{"] : [$0] }))
    }

    /// The numbers of the figure markers in `text`.
    public static func indices(in text: String) -> [Int] {
        var found: [Int] = []
        _ = replacing(text, braces: "{{") { index in
            found.append(index)
            return ""
        }
        return found
    }

    /// Writes the figures in: marker N becomes `value(N)`.
    public static func resolve(_ text: String, value: (Int) -> String) -> String {
        replacing(text, braces: "{{", value)
    }

    /// The text with each figure marker replaced by `figure(N)` and each braces marker by
    /// `braces`. A marker cut off (a summary's end) is dropped.
    static func replacing(_ text: String, braces replacement: String, _ figure: (Int) -> String) -> String {
        guard holdsMarkers(text) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? scalars.next() {
            pending = nil
            if c == braces {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if c == open {
                var digits = ""
                var closed = false
                while let d = scalars.next() {
                    if d == close {
                        closed = true
                        break
                    }
                    guard ("0"..."9").contains(d) else {
                        pending = d
                        break
                    }
                    digits.unicodeScalars.append(d)
                }
                if closed, let index = Int(digits) { out.append(contentsOf: figure(index).unicodeScalars) }
            } else if c != close {
                out.append(c)
            }
        }
        return String(out)
    }
}

extension String {
    /// Without spaces and tabs at either end.
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
