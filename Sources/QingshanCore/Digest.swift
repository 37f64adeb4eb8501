/// A 64-bit FNV-1a digest of a sequence of values, for telling whether the inputs of a
/// rebuild are the ones of the last build. Not cryptographic.
public struct Digest: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0100_0000_01b3
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        value = (value ^ 0xFF) &* 0x0100_0000_01b3
    }

    public mutating func add(_ text: String) { add(bytes: text.utf8) }

    public mutating func add(_ number: Int) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }
}
