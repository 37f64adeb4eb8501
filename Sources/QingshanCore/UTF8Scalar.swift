/// Reading Unicode scalars straight out of UTF-8 bytes, for the passes that walk output and
/// Markdown byte by byte.
public enum UTF8Scalar {
    /// The scalar value starting at byte `index` and its length in bytes; nil when `index` is
    /// at or past `upper` or the sequence would run past it.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, upTo upper: Int)
        -> (value: UInt32, length: Int)?
    {
        guard index < upper else { return nil }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= upper else { return nil }
        var value = UInt32(lead) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return (value, length)
    }

    /// The value of the three-byte sequence at `index` (lead byte 0xE0–0xEF, two more bytes
    /// there): Han characters and the punctuation of Chinese text, decoded in place by the
    /// passes that walk most of a page's bytes.
    @inlinable
    public static func threeByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }
}
