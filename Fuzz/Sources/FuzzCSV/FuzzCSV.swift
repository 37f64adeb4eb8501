import FuzzEntry
import FuzzSupport
import Glibc
import QingshanCore
import QingshanLoad

/// The monitoring CSV files. `CSVTableReader` (public) parses the text directly. The column
/// mapping and the air / water / noise row checks (`MonitoringLoader.parseAir`, `parseWater`,
/// `parseNoise`) are internal and only reachable through `MonitoringLoader.load`, which reads
/// content/data/{air,water,noise}.csv from disk: the input is written to one of them (chosen by
/// the words of its header line) under a private folder in /dev/shm and loaded, the
/// UTF-8 check included. (A public `parse(text:)` on MonitoringLoader would remove the disk.)
let root: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let dir = "\(base)/qingshan-fuzzcsv-\(getpid())"
    mkdir(dir, 0o700)
    mkdir(dir + "/content", 0o700)
    mkdir(dir + "/content/data", 0o700)
    atexit {
        let dir = "\(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp")/qingshan-fuzzcsv-\(getpid())"
        for name in ["air", "water", "noise"] { unlink("\(dir)/content/data/\(name).csv") }
        rmdir(dir + "/content/data")
        rmdir(dir + "/content")
        rmdir(dir)
    }
    return dir
}()
let loader = MonitoringLoader(siteRoot: root)
nonisolated(unsafe) var lastFile: String? = nil  // libFuzzer calls in one thread

func write(_ path: String, _ data: UnsafePointer<UInt8>, _ size: Int) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    var done = 0
    while done < size {
        let n = Glibc.write(fd, data + done, size - done)
        guard n > 0 else { fatalError("cannot write \(path)") }
        done += n
    }
    close(fd)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let text = FuzzInput.utf8(data, size) {
        _ = CSVTableReader(text, file: "content/data/air.csv", diagnostics: Diagnostics())
    }
    // Each parser wants its own header (air: date, station; water: month, section; noise:
    // date, site, zone, day, night), so the input goes to the one file its first line suits.
    // An empty file is skipped here: Foundation's FileManager.contents(atPath:) leaks 4 KB on
    // an empty file (swift-foundation's readBytesFromFile, not Qingshan), which LeakSanitizer
    // would report as soon as the fuzzer tries it. CSVTableReader above still gets it.
    guard size > 0 else { return 0 }
    let head = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 300)), as: UTF8.self)
        .prefix { $0 != "\n" }.lowercased()
    let name: String
    if ["month", "月份", "section", "断面"].contains(where: head.contains) {
        name = "water"
    } else if ["site", "点位", "zone", "功能区", "night", "夜间"].contains(where: head.contains) {
        name = "noise"
    } else {
        name = "air"
    }
    let path = "\(root)/content/data/\(name).csv"
    if let last = lastFile, last != path { unlink(last) }
    write(path, data, size)
    lastFile = path
    _ = loader.load(diagnostics: Diagnostics())
    return 0
}

/// SwiftPM links executables with `--defsym main=FuzzCSV_main`: hand over to libFuzzer.
@_cdecl("FuzzCSV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qingshan_fuzz_main(argc, argv)
}
