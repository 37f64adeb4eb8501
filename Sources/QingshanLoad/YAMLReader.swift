import QingshanCore
import QingshanModel
import Yams

/// Composes YAML into Yams' node tree, keeping each node's line and column so every
/// problem can name the offending key (Yams' Codable errors carry no position).
public enum YAMLReader {
    /// Parses `text` (which starts at line `lineOffset + 1` of `file`); a syntax error is
    /// reported with its position and gives nil.
    public static func compose(_ text: String, file: String, lineOffset: Int = 0, diagnostics: Diagnostics)
        -> YAMLNode?
    {
        // Plain block YAML (nearly every front matter and ledger) is composed directly; the
        // rest, and every error, goes through Yams.
        if let plain = PlainYAML.compose(text) { return plain }
        do {
            // Qingshan reads every scalar as text and parses numbers, dates and booleans itself
            // (with positions), so Yams' tag resolution (seven regular expressions a plain
            // scalar) is skipped: the basic resolver. Yams works out its default encoding from
            // the environment on every call: name it.
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            guard let node = YAMLNode.converting(root, budget: YAMLNode.nodeBudget(byteCount: text.utf8.count)) else {
                diagnostics.error(
                    SourceLocation(file: file, line: lineOffset + 1),
                    "YAML 中的别名（*name）展开后过大（超过 \(YAMLNode.nodeBudget(byteCount: text.utf8.count)) 个节点），已拒绝读取",
                    hint: "不要层层引用锚点（&name）；把内容直接写出来")
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.report(diagnostic(for: error, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.error(SourceLocation(file: file, line: lineOffset + 1), "YAML 无法解析：\(error)")
            return nil
        }
    }

    /// True when `text` holds no YAML document: nothing but blank lines, comments and document
    /// markers. Such a file composes to nothing without an error; its reader must say so.
    public static func holdsNoDocument(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: true).allSatisfy { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" || trimmed == "..."
        }
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text)，" } ?? ""
            return .error(at(mark), "YAML 语法错误：\(detail)\(problem)", hint: "检查缩进、冒号后的空格和引号是否成对")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(at(context.mark), "YAML 映射中键重复：\(duplicates.joined(separator: "、"))")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(file: file, line: lineOffset + 1), "YAML 读取错误：\(problem)")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1), "YAML 错误：\(error)")
        }
    }
}

/// Reads typed values out of a YAML mapping and reports every problem with its position.
public struct MappingReader {
    public let file: String
    public let lineOffset: Int
    public let diagnostics: Diagnostics
    public let node: YAMLNode
    public let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    /// Nil (and an error) when `node` is not a mapping.
    public init?(_ node: YAMLNode, file: String, lineOffset: Int = 0, diagnostics: Diagnostics, what: String) {
        self.file = file
        self.lineOffset = lineOffset
        self.diagnostics = diagnostics
        self.node = node
        guard let mapping = node.mapping else {
            diagnostics.error(
                Self.location(node, file: file, lineOffset: lineOffset), "\(what)应为“键: 值”的映射")
            return nil
        }
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    static func location(_ node: YAMLNode, file: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line + lineOffset, column: node.mark.column)
    }

    public func location(_ node: YAMLNode) -> SourceLocation { Self.location(node, file: file, lineOffset: lineOffset) }

    /// Where `key` stands, or where the mapping starts when the key is absent.
    public func location(ofKey key: String) -> SourceLocation {
        location(pairs.first { $0.key == key }?.keyNode ?? node)
    }

    public func value(_ key: String) -> YAMLNode? {
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let s) = pair.value, s.isNullTag || isNullScalar(s) {
            return nil
        }
        return pair.value
    }

    private func isNullScalar(_ s: YAMLNode.Scalar) -> Bool {
        s.isPlain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The mappings of the list under `key`: empty when the key is absent, nil (reported) when
    /// its value is not a list; an item that is not a mapping is reported and left out.
    public func list(_ key: String, what: String) -> [MappingReader]? {
        guard let node = value(key) else { return [] }
        guard let items = node.sequence else {
            diagnostics.error(location(node), "\(key) 应为\(what)的列表")
            return nil
        }
        return items.compactMap {
            MappingReader($0, file: file, lineOffset: lineOffset, diagnostics: diagnostics, what: what)
        }
    }

    /// Warns about keys the format does not know (typos are caught, not ignored).
    public func warnUnknownKeys(allowed: Set<String>, context: String) {
        for pair in pairs where !allowed.contains(pair.key) {
            let hint = Self.suggestions.value(for: UnknownKey(context: context, key: pair.key)) {
                Self.suggestion(for: pair.key, among: allowed).map { "是否想写“\($0)”？" }
            }
            diagnostics.warning(location(pair.keyNode), "\(context)中有未知的键“\(pair.key)”", hint: hint)
        }
    }

    /// Hints by context and key: a site migrated from another generator has the same unknown
    /// keys in every file.
    static let suggestions = Memo<UnknownKey, String?>()

    struct UnknownKey: Hashable, Sendable {
        let context: String
        let key: String
    }

    /// The allowed key nearest `key` within two edits (the first in order on a tie), if any.
    static func suggestion(for key: String, among allowed: Set<String>) -> String? {
        var best: (key: String, distance: Int)?
        for candidate in allowed.sorted() {
            let distance = editDistance(candidate, key)
            if distance <= 2, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.key
    }

    public func requireString(_ key: String, what: String) -> String? {
        guard let node = value(key) else {
            diagnostics.error(location(ofKey: key), "缺少必填项“\(key)”（\(what)）")
            return nil
        }
        return scalarString(node, key: key)
    }

    public func string(_ key: String) -> String? {
        guard let node = value(key) else { return nil }
        return scalarString(node, key: key)
    }

    func scalarString(_ node: YAMLNode, key: String) -> String? {
        guard case .scalar(let s) = node else {
            diagnostics.error(location(node), "“\(key)”应为单个值（文字、数字或日期）")
            return nil
        }
        return s.string
    }

    public func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let s) = node, s.isPlain else {
            diagnostics.error(location(node), "“\(key)”应为 true 或 false")
            return nil
        }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.error(location(node), "“\(key)”应为 true 或 false，而不是“\(s.string)”")
            return nil
        }
    }

    public func day(_ key: String) -> Day? {
        guard let node = value(key), let text = scalarString(node, key: key) else { return nil }
        guard let day = Day(iso: text.trimmingSpaces()) else {
            diagnostics.error(location(node), "“\(key)”的日期“\(text)”无效，应写作 YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// A list of strings; a single string is accepted as a one-item list.
    public func stringList(_ key: String) -> [String]? {
        guard let node = value(key) else { return nil }
        switch node {
        case .scalar(let s):
            return [s.string]
        case .sequence(let seq, _):
            var out: [String] = []
            for item in seq {
                guard case .scalar(let s) = item else {
                    diagnostics.error(location(item), "“\(key)”的每一项应为单个文字")
                    continue
                }
                out.append(s.string)
            }
            return out
        default:
            diagnostics.error(location(node), "“\(key)”应为列表，例如 [甲, 乙]")
            return nil
        }
    }

    /// An error at `key` when `value` is not among the `names` of site.yaml's
    /// `organization.<list>` (streets, departments), with the names as the hint.
    public func checkListed(_ value: String?, key: String, in names: [String], list: String, what: String, unit: String)
    {
        guard let value, !names.contains(value) else { return }
        diagnostics.error(
            location(ofKey: key), "未知\(what)“\(value)”",
            hint: names.isEmpty
                ? "在 site.yaml 的 organization.\(list) 中列出\(unit)"
                : "site.yaml 中的\(unit)：" + names.joined(separator: "、"))
    }

    public func checkStreet(_ street: String?, in organization: Organization) {
        checkListed(street, key: "street", in: organization.streets, list: "streets", what: "街道", unit: "街道")
    }

    public func checkDepartment(_ department: String?, key: String = "department", in organization: Organization) {
        checkListed(
            department, key: key, in: organization.departments, list: "departments", what: "责任科室", unit: "科室")
    }

    public func mapping(_ key: String, what: String) -> MappingReader? {
        guard let node = value(key) else { return nil }
        return MappingReader(node, file: file, lineOffset: lineOffset, diagnostics: diagnostics, what: what)
    }
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
