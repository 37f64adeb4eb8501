/// Whether bytes are well-formed UTF-8, as the Unicode Standard defines it (chapter 3, table
/// 3-7, "Well-Formed UTF-8 Byte Sequences"):
///
/// | code points        | 1st byte | 2nd byte | 3rd byte | 4th byte |
/// |--------------------|----------|----------|----------|----------|
/// | U+0000..U+007F     | 00..7F   |          |          |          |
/// | U+0080..U+07FF     | C2..DF   | 80..BF   |          |          |
/// | U+0800..U+0FFF     | E0       | A0..BF   | 80..BF   |          |
/// | U+1000..U+CFFF     | E1..EC   | 80..BF   | 80..BF   |          |
/// | U+D000..U+D7FF     | ED       | 80..9F   | 80..BF   |          |
/// | U+E000..U+FFFF     | EE..EF   | 80..BF   | 80..BF   |          |
/// | U+10000..U+3FFFF   | F0       | 90..BF   | 80..BF   | 80..BF   |
/// | U+40000..U+FFFFF   | F1..F3   | 80..BF   | 80..BF   | 80..BF   |
/// | U+100000..U+10FFFF | F4       | 80..8F   | 80..BF   | 80..BF   |
///
/// (no overlong forms, no surrogates, nothing above U+10FFFF). An article is checked once when
/// it is read and then stays bytes: Swift's own check, when a String is made of a file, costs
/// about ten instructions a byte of Chinese text; this one steps over ASCII eight bytes at a
/// time after an ASCII byte and checks the two continuation bytes of a Han character at once.
public enum UTF8Validation {
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { firstInvalid(in: bytes) == nil }

    /// The offset of the first sequence that is not well-formed (a file's error points there),
    /// or nil when all of `bytes` is.
    public static func firstInvalid(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            let first = base[i]
            if first < 0x80 {
                i += 1
                while i + 8 <= n, ByteWord.load(base, at: i) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                continue
            }
            // A run of E1..EC, EE, EF leads (most of Chinese text): any two continuation bytes,
            // checked together.
            if first &- 0xE1 < 0x0F, first != 0xED, i &+ 2 < n {
                repeat {
                    guard UnsafeRawPointer(base + (i &+ 1)).loadUnaligned(as: UInt16.self) & 0xC0C0 == 0x8080 else {
                        return i
                    }
                    i &+= 3
                } while i &+ 2 < n && base[i] &- 0xE1 < 0x0F && base[i] != 0xED
                continue
            }
            // The second byte's range, then the number of continuation bytes after it.
            let second: ClosedRange<UInt8>
            let rest: Int
            switch first {
            case 0xC2...0xDF: (second, rest) = (0x80...0xBF, 0)
            case 0xE0: (second, rest) = (0xA0...0xBF, 1)
            case 0xE1...0xEC, 0xEE...0xEF: (second, rest) = (0x80...0xBF, 1)
            case 0xED: (second, rest) = (0x80...0x9F, 1)
            case 0xF0: (second, rest) = (0x90...0xBF, 2)
            case 0xF1...0xF3: (second, rest) = (0x80...0xBF, 2)
            case 0xF4: (second, rest) = (0x80...0x8F, 2)
            default: return i  // a continuation byte first, C0, C1, F5..FF
            }
            guard i + 1 + rest < n, second.contains(base[i + 1]) else { return i }
            for k in 0..<rest where base[i + 2 + k] & 0xC0 != 0x80 { return i }
            i += 2 + rest
        }
        return nil
    }
}
