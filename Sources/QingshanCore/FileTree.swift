import Foundation

/// Files below a folder, listed with readdir and stat: FileManager's enumerator and its
/// attribute dictionaries cost several times more on a 10,000-file site, which serve lists
/// after every change it is told of.
public enum FileTree {
    /// What tells a changed file from an unchanged one without reading it.
    public struct Stamp: Hashable, Sendable {
        public let size: Int
        public let modified: Int
        public let inode: UInt64
    }

    /// The stamp of the file at `path` (symbolic links followed); nil when it is not a regular file.
    public static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return stamp(info)
    }

    static func stamp(_ info: stat) -> Stamp? {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(
            size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino))
    }

    /// Calls `body` with each entry of `folder` — its name, whether it is a folder (links to
    /// folders are not), and the open folder's descriptor — leaving out `.` and `..` and, unless
    /// `hidden`, every name that starts with a dot. The one readdir loop of Qingshan.
    public static func forEachEntry(
        in folder: String, hidden: Bool = false, _ body: (_ name: String, _ isFolder: Bool, _ descriptor: Int32) -> Void
    ) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            // The name is read where it lies: a dirent is only as long as its name (d_reclen), so
            // copying the whole 256-byte d_name field can read past the end of the buffer.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || (!hidden && name.hasPrefix(".")) { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            body(name, isFolder, dirfd(dir))
        }
    }

    /// Regular files below `root`, relative to it, with their stamps (symbolic links to files
    /// followed). Entries whose name starts with a dot are skipped with everything below them;
    /// links to folders are not followed.
    public static func files(under root: String) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            forEachEntry(in: relative.isEmpty ? root : root + "/" + relative) { name, isFolder, descriptor in
                let path = relative.isEmpty ? name : relative + "/" + name
                if isFolder {
                    pending.append(path)
                    return
                }
                // Relative to the open folder: the kernel does not walk the whole path again.
                var info = stat()
                if fstatat(descriptor, name, &info, 0) == 0, let stamp = stamp(info) { out[path] = stamp }
            }
        }
        return out
    }

    /// Whether `path`, with every link in it resolved, lies inside the folder `root` (itself
    /// resolved): a symbolic link to `/etc/passwd` under static/ does not. A path that cannot be
    /// resolved (a dangling link) is not inside.
    public static func liesInside(_ path: String, root: String) -> Bool {
        guard let resolvedRoot = realpath(root, nil) else { return false }
        defer { free(resolvedRoot) }
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        let base = String(cString: resolvedRoot)
        let full = String(cString: resolved)
        return full.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Whether `path` itself is a symbolic link, or a folder above it up to `root` is.
    public static func passesThroughLink(_ path: String, below root: String) -> Bool {
        var current = path
        while current.count > root.count, current.hasPrefix(root) {
            var info = stat()
            if lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return true }
            current = PathText.parent(current)
        }
        return false
    }

    /// Whether the site's file `relative` is reached through a symbolic link that leads out of
    /// the site (a link in static/ to /etc/shadow); such a file is an error naming it, and is
    /// not read.
    public static func leadsOutOfSite(_ relative: String, siteRoot: String, diagnostics: Diagnostics) -> Bool {
        let path = siteRoot + "/" + relative
        guard passesThroughLink(path, below: siteRoot), !liesInside(path, root: siteRoot) else { return false }
        diagnostics.error(
            SourceLocation(file: relative), "\(relative) 是指向站点目录之外的符号链接，不会读取",
            hint: "把文件本身复制进站点目录，或删除这个链接")
        return true
    }

    /// The folders directly in `folder` (names; hidden ones skipped).
    public static func folders(in folder: String) -> [String] {
        var out: [String] = []
        forEachEntry(in: folder) { name, isFolder, _ in
            if isFolder { out.append(name) }
        }
        return out
    }
}
