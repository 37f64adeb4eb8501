import QingshanCore

/// Input shapes that the system's cmark-gfm (Debian's 0.29.0.gfm.6, before the 2023 upstream
/// fixes) parses in quadratic time, refused before the parser sees them so that every article
/// builds in well under a second or fails with an error naming its line:
///
/// - many `[` in one paragraph (`![[]()` repeated: 240 KB took 10–14 s): the bracket work of a
///   paragraph is the square of its `[` count, summed over the document;
/// - very wide table rows (20,000 columns × 20 rows took 30 s): the square of each line's `|`
///   count, summed;
/// - table delimiter rows of changing width in one paragraph (`|-|` / `|-|-|` alternating:
///   490 KB never finished): the table extension re-parses the paragraph at each of them.
///
/// Two linear costs are bounded too, so that an article under 1 MB parses in well under a
/// second: `@` (each possible e-mail autolink costs the autolink extension about 8 µs: 1 MB of
/// `x@y` took 2.6 s) and table cells (`|`: 400,000 cells took 1 s).
///
/// The bounds are far above any real document (a paragraph of 10,000 links, a row of 10,000
/// cells, 100 misfit delimiter rows) and far below the inputs that stall a build.
public enum MarkdownLimits {
    public static let maxBracketWork = 100_000_000
    public static let maxPipeWork = 100_000_000
    public static let maxMisfitDelimiterRows = 100
    public static let maxAtSigns = 20_000
    public static let maxPipes = 400_000

    /// Byte classes: counted (`[`, `|`, `-`, `@`), visible (not space, tab or CR), and not
    /// a table delimiter row's (anything but space, tab, CR, `|`, `:` and `-`).
    static let counted: UInt8 = 1
    static let visible: UInt8 = 2
    static let notDelimiter: UInt8 = 4
    static let byteClass: [UInt8] = (0..<256).map { b in
        switch b {
        case 0x20, 0x09, 0x0D: return 0
        case 0x7C, 0x2D: return counted | visible
        case 0x3A: return visible
        case 0x5B, 0x40: return counted | visible | notDelimiter
        default: return visible | notDelimiter
        }
    }

    /// Whether the eight bytes at `i` are all of the default class (visible, not a delimiter
    /// row's, not counted): none is a line feed, space, tab, CR, `[`, `|`, `@`, `-` or `:`
    /// (`ByteWord`).
    @inline(__always)
    static func plainWord(_ base: UnsafePointer<UInt8>, at i: Int) -> Bool {
        let word = ByteWord.load(base, at: i)
        let found =
            ByteWord.holds(word, 0x0A) | ByteWord.holds(word, 0x20) | ByteWord.holds(word, 0x09)
            | ByteWord.holds(word, 0x0D) | ByteWord.holds(word, 0x5B) | ByteWord.holds(word, 0x7C)
            | ByteWord.holds(word, 0x40) | ByteWord.holds(word, 0x2D) | ByteWord.holds(word, 0x3A)
        return found == 0
    }

    public struct Problem: Equatable, Sendable {
        /// Line of the text (1-based) where the limit was passed.
        public var line: Int
        public var message: String
    }

    /// The first limit `text` passes, or nil when it is safe to parse.
    public static func check(_ text: String) -> Problem? {
        var text = text
        return text.withUTF8 { check($0) }
    }

    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var bracketWork = 0
        var pipeWork = 0
        var line = 1
        var paragraphLine = 1
        var brackets = 0
        var delimiterCells: Int? = nil
        var misfits = 0
        var atSigns = 0
        var allPipes = 0
        var start = 0
        let n = bytes.count
        let base = bytes.baseAddress
        let byteClass = Self.byteClass  // read once: a static is checked for its first use at every access
        let counted = Self.counted
        while start <= n {
            var end = start
            var pipes = 0
            var lineBrackets = 0
            var dashes = 0
            var cells = 0
            var seen: UInt8 = 0  // the union of the line's byte classes
            var previous: UInt8 = 0
            while end < n {
                if let base, end + 8 <= n, Self.plainWord(base, at: end) {
                    // Eight bytes of nothing counted, blank or of a delimiter row: visible text.
                    seen |= Self.visible | Self.notDelimiter
                    previous = base[end + 7]
                    end += 8
                    continue
                }
                let b = bytes[end]
                if b == 0x0A { break }
                let kind = byteClass[Int(b)]
                seen |= kind
                if kind & counted != 0 {
                    switch b {
                    case 0x5B: lineBrackets += 1
                    case 0x7C: pipes += 1
                    case 0x40: atSigns += 1
                    default:  // -
                        dashes += 1
                        if previous != 0x2D { cells += 1 }
                    }
                }
                previous = b
                end += 1
            }
            let blank = seen & Self.visible == 0
            let onlyDelimiter = seen & Self.notDelimiter == 0
            if blank {
                brackets = 0
                delimiterCells = nil
                misfits = 0
                paragraphLine = line + 1
            } else {
                brackets += lineBrackets
                // The paragraph's work so far: (k + m)² − k² added for the m brackets of this line.
                bracketWork += lineBrackets * (2 * (brackets - lineBrackets) + lineBrackets)
                if bracketWork > maxBracketWork {
                    return Problem(
                        line: paragraphLine,
                        message: "从这一行起的段落含有 \(brackets) 个“[”，解析会极慢，已拒绝")
                }
                pipeWork += pipes * pipes
                allPipes += pipes
                if atSigns > maxAtSigns {
                    return Problem(line: line, message: "文中的“@”超过 \(maxAtSigns) 个（每个都可能是邮件地址链接），解析会极慢，已拒绝")
                }
                if allPipes > maxPipes {
                    return Problem(line: line, message: "表格单元格超过 \(maxPipes) 个，解析会极慢，已拒绝")
                }
                if pipeWork > maxPipeWork {
                    return Problem(line: line, message: "表格过宽（这一行有 \(pipes) 个“|”），解析会极慢，已拒绝")
                }
                if onlyDelimiter, pipes > 0, dashes > 0 {
                    if let first = delimiterCells {
                        if cells != first { misfits += 1 }
                    } else {
                        delimiterCells = cells
                    }
                    if misfits > maxMisfitDelimiterRows {
                        return Problem(
                            line: paragraphLine,
                            message: "从这一行起的段落含有 \(misfits) 个列数不一的表格分隔行，解析会极慢，已拒绝")
                    }
                }
            }
            line += 1
            start = end + 1
        }
        return nil
    }
}
