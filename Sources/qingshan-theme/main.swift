import Foundation
import QingshanThemeCompiler

// `make theme`: compiles templates/ into Sources/QingshanRender/CompiledTheme.swift. Run from
// the repository root.
let root = FileManager.default.currentDirectoryPath
do {
    let source = try ThemeCompiler.generate(templates: ThemeCompiler.templates(under: root + "/templates"))
    try source.write(toFile: root + "/" + ThemeCompiler.outputPath, atomically: true, encoding: .utf8)
    print("wrote \(ThemeCompiler.outputPath)")
} catch {
    FileHandle.standardError.write(Data("qingshan-theme: \(error)\n".utf8))
    exit(1)
}
