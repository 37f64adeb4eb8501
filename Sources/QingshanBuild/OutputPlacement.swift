import Foundation
import QingshanCore

/// Where an output folder may go: never onto or above the site, never into its sources,
/// and the internal edition never into the public output folder.
public enum OutputPlacement {
    /// Why `output` may not receive a build of `edition`, or nil when it may.
    public static func problem(output: String, site: String, edition: Edition) -> String? {
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: site).standardizedFileURL.resolvingSymlinksInPath().path
        if out == root || root.hasPrefix(out + "/") || out == "/" {
            return "输出目录 \(output) 是站点目录或其上级，构建会覆盖源文件"
        }
        for folder in ["content", "templates", "static", "Sources", "Tests"]
        where out == root + "/" + folder
            || out.hasPrefix(root + "/" + folder + "/")
        {
            return "输出目录 \(output) 位于站点的 \(folder)/ 中"
        }
        if edition == .internal, out == root + "/public" || out.hasPrefix(root + "/public/") {
            return "内部版不能写入公开版的输出目录 \(output)"
        }
        return OutputMarker.problem(replacing: out, edition: edition)
    }
}

/// The mark Qingshan leaves in every output folder it writes: a small file naming the edition.
///
/// Qingshan replaces a folder as a whole, so it must only ever replace its own. A folder that
/// exists, is not empty and has no mark was made by someone else (a `.git/`, another site, a
/// `CNAME`) and is refused; so is a folder inside another Qingshan output, and one that holds a
/// build of the other edition.
public enum OutputMarker {
    /// The file's name in the output root.
    public static let fileName = ".qingshan-output"

    /// The file's bytes for an edition.
    public static func contents(_ edition: Edition) -> Data {
        Data("qingshan-output 1\nedition: \(edition.rawValue)\n".utf8)
    }

    /// What a folder holds, as far as replacing it goes.
    public enum Found: Equatable, Sendable {
        /// No such path: a build may create it.
        case nothing
        /// An empty folder.
        case empty
        /// A Qingshan output of this edition.
        case output(Edition)
        /// A file, or a folder with something in it and no mark (or a mark that is not ours).
        case foreign
    }

    /// The edition whose mark `folder` holds, if any.
    public static func mark(of folder: String) -> Edition? {
        guard let data = FileManager.default.contents(atPath: PathText.join(folder, fileName)) else { return nil }
        return Edition.allCases.first { data == contents($0) }
    }

    /// Looks at `folder` (an absolute path) without following a link at its end.
    public static func look(_ folder: String) -> Found {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return .nothing }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .foreign }
        if FileManager.default.fileExists(atPath: PathText.join(folder, fileName)) {
            return mark(of: folder).map { .output($0) } ?? .foreign
        }
        var empty = true
        FileTree.forEachEntry(in: folder, hidden: true) { _, _, _ in empty = false }
        return empty ? .empty : .foreign
    }

    /// Why a build of `edition` may not replace `folder`, or nil when it may.
    public static func problem(replacing folder: String, edition: Edition) -> String? {
        switch look(folder) {
        case .nothing, .empty:
            break
        case .output(let found) where found == edition:
            break
        case .output(let found):
            return "输出目录 \(folder) 中是\(found.title)，不能用\(edition.title)替换它"
        case .foreign:
            return "输出目录 \(folder) 已存在，且不是青山生成的（其中没有 \(fileName) 标记）：为免删除其中的文件，拒绝写入。"
                + "请换一个不存在或空的目录"
        }
        // Inside another Qingshan output: the next build of that one would delete this one, and
        // an internal edition inside a public build would be published with it.
        for ancestor in PathText.ancestors(folder) {
            if let found = mark(of: ancestor) {
                return "输出目录 \(folder) 位于另一个青山输出目录 \(ancestor)（\(found.title)）之中"
            }
        }
        return nil
    }
}

extension Edition {
    /// 公开版 or 内部版.
    public var title: String { self == .public ? "公开版" : "内部版" }
}
