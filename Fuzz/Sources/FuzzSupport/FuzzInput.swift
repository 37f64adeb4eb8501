/// Shared helpers for the fuzz targets.
public enum FuzzInput {
    /// The bytes as a String when they are valid UTF-8 (the loaders refuse other files with an
    /// error before any parser runs, so invalid input is skipped, as they do).
    public static func utf8(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}
