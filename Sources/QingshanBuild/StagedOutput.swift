import CQingshanSystem
import Foundation
import QingshanCore
import QingshanModel

/// A write of the whole output tree in progress: the staging folder (the recycled spare tree,
/// or a new one) listed once, filled in batches, then swapped in. A full build begins it while
/// the articles load and writes the pages a batch at a time as they render; nothing becomes visible
/// before `finish`, and `abandon` removes what the build wrote.
///
/// Batches are written one after another (each on all cores), never two at once.
final class StagedOutput: @unchecked Sendable {
    let target: URL
    let staging: URL
    let spare: URL
    let hadOld: Bool
    let edition: Edition
    /// What the staging folder held when it was listed.
    private let existingFiles: Set<String>
    private let existingFolders: Set<String>
    /// Folders that exist now (listed or made), and what the batches wanted so far.
    private var presentFolders: Set<String>
    private var wantedFiles = Set<String>()
    private var wantedFolders = Set<String>()
    private let kept = Counter()
    private var placed = 0

    /// Takes the spare tree (or makes an empty folder) as the staging folder and lists it.
    /// Refuses a target that is not a Qingshan output of `edition` (`OutputMarker`).
    init(outputDir: String, edition: Edition) throws {
        let fm = FileManager.default
        self.edition = edition
        target = URL(fileURLWithPath: outputDir).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        spare = parent.appendingPathComponent(".\(name).prev")
        if let problem = OutputMarker.problem(replacing: target.path, edition: edition) {
            throw OutputWriter.WriteError.refused(problem)
        }
        hadOld = OutputMarker.look(target.path) != .nothing
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.recoverLeftovers(in: parent, name: name, spare: spare)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            // Reuse the spare tree when there is one; a failed rename just means starting empty.
            if rename(spare.path, staging.path) != 0 {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            }
        } catch {
            throw OutputWriter.WriteError.io("无法创建临时输出目录 \(staging.path)：\(error.localizedDescription)")
        }
        (existingFiles, existingFolders) = OutputWriter.listTree(staging.path)
        presentFolders = existingFolders
    }

    /// Staging folders of builds that stopped without cleaning up (interrupted, killed: their
    /// process is gone): one becomes the spare when there is none, the others are removed.
    static func recoverLeftovers(in parent: URL, name: String, spare: URL) {
        let fm = FileManager.default
        let prefix = ".\(name).tmp-"
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // a build still running
            let path = parent.appendingPathComponent(entry).path
            if !fm.fileExists(atPath: spare.path), rename(path, spare.path) == 0 { continue }
            try? fm.removeItem(atPath: path)
        }
    }

    /// Writes a batch of files (the bytes of `files`, or the contents of the copies' sources):
    /// missing folders made, files whose bytes differ written on all cores.
    func write(_ files: [OutputFile], copies: [(source: String, path: String)] = []) throws {
        let root = staging.path
        let fm = FileManager.default
        var folders = Set<String>()
        for path in files.map(\.path) + copies.map(\.path) {
            for folder in PathText.ancestors(path) {
                guard folders.insert(folder).inserted else { break }
            }
        }
        let batch = Set(files.map(\.path) + copies.map(\.path))
        // Whatever stands where the other kind is wanted goes first.
        for path in folders where existingFiles.contains(path) && !presentFolders.contains(path) {
            try? fm.removeItem(atPath: root + "/" + path)
        }
        for path in batch where presentFolders.contains(path) {
            try? fm.removeItem(atPath: root + "/" + path)
            presentFolders = presentFolders.filter { $0 != path && !$0.hasPrefix(path + "/") }
        }
        // A folder that only holds files is made by the worker that writes into it (beside the
        // other workers' writes, not before them all); folders that hold folders come first,
        // sorted, so every parent comes before its children.
        let missing = folders.subtracting(presentFolders)
        let holdingFolders = Set(missing.map(PathText.parent))
        for folder in missing.intersection(holdingFolders).sorted() {
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw OutputWriter.WriteError.io("无法创建目录 \(folder)：\(String(cString: strerror(errno)))")
            }
        }
        let leaves = missing.subtracting(holdingFolders)
        presentFolders.formUnion(missing)
        wantedFiles.formUnion(batch)
        wantedFolders.formUnion(folders)
        let failures = Diagnostics()
        let existing = existingFiles
        let kept = self.kept
        let place: @Sendable (String, Data) -> Void = { path, data in
            let destination = root + "/" + path
            let folder = PathText.parent(path)
            if leaves.contains(folder), mkdir(root + "/" + folder, 0o755) != 0, errno != EEXIST {
                failures.error(SourceLocation(file: folder), "无法创建目录：\(String(cString: strerror(errno)))")
            } else if existing.contains(path), OutputWriter.holds(destination, data) {
                kept.increment()
            } else if let problem = OutputWriter.writeFile(destination, data) {
                failures.error(SourceLocation(file: path), problem)
            }
        }
        Parallel.forEach(files.count) { i in place(files[i].path, files[i].data) }
        Parallel.forEach(copies.count) { i in
            guard let data = FileManager.default.contents(atPath: copies[i].source) else {
                failures.error(SourceLocation(file: copies[i].path), "无法读取 \(copies[i].source)")
                return
            }
            place(copies[i].path, data)
        }
        placed += files.count + copies.count
        if let first = failures.all.first {
            throw OutputWriter.WriteError.io("写入输出失败：\(first.location.file) \(first.message)")
        }
    }

    /// Removes what no batch wanted, marks the folder as this edition's output and swaps it in
    /// (one atomic exchange where the file system offers it); the old output becomes the spare.
    /// Returns how many files were written and how many already held their bytes.
    func finish() throws -> OutputWriter.Summary {
        let root = staging.path
        wantedFiles.insert(OutputMarker.fileName)
        for path in existingFiles.subtracting(wantedFiles) where !wantedFolders.contains(path) {
            unlink(root + "/" + path)
        }
        // Deepest first, so a folder is empty when its turn comes.
        for folder in existingFolders.subtracting(wantedFolders).sorted(by: { $0.count > $1.count })
        where !wantedFiles.contains(folder) {
            rmdir(root + "/" + folder)
        }
        if let problem = OutputWriter.writeFile(root + "/" + OutputMarker.fileName, OutputMarker.contents(edition)) {
            abandon()
            throw OutputWriter.WriteError.io("无法写入输出标记：\(problem)")
        }
        do {
            try swapIn()
        } catch {
            abandon()
            throw error
        }
        return OutputWriter.Summary(written: placed - kept.value, kept: kept.value)
    }

    /// Puts the staging folder where the output is. With an old output the two are exchanged
    /// in one step and the old tree moved aside as the spare; only where the file system cannot
    /// exchange are they two renames.
    private func swapIn() throws {
        if !hadOld {
            guard rename(staging.path, target.path) == 0 else {
                throw OutputWriter.WriteError.io("无法放置输出目录 \(target.path)：\(String(cString: strerror(errno)))")
            }
            return
        }
        if qs_exchange_paths(staging.path, target.path) == 0 {
            // The old tree now stands at the staging path: it becomes the spare.
            if rename(staging.path, spare.path) != 0 { try? FileManager.default.removeItem(at: staging) }
            return
        }
        let reason = errno
        guard reason == EINVAL || reason == ENOSYS || reason == ENOTSUP else {
            throw OutputWriter.WriteError.io("无法替换输出目录 \(target.path)：\(String(cString: strerror(reason)))")
        }
        try? FileManager.default.removeItem(at: spare)
        guard rename(target.path, spare.path) == 0 else {
            throw OutputWriter.WriteError.io("无法移开旧的输出目录 \(target.path)：\(String(cString: strerror(errno)))")
        }
        if rename(staging.path, target.path) != 0 {
            let message = String(cString: strerror(errno))
            _ = rename(spare.path, target.path)
            throw OutputWriter.WriteError.io("无法替换输出目录 \(target.path)：\(message)")
        }
    }

    /// Gives up: nothing the build wrote may stay on disk (it may be what a check refused to
    /// publish), so the staging folder goes, spare tree and all. The output is untouched.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Exchanges two paths in one step (for the tests: `qs_exchange_paths`).
func qingshanExchange(_ a: String, _ b: String) -> Int32 { qs_exchange_paths(a, b) }
