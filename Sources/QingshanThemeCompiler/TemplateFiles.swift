import Foundation

extension ThemeCompiler {
    /// Where the compiled theme goes, from the repository root.
    public static let outputPath = "Sources/QingshanRender/CompiledTheme.swift"

    /// Every `.mustache` file under `folder`, by its path without the extension.
    public static func templates(under folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let base = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return out
        }
        for case let url as URL in walker where url.pathExtension == "mustache" {
            let relative = url.path.dropFirst(base.path.count + 1)
            out[String(relative.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
        }
        return out
    }
}
