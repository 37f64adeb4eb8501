/// Slash-separated relative paths (`news/slug/index.html`) taken apart as text.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on some one-letter paths (`"a"`,
/// `"f/x"` → `"f"` → …) on Linux, so the stages that stage and write the output use these.
public enum PathText {
    /// Everything before the last `/`, or "" for a path without one.
    public static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Every folder that holds `path`, nearest first (`a/b/c` → `a/b`, `a`).
    public static func ancestors(_ path: String) -> [String] {
        var out: [String] = []
        var folder = parent(path)
        while !folder.isEmpty, folder != "/" {
            out.append(folder)
            folder = parent(folder)
        }
        return out
    }

    /// The lower-cased extension of the last component (`report.PDF` → `pdf`), or "".
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `folder` and `name` joined by one `/`.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
