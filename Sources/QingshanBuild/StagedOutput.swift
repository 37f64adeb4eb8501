import Foundation
import QingshanCore
import QingshanModel

/// A write of the whole output tree in progress: the staging folder (the recycled spare tree,
/// or a new one) listed once, filled in batches, then swapped in. A full build begins it while
/// the pages render and writes the pages while the rest renders; nothing becomes visible
/// before `finish`, and `abandon` puts the folder back as the spare.
///
/// Batches are written one after another (each on all cores), never two at once.
final class StagedOutput: @unchecked Sendable {
    let target: URL
    let staging: URL
    let spare: URL
    let hadOld: Bool
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
    init(outputDir: String) throws {
        let fm = FileManager.default
        target = URL(fileURLWithPath: outputDir).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        spare = parent.appendingPathComponent(".\(name).prev")
        var isDirectory: ObjCBool = false
        hadOld = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if hadOld && !isDirectory.boolValue {
            throw OutputWriter.WriteError.io("输出路径 \(target.path) 已存在且不是目录")
        }
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
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, !folders.contains(folder) {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
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
        // Sorted, so every parent comes before its children.
        for folder in folders.subtracting(presentFolders).sorted() {
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw OutputWriter.WriteError.io("无法创建目录 \(folder)：\(String(cString: strerror(errno)))")
            }
            presentFolders.insert(folder)
        }
        wantedFiles.formUnion(batch)
        wantedFolders.formUnion(folders)
        let failures = Diagnostics()
        let existing = existingFiles
        let kept = self.kept
        let place: @Sendable (String, Data) -> Void = { path, data in
            let destination = root + "/" + path
            if existing.contains(path), OutputWriter.holds(destination, data) {
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

    /// Removes what no batch wanted and swaps the staging folder in; the old output becomes
    /// the spare. Returns how many files were written and how many already held their bytes.
    func finish() throws -> OutputWriter.Summary {
        let root = staging.path
        for path in existingFiles.subtracting(wantedFiles) where !wantedFolders.contains(path) {
            unlink(root + "/" + path)
        }
        // Deepest first, so a folder is empty when its turn comes.
        for folder in existingFolders.subtracting(wantedFolders).sorted(by: { $0.count > $1.count })
        where !wantedFiles.contains(folder) {
            rmdir(root + "/" + folder)
        }
        let fm = FileManager.default
        if hadOld, rename(target.path, spare.path) != 0 {
            try? fm.removeItem(at: staging)
            throw OutputWriter.WriteError.io("无法移开旧的输出目录 \(target.path)：\(String(cString: strerror(errno)))")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(spare.path, target.path) }
            try? fm.removeItem(at: staging)
            throw OutputWriter.WriteError.io("无法替换输出目录 \(target.path)：\(reason)")
        }
        return OutputWriter.Summary(written: placed - kept.value, kept: kept.value)
    }

    /// Gives up: the staging folder becomes the spare again (the next build syncs it like any
    /// other), or goes when that fails. The output is untouched.
    func abandon() {
        if rename(staging.path, spare.path) != 0 { try? FileManager.default.removeItem(at: staging) }
    }
}
