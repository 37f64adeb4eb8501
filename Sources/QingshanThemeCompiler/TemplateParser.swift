/// A template of the built-in theme as a tree: the part of Mustache the built-in theme uses
/// (variables, sections, inverted sections, partials, a parent with blocks, the content-type
/// pragma), with Mustache's rule for standalone lines. Anything else is a compile error, so
/// the compiled theme can never silently differ from what swift-mustache renders; the tests
/// compare the two on every fixture site and the sample portal.
public indirect enum TemplateNode: Equatable, Sendable {
    case text(String)
    /// `{{name}}` or `{{{name}}}`: the same under the TEXT content type (views escape).
    case variable(String)
    case section(String, inverted: Bool, [TemplateNode])
    case partial(String)
    /// `{{<name}}` … `{{/name}}`: the parent rendered with these blocks.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` in a parent.
    case block(String, [TemplateNode])
}

public struct TemplateCompileError: Error, CustomStringConvertible, Equatable {
    public var template: String
    public var line: Int
    public var message: String
    public var description: String {
        "templates/\(template).mustache" + (line > 0 ? ":\(line)" : "") + ": " + message
    }
}

enum TemplateParser {
    /// What Theme.load puts before every template (TemplateText.swift); it is part of the first
    /// line, so a tag after it on that line is not standalone.
    static let pragma = "{{% CONTENT_TYPE: TEXT}}"

    private enum Tag {
        case variable(String)
        case open(String, inverted: Bool)
        case close(String)
        case partial(String)
        case parent(String)
        case block(String)
        case pragma
        case comment
    }

    private enum Piece {
        case text(String)
        case tag(Tag)
    }

    /// Parses `source` (without the pragma; it is added here as Theme.load adds it).
    static func parse(_ source: String, name: String) throws -> [TemplateNode] {
        let text = pragma + source
        guard !text.contains("\r") else { throw error(name, 1, "carriage returns are not supported") }
        var pieces: [(Piece, line: Int)] = []
        var lineNumber = 0
        for rawLine in lines(text) {
            lineNumber += 1
            // Mustache indents partials and strips the indentation of blocks in a parent by
            // rules the built-in theme does not need; an indented line is refused.
            if rawLine.first == " " || rawLine.first == "\t" {
                throw error(name, lineNumber, "an indented line is not supported by the theme compiler")
            }
            let linePieces = try split(rawLine, template: name, line: lineNumber)
            let tags = linePieces.filter { if case .tag = $0 { true } else { false } }
            let blank = linePieces.allSatisfy { piece in
                if case .text(let t) = piece { return t.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" } }
                return true
            }
            if tags.count == 1, blank, case .tag(let tag) = tags[0], standalone(tag) {
                pieces.append((.tag(tag), lineNumber))
            } else {
                pieces += linePieces.map { ($0, lineNumber) }
            }
        }
        var position = 0
        let nodes = try build(pieces, &position, closing: nil, template: name)
        return nodes
    }

    private static func standalone(_ tag: Tag) -> Bool {
        if case .variable = tag { return false }
        return true
    }

    /// The lines of `text`, each with its newline.
    private static func lines(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "\n" {
                out.append(text[start...i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }

    private static func split(_ line: Substring, template: String, line number: Int) throws -> [Piece] {
        var pieces: [Piece] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            var after = rest[open.upperBound...]
            let triple = after.first == "{"
            if triple { after = after.dropFirst() }
            guard let close = after.range(of: triple ? "}}}" : "}}") else {
                throw error(template, number, "a tag is not closed on its line")
            }
            let inside = String(after[..<close.lowerBound])
            pieces.append(.tag(try tag(inside, triple: triple, template: template, line: number)))
            rest = after[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    private static func tag(_ inside: String, triple: Bool, template: String, line: Int) throws -> Tag {
        func name(_ s: Substring) throws -> String {
            let trimmed = s.trimmingCharacters(in: " \t")
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-")
            guard !trimmed.isEmpty, trimmed.allSatisfy(allowed.contains) else {
                throw error(template, line, "the tag {{\(inside)}} is not supported by the theme compiler")
            }
            return trimmed
        }
        if triple { return .variable(try name(inside[...])) }
        guard let first = inside.first else { throw error(template, line, "an empty tag") }
        let body = inside.dropFirst()
        switch first {
        case "#": return .open(try name(body), inverted: false)
        case "^": return .open(try name(body), inverted: true)
        case "/": return .close(try name(body))
        case ">": return .partial(try name(body))
        case "<": return .parent(try name(body))
        case "$": return .block(try name(body))
        case "!": return .comment
        case "%":
            guard "{{" + inside + "}}" == pragma else {
                throw error(template, line, "only the TEXT pragma is supported")
            }
            return .pragma
        case "&": return .variable(try name(body))
        case "=": throw error(template, line, "changing delimiters is not supported by the theme compiler")
        default: return .variable(try name(inside[...]))
        }
    }

    private static func build(
        _ pieces: [(Piece, line: Int)], _ position: inout Int, closing: String?, template: String
    ) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while position < pieces.count {
            let (piece, line) = pieces[position]
            position += 1
            switch piece {
            case .text(let text):
                if case .text(let previous) = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + text)
                } else {
                    nodes.append(.text(text))
                }
            case .tag(.variable(let name)): nodes.append(.variable(name))
            case .tag(.open(let name, let inverted)):
                let body = try build(pieces, &position, closing: name, template: template)
                nodes.append(.section(name, inverted: inverted, body))
            case .tag(.close(let name)):
                guard name == closing else { throw error(template, line, "{{/\(name)}} closes nothing open") }
                return nodes
            case .tag(.partial(let name)): nodes.append(.partial(name))
            case .tag(.parent(let name)):
                let body = try build(pieces, &position, closing: name, template: template)
                var blocks: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .block(let block, let content): blocks[block] = content
                    case .text: break  // text between blocks of a parent is not rendered
                    default: throw error(template, line, "a parent may hold only blocks")
                    }
                }
                nodes.append(.parent(name, blocks: blocks))
            case .tag(.block(let name)):
                let body = try build(pieces, &position, closing: name, template: template)
                nodes.append(.block(name, body))
            case .tag(.pragma), .tag(.comment): break
            }
        }
        if let closing { throw error(template, pieces.last?.line ?? 1, "{{#\(closing)}} is not closed") }
        return nodes
    }

    private static func error(_ template: String, _ line: Int, _ message: String) -> TemplateCompileError {
        TemplateCompileError(template: template, line: line, message: message)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
