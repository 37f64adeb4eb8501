/// Which link targets may be published as links when raw HTML is not allowed.
///
/// A browser strips leading and trailing spaces and control characters from a URL and removes
/// every tab and line break inside it before it reads the scheme, and reads the scheme without
/// regard to case (WHATWG URL Standard, “basic URL parser”). So `  JaVa\tScRiPt:alert(1)` runs
/// a script as surely as `javascript:alert(1)`; character references (`&#106;avascript:`) are
/// already decoded by the Markdown parser before a target reaches this check. Rather than list
/// the dangerous schemes (`javascript:`, `vbscript:`, `data:text/html`, `file:` …) the rule
/// lists the safe ones: http, https, mailto and tel, links without a scheme (relative,
/// root-relative, `#anchor`), and for images `data:image/…`.
public enum LinkSafety {
    public static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether `target` may stay a link (`image`: the source of an image).
    public static func isSafe(_ target: String, image: Bool = false) -> Bool {
        guard let scheme = scheme(of: target) else { return true }
        if safeSchemes.contains(scheme) { return true }
        if image, scheme == "data" {
            let rest = String(String.UnicodeScalarView(normalized(target).dropFirst("data:".count)))
            return rest.lowercased().hasPrefix("image/")
        }
        return false
    }

    /// The target as a browser reads it: outer spaces and C0 controls trimmed, tabs and line
    /// breaks inside removed.
    static func normalized(_ target: String) -> Substring.UnicodeScalarView {
        var scalars = Substring(target).unicodeScalars
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return scalars
    }

    /// The scheme, lower-cased, when the target has one (an ASCII letter, then letters, digits,
    /// `+`, `-` or `.`, then `:`); nil for a relative link. Read from the UTF-8 as `normalized`
    /// would give it (a scheme is ASCII, so any other byte ends the look).
    public static func scheme(of target: String) -> String? {
        var scheme: [UInt8] = []
        var leading = true
        for byte in target.utf8 {
            if leading, byte <= 0x20 { continue }
            leading = false
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == 0x3A { return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self) }
            let lower = byte | 0x20
            let isLetter = lower >= 0x61 && lower <= 0x7A
            let isOther = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.append(isLetter ? lower : byte)
        }
        return nil
    }
}
