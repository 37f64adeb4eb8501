import FuzzEntry
import FuzzSupport
import QingshanCore
import QingshanMarkdown

/// An article body: MarkdownLimits, then the renderer in safe mode (the default, at the root
/// and under /hbj/) and with raw HTML allowed. Traps when safe-mode HTML holds a link or
/// image whose target a browser would run as script: `href="javascript:` / `src="javascript:`
/// in any case, and also after undoing what a browser undoes before it reads the scheme
/// (character references, leading spaces and controls, tabs and line breaks), for
/// javascript:, vbscript: and data: (data:image/… allowed in src only). Traps too when a figure
/// marker (`{{NAME}}`, docs/RULES.md, Figures in text) in the HTML names no figure the
/// renderer reported, or survives the figures being written in.
let safeRoot = MarkdownRenderer()
let safeBase = MarkdownRenderer(allowRawHTML: false, basePath: "/hbj/")
let unsafe = MarkdownRenderer(allowRawHTML: true, basePath: "/hbj/")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput.utf8(data, size) else { return 0 }
    guard MarkdownLimits.check(text) == nil else { return 0 }
    for renderer in [safeRoot, safeBase] {
        let rendered = renderer.render(text)
        let html = rendered.html.string
        let reported = Set(rendered.figures.map(\.index))
        for index in FigureMarkers.indices(in: html) where !reported.contains(index) {
            fatalError("figure marker \(index) in the HTML was not reported\n--- HTML ---\n\(html)")
        }
        for part in [html, String(decoding: rendered.plainText, as: UTF8.self), rendered.paragraphText]
        where FigureMarkers.holdsMarkers(FigureMarkers.resolve(part) { _ in "7" }) {
            fatalError("a figure marker survives resolution\n--- TEXT ---\n\(part)")
        }
        if let bad = ScriptLinks.find(in: html) {
            fatalError("safe-mode HTML (basePath \(renderer.basePath)) has a script link: \(bad)\n--- HTML ---\n\(html)")
        }
    }
    _ = unsafe.render(text)
    return 0
}

enum ScriptLinks {
    /// The first `href="…"` / `src="…"` attribute a browser would run as script, or nil.
    static func find(in html: String) -> String? {
        let bytes = Array(html.utf8)
        let n = bytes.count
        var i = 0
        while i < n {
            // An attribute `href="` or `src="` (case-insensitive), preceded by a space.
            var nameEnd = -1
            var isSrc = false
            if i > 0, bytes[i - 1] == 0x20 {
                if matches(bytes, i, "href=\"") {
                    nameEnd = i + 6
                } else if matches(bytes, i, "src=\"") {
                    nameEnd = i + 5
                    isSrc = true
                }
            }
            guard nameEnd >= 0 else {
                i += 1
                continue
            }
            var end = nameEnd
            while end < n, bytes[end] != 0x22 { end += 1 }
            let raw = String(decoding: bytes[nameEnd..<end], as: UTF8.self)
            let value = decodeReferences(raw)
            if matches(Array(raw.utf8), 0, "javascript:") { return raw }
            if let scheme = scheme(value) {
                if scheme == "javascript" || scheme == "vbscript" { return raw }
                if scheme == "data", !(isSrc && browserForm(value).lowercased().hasPrefix("data:image/")) {
                    return raw
                }
            }
            i = end
        }
        return nil
    }

    static func matches(_ bytes: [UInt8], _ at: Int, _ pattern: String) -> Bool {
        let p = Array(pattern.utf8)
        guard at + p.count <= bytes.count else { return false }
        for k in 0..<p.count {
            var b = bytes[at + k]
            if b >= 0x41, b <= 0x5A { b += 0x20 }
            if b != p[k] { return false }
        }
        return true
    }

    /// `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&apos;`, `&#NN;`, `&#xHH;` and a few names decoded.
    static func decodeReferences(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let named: [String: String] = [
            "amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'", "colon": ":", "tab": "\t",
            "newline": "\n",
        ]
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let semi = scalars[(i + 1)...].prefix(12).firstIndex(of: ";") {
                let body = String(String.UnicodeScalarView(scalars[(i + 1)..<semi]))
                var decoded: Unicode.Scalar? = nil
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
                } else if let v = named[body.lowercased()] {
                    decoded = v.unicodeScalars.first
                }
                if let decoded {
                    out.append(decoded)
                    i = semi + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// As a browser reads a URL: outer C0 controls and spaces trimmed, tabs and newlines removed.
    static func browserForm(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, f.value <= 0x20 { scalars.removeFirst() }
        while let l = scalars.last, l.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(scalars)
    }

    static func scheme(_ s: String) -> String? {
        var scheme = ""
        for c in browserForm(s).unicodeScalars {
            if c == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let letter = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
            let other = (c >= "0" && c <= "9") || c == "+" || c == "-" || c == "."
            guard letter || (!scheme.isEmpty && other) else { return nil }
            scheme.unicodeScalars.append(c)
        }
        return nil
    }
}

/// SwiftPM links executables with `--defsym main=FuzzMarkdown_main`: hand over to libFuzzer.
@_cdecl("FuzzMarkdown_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qingshan_fuzz_main(argc, argv)
}
