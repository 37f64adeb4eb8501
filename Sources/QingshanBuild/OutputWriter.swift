import Foundation
import QingshanCore
import QingshanModel

/// Stage 5: writes the output tree into a temporary sibling folder and swaps it in only when
/// everything was written, so a failed build leaves the old output exactly as it was.
///
/// The tree replaced by a build is kept beside the output as `.NAME.prev` and becomes the
/// staging folder of the next build, which only writes the files whose bytes changed and
/// removes the ones that went away. Nothing is deleted wholesale: freeing thousands of files
/// and folders right before the next writes slowed those writes 5–15× on this machine's ext4.
public struct OutputWriter: Sendable {
    public let outputDir: String
    /// The edition written: its mark goes into the folder (`OutputMarker`).
    public let edition: Edition

    public init(outputDir: String, edition: Edition = .public) {
        self.outputDir = outputDir
        self.edition = edition
    }

    public enum WriteError: Error, CustomStringConvertible {
        case io(String)
        /// The folder is not Qingshan's to replace (`OutputMarker`).
        case refused(String)
        public var description: String {
            switch self {
            case .io(let message), .refused(let message): return message
            }
        }
    }

    /// How many files were written anew and how many already held the right bytes.
    public struct Summary: Sendable, Equatable {
        public var written: Int
        public var kept: Int
    }

    /// Writes `files` plus copies of `copies` (source path → output path) and swaps the tree in.
    @discardableResult
    public func write(files: [OutputFile], copies: [(source: String, path: String)]) throws -> Summary {
        let staged = try StagedOutput(outputDir: outputDir, edition: edition)
        do {
            try staged.write(files, copies: copies)
        } catch {
            staged.abandon()
            throw error
        }
        return try staged.finish()
    }

    /// A static file as it was when copied: a copy is made again when its source changes.
    public struct CopyStamp: Equatable, Sendable {
        var source: String
        var stamp: FileTree.Stamp
    }

    static func stamp(_ source: String) -> CopyStamp? {
        FileTree.stamp(source).map { CopyStamp(source: source, stamp: $0) }
    }

    static func stamps(_ copies: [(source: String, path: String)]) -> [String: CopyStamp] {
        var out: [String: CopyStamp] = [:]
        for copy in copies { out[copy.path] = stamp(copy.source) }
        return out
    }

    /// serve's rebuilds: the output folder holds `previous` (and the copies of `previousCopies`),
    /// written by this process, and is to hold `files` (also given as `current`, by path); only
    /// files whose bytes changed are written, each through a
    /// temporary file and a rename, and files that went away are removed. Returns the copies'
    /// stamps. On any failure the caller writes the whole tree instead.
    public func update(
        files: [OutputFile], copies: [(source: String, path: String)], current: [String: Data],
        previous: [String: Data], previousCopies: [String: CopyStamp]
    ) throws -> [String: CopyStamp] {
        var changed: [(path: String, data: Data?, source: String?)] = []
        for file in files {
            if let before = previous[file.path], BuildSession.same(before, file.data) { continue }
            changed.append((file.path, file.data, nil))
        }
        var stamps: [String: CopyStamp] = [:]
        for copy in copies {
            let now = Self.stamp(copy.source)
            stamps[copy.path] = now
            if now == nil || now != previousCopies[copy.path] { changed.append((copy.path, nil, copy.source)) }
        }
        var folders = Set<String>()
        for item in changed {
            let folder = PathText.parent(item.path)
            if !folder.isEmpty { folders.insert(folder) }
        }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(
                atPath: outputDir + "/" + folder, withIntermediateDirectories: true)
        }
        let failures = Diagnostics()
        let root = outputDir
        let work = changed
        Parallel.forEach(work.count) { i in
            let item = work[i]
            guard let data = item.data ?? item.source.flatMap({ FileManager.default.contents(atPath: $0) }) else {
                failures.error(SourceLocation(file: item.path), "无法读取 \(item.source ?? item.path)")
                return
            }
            let destination = root + "/" + item.path
            let temporary = destination + ".qingshan-tmp"
            if let problem = Self.writeFile(temporary, data) {
                failures.error(SourceLocation(file: item.path), problem)
            } else if rename(temporary, destination) != 0 {
                failures.error(SourceLocation(file: item.path), String(cString: strerror(errno)))
                unlink(temporary)
            }
        }
        if let first = failures.all.first {
            throw WriteError.io("写入输出失败：\(first.location.file) \(first.message)")
        }
        var gone = previous.keys.filter { current[$0] == nil && stamps[$0] == nil }
        gone += previousCopies.keys.filter { current[$0] == nil && stamps[$0] == nil }
        for path in Set(gone) {
            unlink(outputDir + "/" + path)
            // Empty folders left behind go too (rmdir refuses a folder that is not empty).
            for folder in PathText.ancestors(path) {
                guard rmdir(outputDir + "/" + folder) == 0 else { break }
            }
        }
        return stamps
    }

    /// Every file and folder below `root`, relative to it. The top two levels are listed first,
    /// then the folders below them (one per article) on all cores.
    static func listTree(_ root: String) -> (files: Set<String>, folders: Set<String>) {
        var files = Set<String>()
        var folders = Set<String>()
        var deeper: [String] = []
        for (path, isFolder) in entries(root, "") {
            guard isFolder else {
                files.insert(path)
                continue
            }
            folders.insert(path)
            for (inner, innerIsFolder) in entries(root, path) {
                if innerIsFolder { deeper.append(inner) } else { files.insert(inner) }
            }
        }
        for subtree in Parallel.map(deeper, { subtree(root, $0) }) {
            files.formUnion(subtree.files)
            folders.formUnion(subtree.folders)
        }
        return (files, folders)
    }

    /// The folder `relative` and everything below it.
    private static func subtree(_ root: String, _ relative: String) -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        var pending = [relative]
        while let folder = pending.popLast() {
            folders.append(folder)
            for (path, isFolder) in entries(root, folder) {
                if isFolder { pending.append(path) } else { files.append(path) }
            }
        }
        return (files, folders)
    }

    /// The entries of one folder: readdir with d_type (FileManager's enumerator stats every
    /// entry, several times slower on a 12,000-file tree). Hidden files count here: the tree is
    /// Qingshan's.
    private static func entries(_ root: String, _ relative: String) -> [(path: String, isFolder: Bool)] {
        var out: [(path: String, isFolder: Bool)] = []
        FileTree.forEachEntry(in: relative.isEmpty ? root : root + "/" + relative, hidden: true) { name, isFolder, _ in
            out.append((relative.isEmpty ? name : relative + "/" + name, isFolder))
        }
        return out
    }

    /// True when the file at `path` holds exactly `data` (read into a scratch buffer and
    /// compared: no Data is made for the 12,000 files a rebuild compares).
    static func holds(_ path: String, _ data: Data) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else {
            return false
        }
        return withUnsafeTemporaryAllocation(byteCount: max(1, data.count), alignment: 16) { buffer in
            var filled = 0
            while filled < data.count {
                let got = read(fd, buffer.baseAddress! + filled, data.count - filled)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { return false }
                filled += got
            }
            return data.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, data.count) == 0 }
        }
    }

    /// Plain POSIX write (FileManager.createFile writes a temporary file and renames it,
    /// several times slower; the whole tree is already swapped in atomically).
    static func writeFile(_ path: String, _ data: Data) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "无法创建文件：\(String(cString: strerror(errno)))" }
        defer { close(fd) }
        return data.withUnsafeBytes { raw -> String? in
            guard var pointer = raw.baseAddress else { return nil }
            var remaining = raw.count
            while remaining > 0 {
                let written = Foundation.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return "写入失败：\(String(cString: strerror(errno)))"
                }
                remaining -= written
                pointer += written
            }
            return nil
        }
    }
}

/// A thread-safe tally.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
