import Foundation

/// Where a problem is: a path relative to the site, and the line and column when known.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file, a line further down (front matter and embedded documents).
    public func shifted(lines: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.map { $0 + lines }, column: column)
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return (a.column ?? 0) < (b.column ?? 0)
    }
}

public enum Severity: String, Sendable {
    case error
    case warning
}

/// One problem found in the input, printed as `path:line:column: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Collects the diagnostics of a run from any thread; every problem is kept, not only the first.
public final class Diagnostics: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        lock.unlock()
    }

    public func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        report(.error(location, message, hint: hint))
    }

    public func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        report(.warning(location, message, hint: hint))
    }

    /// All diagnostics, sorted by place so output does not depend on thread timing.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted(by: Self.precedes)
    }

    /// The order diagnostics are shown in: by place, then by message.
    static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        return a.message < b.message
    }

    /// What a run prints: every error, and each warning once with how many places gave the
    /// same message (and hint) — the first place shown. A site migrated from another generator
    /// with an unknown key in 10,000 files gives one line, not 10,000. Grouped first, then only
    /// the lines shown are sorted (50,000 such warnings took a tenth of a second to sort).
    public var grouped: [(diagnostic: Diagnostic, count: Int)] {
        struct Group: Hashable {
            let message: String
            let hint: String?
        }
        lock.lock()
        let items = self.items
        lock.unlock()
        var out: [(diagnostic: Diagnostic, count: Int)] = []
        var groups: [Group: Int] = [:]
        for diagnostic in items {
            guard diagnostic.severity == .warning else {
                out.append((diagnostic, 1))
                continue
            }
            let group = Group(message: diagnostic.message, hint: diagnostic.hint)
            if let at = groups[group] {
                out[at].count += 1
                if Self.precedes(diagnostic, out[at].diagnostic) { out[at].diagnostic = diagnostic }
            } else {
                groups[group] = out.count
                out.append((diagnostic, 1))
            }
        }
        return out.sorted { Self.precedes($0.diagnostic, $1.diagnostic) }
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }

    public var errorCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return items.filter { $0.severity == .error }.count
    }
}
