/// Markup Qingshan made itself (a Markdown body through cmark-gfm and its passes), kept as
/// its UTF-8 bytes: a page writes it in as it is, unescaped, and never decodes or validates it
/// again (making a String of an article's HTML cost Swift about ten instructions a byte).
/// Nothing an author or a ledger wrote may become one without going through the renderer.
public struct TrustedHTML: Sendable, Hashable {
    public let utf8: [UInt8]

    public init(utf8: [UInt8]) { self.utf8 = utf8 }

    /// Markup as a String (the bytes are copied).
    public init(_ markup: String) { utf8 = Array(markup.utf8) }

    public static let empty = TrustedHTML(utf8: [])

    public var isEmpty: Bool { utf8.isEmpty }

    /// The markup as a String, for what reads text (swift-mustache, the figure markers).
    public var string: String { String(decoding: utf8, as: UTF8.self) }
}
