import Foundation

/// How every page, panel and cited figure writes a number, in one place: a figure in an
/// article's text must read exactly as the panel beside it.
public enum FigureFormat {
    /// `0.792` → `79.2%`.
    public static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
