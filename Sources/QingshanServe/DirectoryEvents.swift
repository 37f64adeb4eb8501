import Foundation
import QingshanCore

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the watcher whether anything under the site's watched folders may have changed since
/// it last asked, so that an idle `serve` does not list and stat 10,000 files four times a
/// second. On Linux this is inotify on every watched folder; where inotify is missing (or
/// fails) every question is answered "maybe", and the watcher lists the files as before.
final class DirectoryEvents: @unchecked Sendable {
    private let root: String
    private let folders: [String]
    private var descriptor: Int32 = -1

    /// Watches `root` itself (site.yaml, new top folders) and every folder of `folders`
    /// (relative to the root) with all the folders below them.
    init(root: String, folders: [String]) {
        self.root = root
        self.folders = folders
        #if canImport(Glibc)
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #endif
        watchAll()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// True when an event arrived since the last call (or when there is no inotify). New
    /// folders are watched as they appear.
    func changed() -> Bool {
        #if canImport(Glibc)
            guard descriptor >= 0 else { return true }
            var any = false
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if got > 0 {
                    any = true
                    continue
                }
                if got < 0, errno == EINTR { continue }
                break  // EAGAIN: nothing more queued
            }
            if any { watchAll() }
            return any
        #else
            return true
        #endif
    }

    /// Adds a watch on the root and on every folder below the watched folders (adding a watch
    /// twice is harmless: inotify gives back the same one).
    private func watchAll() {
        #if canImport(Glibc)
            guard descriptor >= 0 else { return }
            let mask = UInt32(
                IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                    | IN_DELETE_SELF | IN_MOVE_SELF)
            guard inotify_add_watch(descriptor, root, mask) >= 0 else {
                close(descriptor)
                descriptor = -1  // fall back to listing on every look
                return
            }
            var pending = folders.map { root + "/" + $0 }
            while let folder = pending.popLast() {
                guard inotify_add_watch(descriptor, folder, mask) >= 0 else { continue }
                pending += FileTree.folders(in: folder).map { folder + "/" + $0 }
            }
        #endif
    }
}
