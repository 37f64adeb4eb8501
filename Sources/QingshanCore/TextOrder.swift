extension String {
    /// Orders names (科室, 街道) by their UTF-8 bytes: a fixed order that needs no Unicode
    /// normalization, the same on every machine.
    public static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
