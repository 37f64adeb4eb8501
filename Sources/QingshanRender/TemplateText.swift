import QingshanCore

// Escaping is decided by the data, not by the template: every template is rendered with
// Mustache's TEXT content type (Theme.load adds the pragma), and every view hands out text
// through `text(_:)`, escaped for HTML. Only trusted HTML that Qingshan made itself (an
// article body from cmark-gfm) is handed out as is. A theme author who writes `{{{summary}}}`
// therefore cannot open a hole, and escaping runs once per value, on UTF-8 bytes.

/// Text for a template, escaped for HTML element content and attribute values; nil keeps a
/// `{{#section}}` closed.
func text(_ value: String?) -> String? { value.map(HTMLEscape.escape) }

/// Text for a template, escaped (a value that is always there).
@_disfavoredOverload func text(_ value: String) -> String { HTMLEscape.escape(value) }

/// A page as the compiled theme writes it: UTF-8 bytes, text and markup appended as they are
/// (a String's bytes are copied without decoding; an article's HTML is never made a String).
struct PageBytes {
    var utf8: [UInt8] = []

    init() { utf8.reserveCapacity(16_384) }

    static func += (page: inout PageBytes, text: String) {
        page.utf8.append(contentsOf: text.utf8)
    }

    static func += (page: inout PageBytes, html: TrustedHTML) {
        page.utf8.append(contentsOf: html.utf8)
    }
}
