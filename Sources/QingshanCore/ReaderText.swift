import Foundation

/// Output bytes as a reader sees them, for the privacy scan: what a browser, a JSON reader or a
/// spreadsheet shows, with the characters that hide a number from a plain byte search folded
/// away. One pass over UTF-8 bytes:
///
/// - character references decoded (`&#49;`, `&#x31;`, `&amp;`, `&lt;`, `&quot;`, `&nbsp;` …),
///   the escapes of JSON and JavaScript strings (`\u0031`, `\"`, `\/`), CSV's `""`, and
///   percent-encoded UTF-8 in links (`%E5%BC%A0`: a browser shows it decoded);
/// - compatibility forms of digits, letters and separators folded as Unicode's NFKC folds them
///   (full-width `１３８` and `Ｘ`, the ideographic space, circled, super- and subscript and
///   mathematical digits), and the dashes and minus signs to `-`;
/// - invisible characters removed: soft hyphen, zero-width space and joiners, word joiner,
///   bidirectional marks, byte order mark.
///
/// Bytes that are not UTF-8 mean the file is not text (a PDF, an image): `binary`.
public enum ReaderText {
    public enum Result: Equatable {
        /// Nothing to fold: the bytes are read as they are.
        case unchanged
        case folded([UInt8])
        case binary
    }

    /// Folds `bytes` (see the type's description). `validate: false` takes the bytes as UTF-8
    /// without checking (text Qingshan made itself); a malformed sequence is then read as far
    /// as it goes, never past the end.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>, validate: Bool = true) -> Result {
        let n = bytes.count
        var out: [UInt8] = []
        var copied = 0  // bytes before this index are in `out` (once `out` is in use)
        var folding = false
        var i = 0
        @inline(__always) func replace(_ start: Int, _ end: Int, with replacement: [UInt8]) {
            if !folding {
                folding = true
                out.reserveCapacity(n)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
            out.append(contentsOf: replacement)
            copied = end
        }
        guard let base = bytes.baseAddress else { return .unchanged }
        // Bytes that are not UTF-8 mean a file that is not text; checked files are then read
        // like the text Qingshan made.
        if validate, !UTF8Validation.isValid(bytes) { return .binary }
        while i < n {
            let b = base[i]
            // Plain ASCII (not `"`, `%`, `&` or `\`) is stepped over, eight bytes at a time.
            if b < 0x80, b != 0x22, b != 0x25, b != 0x26, b != 0x5C {
                i = skipPlainASCII(base, from: i + 1, count: n)
                continue
            }
            // A run of Han characters (lead bytes E4–E9): nothing to fold.
            if b &- 0xE4 < 6 {
                guard i + 2 < n else { return .unchanged }
                repeat { i &+= 3 } while i &+ 2 < n && base[i] &- 0xE4 < 6
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x26:  // &
                    if let (scalar, end) = reference(bytes, i) {
                        replace(i, end, with: fold(scalar: scalar))
                        i = end
                        continue
                    }
                case 0x5C:  // backslash
                    if let (scalar, end) = escape(bytes, i) {
                        replace(i, end, with: fold(scalar: scalar))
                        i = end
                        continue
                    }
                case 0x25:  // %HH…, when the run decodes to UTF-8 text
                    if let (decoded, end) = percentRun(bytes, i) {
                        replace(i, end, with: decoded)
                        i = end
                        continue
                    }
                case 0x22:  // "" in CSV is one quote
                    if i + 1 < n, bytes[i + 1] == 0x22 {
                        replace(i, i + 2, with: [0x22])
                        i += 2
                        continue
                    }
                default: break
                }
                i += 1
                continue
            }
            guard let (value, length) = UTF8Scalar.decode(bytes, at: i, upTo: n) else {
                i += 1
                continue
            }
            if let folded = fold(value) {
                replace(i, i + length, with: folded)
            }
            i += length
        }
        guard folding else { return .unchanged }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
        return .folded(out)
    }

    /// The first index from `start` on, eight bytes at a time (`ByteWord`), where the bytes are
    /// not all ASCII with nothing to look at (most of a page's markup): none of `"`, `%`, `&`,
    /// `\` and no byte above 0x7F in the word.
    @inline(__always)
    static func skipPlainASCII(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        while i + 8 <= n {
            let word = ByteWord.load(base, at: i)
            if word & 0x8080_8080_8080_8080 != 0 || ByteWord.holds(word, 0x22) != 0 || ByteWord.holds(word, 0x25) != 0
                || ByteWord.holds(word, 0x26) != 0 || ByteWord.holds(word, 0x5C) != 0
            {
                break
            }
            i += 8
        }
        return i
    }

    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            switch fold(bytes) {
            case .unchanged, .binary: return String(decoding: bytes, as: UTF8.self)
            case .folded(let out): return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// The UTF-8 of a decoded scalar after folding.
    static func fold(scalar: UInt32) -> [UInt8] {
        if let folded = fold(scalar) { return folded }
        guard let s = Unicode.Scalar(scalar) else { return [] }
        return Array(String(Character(s)).utf8)
    }

    /// What a non-ASCII scalar folds to, or nil when it stays.
    static func fold(_ value: UInt32) -> [UInt8]? {
        switch value {
        // Full-width digits, letters and the signs a number or an address is written with; the
        // full-width punctuation of Chinese text (，。：) stays, on both sides of the comparison.
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF20, 0xFF03:
            return [UInt8(value - 0xFF01 + 0x21)]
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: return [0x20]
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63: return [0x2D]
        case 0x00AD, 0x034F, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return []
        default:
            return compatibilityRanges.contains { $0.contains(value) } ? compatibility[value] : nil
        }
    }

    /// Digits and letters Unicode folds to ASCII under NFKC (circled, parenthesized, super-
    /// and subscript, mathematical, segmented), read from Foundation's NFKC once.
    static let compatibilityRanges: [ClosedRange<UInt32>] = [
        0x00B2...0x00B9, 0x2070...0x209F, 0x2460...0x24FF, 0x3251...0x325F, 0x32B1...0x32BF, 0x1D400...0x1D7FF,
        0x1FBF0...0x1FBF9,
    ]

    static let compatibility: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        for range in compatibilityRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping
                let bytes = Array(folded.utf8)
                if !bytes.isEmpty,
                    bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
                {
                    table[value] = bytes
                }
            }
        }
        return table
    }()

    static let namedReferences: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
        "zwj": 0x200D, "zwnj": 0x200C, "ZeroWidthSpace": 0x200B, "NoBreak": 0x2060, "hyphen": 0x2010,
        "dash": 0x2010, "minus": 0x2212, "ndash": 0x2013, "mdash": 0x2014, "period": 0x2E, "colon": 0x3A,
        "plus": 0x2B, "num": 0x23, "lpar": 0x28, "rpar": 0x29, "sol": 0x2F,
    ]

    /// A character reference at `i` (`&name;`, `&#NN;`, `&#xHH;`): its scalar and where it ends.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let n = bytes.count
        var j = i + 1
        guard j < n else { return nil }
        if bytes[j] == 0x23 {  // #
            j += 1
            let hex = j < n && (bytes[j] | 0x20) == 0x78
            if hex { j += 1 }
            var value: UInt32 = 0
            let start = j
            while j < n, j - start < 8 {
                let c = bytes[j]
                let digit: UInt32
                if c >= 0x30 && c <= 0x39 {
                    digit = UInt32(c - 0x30)
                } else if hex, (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 {
                    digit = UInt32((c | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                value = value * (hex ? 16 : 10) + digit
                j += 1
            }
            guard j > start, value <= 0x10FFFF else { return nil }
            // The semicolon is optional to a browser; take it when it is there.
            if j < n, bytes[j] == 0x3B { j += 1 }
            return (value, j)
        }
        let start = j
        while j < n, j - start < 16, (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A { j += 1 }
        guard j < n, bytes[j] == 0x3B, j > start else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
        guard let value = namedReferences[name] else { return nil }
        return (value, j + 1)
    }

    /// A run of `%HH` at `i` decoded, folded in its turn, when it is UTF-8 text; and its end.
    static func percentRun(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([UInt8], Int)? {
        var decoded: [UInt8] = []
        var j = i
        while j + 2 < bytes.count, bytes[j] == 0x25, let high = hexValue(bytes[j + 1]), let low = hexValue(bytes[j + 2])
        {
            decoded.append(high << 4 | low)
            j += 3
        }
        guard !decoded.isEmpty else { return nil }
        return decoded.withUnsafeBufferPointer { run -> ([UInt8], Int)? in
            switch fold(run) {
            case .binary: return nil
            case .unchanged: return (decoded, j)
            case .folded(let out): return (out, j)
            }
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// A JSON or JavaScript string escape at `i`: its scalar and where it ends.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let n = bytes.count
        guard i + 1 < n else { return nil }
        switch bytes[i + 1] {
        case 0x22, 0x2F, 0x5C, 0x27: return (UInt32(bytes[i + 1]), i + 2)
        case 0x6E, 0x74, 0x72: return (0x20, i + 2)  // \n \t \r read as a space
        case 0x75:  // \uXXXX, a surrogate pair as one scalar
            guard let high = hex4(bytes, i + 2) else { return nil }
            if (0xD800...0xDBFF).contains(high), i + 11 < n, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75,
                let low = hex4(bytes, i + 8), (0xDC00...0xDFFF).contains(low)
            {
                return (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), i + 12)
            }
            return (0xD800...0xDFFF).contains(high) ? nil : (high, i + 6)
        default: return nil
        }
    }

    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let c = bytes[k] | 0x20
            if c >= 0x30 && c <= 0x39 {
                value = value << 4 | UInt32(c - 0x30)
            } else if c >= 0x61 && c <= 0x66 {
                value = value << 4 | UInt32(c - 0x61 + 10)
            } else {
                return nil
            }
        }
        return value
    }
}

extension SourceLocation {
    /// Where the first byte that is not UTF-8 stands in `data` (line, and column in
    /// characters), for the error of a file saved in another encoding (GBK from Excel or Word).
    public static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation {
        data.withUnsafeBytes { raw -> SourceLocation in
            let bytes = raw.bindMemory(to: UInt8.self)
            var line = 1
            var column = 1
            // Lines and characters (lead bytes) before the first byte the check refuses.
            for b in bytes[..<(UTF8Validation.firstInvalid(in: bytes) ?? bytes.count)] {
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return SourceLocation(file: file, line: line, column: column)
        }
    }
}
