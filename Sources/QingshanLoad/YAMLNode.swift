import Yams

/// A composed YAML node with its position, as the loaders read it: from Yams, or from
/// `PlainYAML` for the plain block documents that front matter and ledgers mostly are.
public indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], YAMLMark)
    case sequence([YAMLNode], YAMLMark)

    public struct Scalar: Sendable, Equatable {
        public var string: String
        /// Written without quotes (`~`, `null` and nothing at all then mean null).
        public var isPlain: Bool
        /// Tagged `!!null` explicitly.
        public var isNullTag = false
        public var mark: YAMLMark
    }

    /// Line and column (counted in Unicode scalars, as libyaml does), from 1.
    public struct YAMLMark: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public var mark: YAMLMark {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(_, let mark), .sequence(_, let mark): return mark
        }
    }

    /// The scalar's text; nil for a collection.
    public var string: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// Yams' node tree in this form (positions kept; an alias or a node without a mark gets
    /// line 1, column 1). Aliases are copies in the result, so a few hundred bytes of nested
    /// aliases (a “billion laughs” document) would expand to millions of nodes: at most
    /// `budget` nodes are made, and nil means the document expands beyond it.
    static func converting(_ root: Node, budget: Int) -> YAMLNode? {
        var left = budget
        func mark(_ mark: Mark?) -> YAMLMark { YAMLMark(line: mark?.line ?? 1, column: mark?.column ?? 1) }
        func convert(_ node: Node) -> YAMLNode? {
            left -= 1
            guard left >= 0 else { return nil }
            switch node {
            case .scalar(let s):
                return .scalar(
                    Scalar(
                        string: s.string, isPlain: s.style == .plain,
                        isNullTag: s.tag.description == Tag.Name.null.rawValue,
                        mark: mark(s.mark)))
            case .mapping(let m):
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                pairs.reserveCapacity(m.count)
                for (key, value) in m {
                    guard let k = convert(key), let v = convert(value) else { return nil }
                    pairs.append((k, v))
                }
                return .mapping(pairs, mark(m.mark))
            case .sequence(let s):
                var items: [YAMLNode] = []
                items.reserveCapacity(s.count)
                for item in s {
                    guard let converted = convert(item) else { return nil }
                    items.append(converted)
                }
                return .sequence(items, mark(s.mark))
            case .alias:
                return .scalar(Scalar(string: "", isPlain: true, mark: mark(node.mark)))
            }
        }
        return convert(root)
    }

    /// The most nodes a document of `byteCount` bytes may expand to: a document without
    /// aliases has fewer nodes than half its bytes, so this leaves room for ordinary anchors
    /// and stops an alias bomb within milliseconds.
    static func nodeBudget(byteCount: Int) -> Int { 10_000 + 4 * byteCount }

    /// The same tree, positions included (tests compare the two composers).
    public func sameTree(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.mapping(let a, let ma), .mapping(let b, let mb)):
            return ma == mb && a.count == b.count
                && zip(a, b).allSatisfy { $0.key.sameTree(as: $1.key) && $0.value.sameTree(as: $1.value) }
        case (.sequence(let a, let ma), .sequence(let b, let mb)):
            return ma == mb && a.count == b.count && zip(a, b).allSatisfy { $0.sameTree(as: $1) }
        default: return false
        }
    }
}
