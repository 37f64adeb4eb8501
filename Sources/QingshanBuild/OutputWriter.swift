import Foundation
import QingshanCore
import QingshanModel

/// Stage 5: writes the output tree into a temporary sibling folder and swaps it in only when
/// everything was written, so a failed build leaves the old output exactly as it was.
public struct OutputWriter: Sendable {
    public let outputDir: String

    public init(outputDir: String) {
        self.outputDir = outputDir
    }

    public enum WriteError: Error, CustomStringConvertible {
        case io(String)
        public var description: String {
            switch self {
            case .io(let message): return message
            }
        }
    }

    /// Writes `files` plus copies of `copies` (source path → output path) and swaps the tree in.
    public func write(files: [OutputFile], copies: [(source: String, path: String)]) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: outputDir).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError.io("无法创建临时输出目录 \(staging.path)：\(error.localizedDescription)")
        }
        do {
            // Folders first (serially), then the files on every core.
            var folders = Set<String>()
            for path in files.map(\.path) + copies.map(\.path) {
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            for folder in folders.sorted() {
                try fm.createDirectory(
                    at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let stagingPath = staging.path
            let failures = Diagnostics()
            Parallel.forEach(files.count) { i in
                let file = files[i]
                if !fm.createFile(atPath: stagingPath + "/" + file.path, contents: file.data) {
                    failures.error(SourceLocation(file: file.path), "无法写入")
                }
            }
            Parallel.forEach(copies.count) { i in
                do {
                    try fm.copyItem(atPath: copies[i].source, toPath: stagingPath + "/" + copies[i].path)
                } catch {
                    failures.error(SourceLocation(file: copies[i].path), "无法复制：\(error.localizedDescription)")
                }
            }
            if let first = failures.all.first {
                throw WriteError.io("写入输出失败：\(first.location.file) \(first.message)")
            }
        } catch {
            try? fm.removeItem(at: staging)
            if let error = error as? WriteError { throw error }
            throw WriteError.io("写入输出失败：\(error.localizedDescription)")
        }
        // Swap: move the old tree aside, move the new one in, then delete the old one.
        let hadOld = fm.fileExists(atPath: target.path)
        do {
            if fm.fileExists(atPath: retired.path) { try fm.removeItem(at: retired) }
            if hadOld { try fm.moveItem(at: target, to: retired) }
            try fm.moveItem(at: staging, to: target)
        } catch {
            if hadOld, !fm.fileExists(atPath: target.path) { try? fm.moveItem(at: retired, to: target) }
            try? fm.removeItem(at: staging)
            throw WriteError.io("无法替换输出目录 \(target.path)：\(error.localizedDescription)")
        }
        if hadOld { try? fm.removeItem(at: retired) }
    }
}
