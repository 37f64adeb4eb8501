import FuzzEntry
import FuzzSupport
import QingshanCore
import QingshanLoad
import QingshanMarkdown

/// A whole article file: CRLF folding, front-matter split, YAML (Yams) and its validation,
/// slug checks, MarkdownLimits and the Markdown body — `ArticleLoader.parse`, as the loader
/// calls it after reading the file. The front-matter parser is also run on its own, so that
/// YAML the article check would stop early is still parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard var text = FuzzInput.utf8(data, size) else { return 0 }
    let file = "content/news/x.md"
    let diagnostics = Diagnostics()
    if let split = text.withUTF8({ FrontMatterParser.split(utf8: $0, file: file, diagnostics: diagnostics) }) {
        _ = FrontMatterParser.parse(split.yaml, file: file, diagnostics: diagnostics)
    }
    _ = ArticleLoader.parse(
        text, file: file, section: .news, renderer: MarkdownRenderer(basePath: "/hbj/"), diagnostics: Diagnostics())
    return 0
}

/// SwiftPM links executables with `--defsym main=FuzzFrontMatter_main`: hand over to libFuzzer.
@_cdecl("FuzzFrontMatter_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qingshan_fuzz_main(argc, argv)
}
