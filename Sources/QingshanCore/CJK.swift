/// Character classes for Chinese text handling.
public enum CJK {
    /// Han ideographs (unified, extensions, compatibility).
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30000...0x3134F: return true
        default: return false
        }
    }

    /// CJK letters: Han, kana, Hangul, bopomofo.
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if isHan(s) { return true }
        switch s.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3100...0x312F, 0x3005, 0x3007:
            return true
        default: return false
        }
    }

    /// Full-width and CJK punctuation: 。，、；：？！“”‘’（）《》【】〔〕…—·
    public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F:  // CJK symbols and punctuation (includes 。、〔〕《》【】)
            return s.value != 0x3005 && s.value != 0x3007
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:  // full-width forms
            return true
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x2015, 0x00B7, 0x2027, 0xFE30...0xFE4F:
            return true
        default: return false
        }
    }

    /// A CJK letter or CJK punctuation: the characters between which a line break is not a space.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        isLetter(s) || isPunctuation(s)
    }

    /// Unicode white space, with the common cases answered without a property look-up.
    @inline(__always)
    public static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if (0x3001...0xFFEF).contains(v) { return false }
        return s.properties.isWhitespace
    }

    /// Sentence-ending punctuation for summaries.
    public static func isSentenceEnd(_ c: Character) -> Bool {
        // Compared as scalars: Character equality goes through String comparison.
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.count == 1 else { return false }
        return isSentenceEnd(first)
    }

    /// 。！？!?；
    public static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF1B: return true
        default: return false
        }
    }
}
