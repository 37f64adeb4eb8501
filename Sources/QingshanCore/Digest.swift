/// A 64-bit digest of a sequence of values (FNV-1a over bytes, whole integers mixed first),
/// for telling whether the inputs of a rebuild are the ones of the last build. Not
/// cryptographic.
public struct Digest: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0100_0000_01b3

    public init() {}

    public mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var value = self.value
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* Self.prime
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.value = (value ^ 0xFF) &* Self.prime
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    public mutating func add(_ number: Int) {
        // SplitMix64's finalizer spreads every bit of the number before it is folded in.
        var x = UInt64(bitPattern: Int64(number)) &+ 0x9e37_79b9_7f4a_7c15
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        x ^= x >> 31
        value = (value ^ x) &* Self.prime
        value ^= value >> 29
    }
}
