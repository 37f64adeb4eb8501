import CCmarkGFM
import CmarkArena
import CmarkGuard
import Foundation

/// The one place that talks to libcmark-gfm: extension registration, the concurrency guard,
/// parser set-up and HTML rendering.
enum CmarkEngine {
    /// The GFM extensions every Qingshan parser attaches, always the same set (the
    /// concurrency guard in CmarkGuard depends on that).
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions once, and learns whether the guard took effect by
    /// parsing one document serially.
    private static let setUp: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        let before = qs_cmark_guard_calls()
        if let parser = makeParser() {
            let sample = "a ~~b~~ https://example.org\n\n| x |\n|---|\n| y |\n"
            cmark_parser_feed(parser, sample, sample.utf8.count)
            if let root = cmark_parser_finish(parser) { cmark_node_free(root) }
            cmark_parser_free(parser)
        }
        return qs_cmark_guard_calls() > before
    }()

    private static let serialLock = NSLock()

    /// True when concurrent parses are safe; otherwise every parse takes a process-wide lock.
    static var parsesConcurrently: Bool { setUp }

    static let parseOptions: Int32 = CMARK_OPT_FOOTNOTES
    /// Raw HTML the author wrote is turned into text before rendering in safe mode, so the
    /// renderer can always run unsafe and pass Qingshan's own markers through.
    static let renderOptions: Int32 = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    private static func makeParser(memory: UnsafeMutablePointer<cmark_mem>? = nil) -> OpaquePointer? {
        let made = memory.map { cmark_parser_new_with_mem(parseOptions, $0) } ?? cmark_parser_new(parseOptions)
        guard let parser = made else { return nil }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        return parser
    }

    /// Parses a UTF-8 document into the calling thread's arena (CmarkArena); the caller owns
    /// the returned parser and root and ends with `release`, on the same thread.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (parser: OpaquePointer, root: OpaquePointer)? {
        let concurrent = setUp
        guard let parser = makeParser(memory: qs_arena_mem()) else {
            qs_arena_end()
            return nil
        }
        if !concurrent { serialLock.lock() }
        defer { if !concurrent { serialLock.unlock() } }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parser_feed(parser, chars.baseAddress, chars.count)
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            qs_arena_end()
            return nil
        }
        return (parser, root)
    }

    /// Renders the tree as HTML and hands its UTF-8 bytes to `body` (freed afterwards).
    static func withHTML<R>(root: OpaquePointer, parser: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> R)
        -> R
    {
        guard let cString = cmark_render_html(root, renderOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        // The HTML lives in the document's arena, released with it.
        return cString.withMemoryRebound(to: UInt8.self, capacity: strlen(cString)) { start in
            body(UnsafeBufferPointer(start: start, count: strlen(cString)))
        }
    }

    /// Frees the document (the nodes Qingshan added come from the same arena) and ends the
    /// thread's arena.
    static func release(root: OpaquePointer, parser: OpaquePointer) {
        cmark_node_free(root)
        cmark_parser_free(parser)
        qs_arena_end()
    }
}
