import Foundation
import QingshanBuild
import QingshanCore

/// Rebuilds the preview when the site's sources change. `poll()` (ten times a second) asks
/// inotify whether anything happened under the site and only then compares a fingerprint of
/// site.yaml, content/, templates/ and static/ (paths, sizes, modification times, inodes)
/// with the last one; a change is built once it has settled (the same on two looks in a row), so an
/// editor's burst of saves gives one rebuild, not a failed build of a half-written file. A
/// failed build keeps the last good output and records the diagnostics for the overlay.
public final class SiteWatcher: @unchecked Sendable {
    public let options: BuildOptions
    private let lock = NSLock()
    private var fingerprint: [String: FileTree.Stamp] = [:]
    /// A changed fingerprint seen once, waiting to be seen again before it is built.
    private var pending: [String: FileTree.Stamp]?
    private var current = BuildState(version: 0, errors: [])
    /// Called after every rebuild with its outcome, for the terminal.
    public var log: @Sendable (String) -> Void = { _ in }
    /// Adds the stage timings to the log line of every rebuild (`serve --timings`).
    public var printsTimings = false
    /// Signalled after every rebuild, for listeners that wait on a thread (the reload events).
    private let rebuilt = NSCondition()

    /// What an open page needs to know: the build's version and the errors of a failed rebuild.
    public struct BuildState: Sendable, Equatable {
        public var version: Int
        public var errors: [String]

        /// `{"version":3,"errors":[]}`, as the status path and the reload events send it.
        public var json: String {
            JSONValue.object([("version", .int(version)), ("errors", .array(errors.map(JSONValue.string)))])
                .serialized()
        }
    }

    /// The current state once its version differs from `version`, or at `deadline` whatever it is.
    public func state(after version: Int, waitingUntil deadline: Date) -> BuildState {
        rebuilt.lock()
        defer { rebuilt.unlock() }
        var now = state
        while now.version == version, rebuilt.wait(until: deadline) { now = state }
        return state
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The current build's version and the errors of the last failed rebuild, if any.
    public var state: BuildState {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Says when nothing can have changed, so a look costs nothing while the editor is idle.
    private var events: DirectoryEvents?

    /// Builds once at start.
    public func start() {
        let events = DirectoryEvents(root: options.siteRoot, folders: Self.folders)
        lock.lock()
        self.events = events
        fingerprint = Self.fingerprint(options.siteRoot)
        let listing = fingerprint
        lock.unlock()
        options.session?.use(listing: listing)
        rebuild(reason: "启动")
    }

    /// Rebuilds when the sources changed and then held still for one look; true when it rebuilt.
    @discardableResult
    public func poll() -> Bool {
        lock.lock()
        let quiet = pending == nil && events.map { !$0.changed() } == true
        lock.unlock()
        if quiet { return false }
        let current = Self.fingerprint(options.siteRoot)
        lock.lock()
        let settled: Bool
        if current == fingerprint {
            pending = nil
            settled = false
        } else if current != pending {
            pending = current  // still changing: look again before building
            settled = false
        } else {
            fingerprint = current
            pending = nil
            settled = true
        }
        lock.unlock()
        if settled {
            options.session?.use(listing: current)
            rebuild(reason: "文件有改动")
        }
        return settled
    }

    func rebuild(reason: String) {
        let diagnostics = Diagnostics()
        let report = BuildPipeline(options: options).run(diagnostics: diagnostics)
        lock.lock()
        current = BuildState(
            version: current.version + 1,
            errors: report == nil ? diagnostics.all.filter { $0.severity == .error }.map(\.description) : [])
        lock.unlock()
        rebuilt.lock()
        rebuilt.broadcast()
        rebuilt.unlock()
        if let report {
            var line = String(format: "%@：已重建 %d 个页面", reason, report.pages)
            if report.reused > 0 { line += "（\(report.reused) 个未变，沿用上次结果）" }
            line += String(format: "，用时 %.3f 秒", report.seconds)
            if printsTimings {
                line +=
                    "（" + report.stages.map { String(format: "%@ %.3f", $0.name, $0.seconds) }.joined(separator: "，")
                    + "）"
            }
            log(line)
        } else {
            log("\(reason)：构建失败，继续显示上一次成功的结果\n" + diagnostics.all.map(\.description).joined(separator: "\n"))
        }
    }

    /// The folders whose files are watched, besides site.yaml.
    static let folders = ["content", "templates", "static"]

    /// Path → size, modification time and inode for every watched file.
    static func fingerprint(_ root: String) -> [String: FileTree.Stamp] {
        var out: [String: FileTree.Stamp] = [:]
        out["site.yaml"] = FileTree.stamp(root + "/site.yaml")
        for folder in folders {
            for (path, stamp) in FileTree.files(under: root + "/" + folder) { out[folder + "/" + path] = stamp }
        }
        return out
    }
}
