/// Escaping for text that comes from the bureau's files: every ledger or front-matter string is untrusted.
public enum HTMLEscape {
    /// Escapes `& < > " '` for element content and quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the text holds one of `& < > " '` (over the contiguous bytes: most strings hold
    /// none, and this runs for every title and summary of every page).
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x40 && special & (1 << UInt64(byte)) != 0 { return true }
            return false
        }
    }

    /// `& < > " '` as bits of the ASCII bytes below 0x40.
    private static let special: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    /// XML 1.0 text: HTML escaping plus removal of the control characters XML forbids.
    public static func xml(_ text: String) -> String {
        // Forbidden characters are control bytes or U+FFFE/U+FFFF (EF BF BE/BF): most text has neither.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }) else { return escape(text) }
        let cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { s in
                    s == "\t" || s == "\n" || s == "\r" || (s.value >= 0x20 && s.value != 0xFFFE && s.value != 0xFFFF)
                }))
        return escape(cleaned)
    }
}
