import ArgumentParser
import Foundation
import QingshanBuild
import QingshanCore
import QingshanLedger
import QingshanLoad
import QingshanServe
import QingshanStarter

@main
struct Qingshan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qingshan",
        abstract: "青山：生态环境局门户网站与报告的静态生成器。",
        discussion: "把站点目录中的 YAML、CSV 和 Markdown 生成为完整的公开门户（public/）。",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, SpotCheckCommand.self]
    )

    /// Exit codes (README, "Commands"): 0 success, 1 input errors, 2 usage errors.
    static func main() {
        keepMallocHeaps()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if code == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by build and check.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "站点目录（默认：当前目录）")
    var site: String = "."

    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD（默认：site.yaml 的 as_of，否则为今天）")
    var asOf: String?

    var siteRoot: String {
        URL(fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    func asOfDay() throws -> Day? {
        guard let asOf else { return nil }
        guard let day = Day(iso: asOf) else {
            throw ValidationError("--as-of 应为 YYYY-MM-DD 格式的有效日期，而不是“\(asOf)”")
        }
        return day
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "生成网站（公开版写入 public/）。")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "输出目录（默认：站点内的 public/，内部版为 internal/）")
    var output: String?

    @Flag(name: .long, help: "同时发布草稿（draft: true）")
    var drafts = false

    @Option(name: .long, help: "版本：public 或 internal")
    var edition: String = "public"

    @Flag(name: .long, help: "打印各阶段用时")
    var timings = false

    func run() throws {
        guard let edition = Edition(rawValue: edition) else {
            throw ValidationError("--edition 只能是 public 或 internal")
        }
        let siteRoot = siteOptions.siteRoot
        let outputDir = output.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL.path
        }
        let options = BuildOptions(
            siteRoot: siteRoot, outputDir: outputDir, asOf: try siteOptions.asOfDay(), includeDrafts: drafts,
            edition: edition)
        if let problem = OutputPlacement.problem(output: options.resolvedOutputDir, site: siteRoot, edition: edition) {
            throw ValidationError(problem)
        }
        let diagnostics = Diagnostics()
        let report = BuildPipeline(options: options).run(diagnostics: diagnostics, progress: Console.progress)
        Console.clearProgress()
        Console.print(diagnostics)
        guard let report else {
            Console.error("构建失败：\(diagnostics.errorCount) 个错误，输出目录未改动。")
            throw ExitCode(1)
        }
        let relative = Console.relativePath(report.outputDir)
        Console.out(
            String(
                format: "已生成 %d 个页面（共 %d 个文件），读取 %d 篇文章、%d 条数据记录，截至 %@，用时 %.2f 秒 → %@",
                report.pages, report.files, report.articles, report.dataRecords, report.asOf.iso, report.seconds,
                relative))
        if !report.unscanned.isEmpty {
            let shown = report.unscanned.sorted().prefix(10).joined(separator: "、")
            let more = report.unscanned.count > 10 ? " 等 \(report.unscanned.count) 个" : ""
            Console.out("未检查个人信息的文件（不是文本，请人工核对）：\(shown)\(more)")
        }
        if timings {
            for stage in report.stages {
                let name = stage.name + String(repeating: " ", count: max(1, 13 - stage.name.count))
                Console.out(
                    "  " + name
                        + String(
                            format: "%6.3f s  (cpu %.3f s, peak %.0f MiB)", stage.seconds, stage.cpuSeconds,
                            stage.peakMiB))
            }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "检查站点的全部输入，不写任何文件。")

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let options = BuildOptions(siteRoot: siteOptions.siteRoot, asOf: try siteOptions.asOfDay(), mode: .check)
        let diagnostics = Diagnostics()
        let report = BuildPipeline(options: options).run(diagnostics: diagnostics)
        Console.print(diagnostics)
        guard let report else {
            Console.error("检查未通过：\(diagnostics.errorCount) 个错误。")
            throw ExitCode(1)
        }
        for sheet in report.pressFigures {
            Console.out("\(sheet.file)《\(sheet.title)》引用的数字（截至 \(sheet.asOf.iso)）：")
            if sheet.figures.isEmpty { Console.out("  （未引用数字）") }
            for figure in sheet.figures { Console.out("  {{\(figure.name)}} = \(figure.value)") }
        }
        let warnings = diagnostics.all.filter { $0.severity == .warning }.count
        Console.out("检查通过：\(report.articles) 篇文章、\(report.pages) 个页面，\(warnings) 个警告。")
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "本地预览：构建站点并在本机提供访问，文件改动后自动重建并刷新浏览器。",
        discussion: "预览输出在临时目录，不改动 public/。按 Ctrl-C 停止。")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "监听地址（默认 127.0.0.1）")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "端口（默认 8080；0 为任选一个空闲端口）")
    var port: UInt16 = 8080

    @Flag(name: .long, help: "同时预览草稿")
    var drafts = false

    @Flag(name: .long, help: "每次重建后打印各阶段用时")
    var timings = false

    func run() throws {
        let siteRoot = siteOptions.siteRoot
        guard FileManager.default.fileExists(atPath: siteRoot + "/site.yaml") else {
            throw ValidationError("\(siteRoot) 中没有 site.yaml：不是 Qingshan 站点目录")
        }
        let asOf = try siteOptions.asOfDay()
        // Listen before anything is built: a taken port or a bad host leaves nothing behind.
        let listener: HTTPServer
        do {
            listener = try HTTPServer(host: host, port: port)
        } catch let failure as HTTPServer.ListenError {
            Console.error(failure.description)
            throw ExitCode(failure.badHost ? 2 : 1)
        }
        let parent = Self.previewParent()
        Self.removeAbandonedPreviews(in: parent)
        let preview = parent + "/qingshan-preview-\(ProcessInfo.processInfo.processIdentifier)"
        let options = BuildOptions(
            siteRoot: siteRoot, outputDir: preview + "/site", asOf: asOf, includeDrafts: drafts,
            mode: .serve(BuildSession()))
        let watcher = SiteWatcher(options: options)
        watcher.log = { Console.out($0) }
        watcher.printsTimings = timings
        // Ctrl-C, or a stop from a script or a service manager: the preview folder goes either
        // way (it may be in memory). Set before the first build: a stop during it is handled
        // (and the folder removed) once the build is done.
        let stops = [SIGINT, SIGTERM, SIGHUP].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                listener.stop()
                try? FileManager.default.removeItem(atPath: preview)
                Console.out("已停止预览。")
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
        watcher.start()
        let basePath = Self.basePath(siteRoot)
        let server = PreviewServer(outputDir: preview + "/site", basePath: basePath, watcher: watcher, host: host)
        server.serve(on: listener)
        let shown = host.contains(":") ? "[\(host)]" : host
        Console.out("预览地址：http://\(shown):\(listener.port)\(basePath)　（Ctrl-C 停止）")

        let queue = DispatchQueue(label: "qingshan.watch")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 0.1, repeating: 0.1)
        timer.setEventHandler { watcher.poll() }
        timer.resume()
        withExtendedLifetime((listener, timer, stops)) { dispatchMain() }
    }

    /// Removes preview folders left by a serve that was killed outright (SIGKILL, a crash): a
    /// `qingshan-preview-PID` whose process no longer exists. In /dev/shm they would hold memory.
    static func removeAbandonedPreviews(in parent: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix("qingshan-preview-") {
            guard let pid = Int32(name.dropFirst("qingshan-preview-".count)), pid > 0,
                pid != ProcessInfo.processInfo.processIdentifier
            else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: parent + "/" + name)
            }
        }
    }

    /// Where the preview is written: memory (/dev/shm) when there is room and TMPDIR does not
    /// say otherwise — a rebuild then never waits for the disk to flush the last one (writes on
    /// a 10,000-page site took 15–50 ms on disk, 15–18 ms in memory) — else the temporary folder.
    static func previewParent() -> String {
        let temporary = FileManager.default.temporaryDirectory.path
        guard ProcessInfo.processInfo.environment["TMPDIR"] == nil, access("/dev/shm", W_OK) == 0 else {
            return temporary
        }
        var info = statvfs()
        guard statvfs("/dev/shm", &info) == 0, UInt64(info.f_bavail) * UInt64(info.f_frsize) >= 1 << 30 else {
            return temporary
        }
        return "/dev/shm"
    }

    /// The path of base_url, read the same way the build reads it.
    static func basePath(_ siteRoot: String) -> String {
        let diagnostics = Diagnostics()
        guard let data = FileManager.default.contents(atPath: siteRoot + "/site.yaml"),
            let config = SiteConfigLoader.parse(String(decoding: data, as: UTF8.self), diagnostics: diagnostics)
        else { return "/" }
        return config.links.basePath
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建一篇文章：content/SECTION/YYYY-MM-DD-标题.md（草稿）。",
        discussion: "SECTION：news, notices, science, press, pages 或 envday/YYYY。已有同名文件时不覆盖。")

    @Argument(help: "栏目")
    var section: String

    @Argument(help: "标题")
    var title: String

    @Option(name: .long, help: "站点目录（默认：当前目录）")
    var site: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: site).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: root + "/site.yaml") else {
            throw ValidationError("\(root) 中没有 site.yaml：不是 Qingshan 站点目录")
        }
        do {
            Console.out(try NewContent.article(siteRoot: root, section: section, title: title, today: Day.today()))
        } catch let failure as NewContent.Failure {
            throw ValidationError(failure.description)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建一个可直接构建的小型站点（内置主题、示例文章和数据）。", discussion: "目标目录必须为空或不存在。")

    @Argument(help: "新站点的目录")
    var directory: String

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        do {
            let files = try NewContent.site(at: root)
            Console.out("已在 \(root) 新建站点（\(files.count) 个文件）。先修改 site.yaml，然后运行：qingshan build --site \(directory)")
        } catch let failure as NewContent.Failure {
            throw ValidationError(failure.description)
        }
    }
}

struct SpotCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spotcheck", abstract: "季度抽查回访（季督导）。", subcommands: [Draw.self])

    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "抽取一个季度的抽查回访名单，写入 content/data/spotcheck/YYYY-Qn.yaml（已有则不覆盖）。",
            discussion: "从该季度办结或销号的问题中抽取不少于20%（至少5件），按责任科室分布，同一台账结果相同。回访后在文件中填写 callback、satisfied 和 note。")

        @Argument(help: "季度，例如 2023-Q4")
        var quarter: String

        @OptionGroup var siteOptions: SiteOptions

        func run() throws {
            guard let quarter = Quarter(label: quarter) else {
                throw ValidationError("季度应写作 YYYY-Qn，例如 2023-Q4，而不是“\(self.quarter)”")
            }
            let diagnostics = Diagnostics()
            let drawn: SpotCheckDraw.Drawn?
            do {
                drawn = try SpotCheckDraw.draw(
                    siteRoot: siteOptions.siteRoot, quarter: quarter, asOf: try siteOptions.asOfDay(),
                    today: Day.today(),
                    diagnostics: diagnostics)
            } catch let failure as NewContent.Failure {
                throw ValidationError(failure.description)
            }
            Console.print(diagnostics)
            guard let drawn else {
                Console.error("未抽取：\(diagnostics.errorCount) 个错误。")
                throw ExitCode(1)
            }
            Console.out(
                "已抽取\(quarter.chinese)抽查回访名单 \(drawn.sample.count) 件（本季度办结或销号 \(drawn.poolCount) 件）→ \(drawn.path)")
        }
    }
}

/// Terminal output: diagnostics to stderr, a progress line only on a terminal.
enum Console {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func print(_ diagnostics: Diagnostics) {
        for (diagnostic, count) in diagnostics.grouped {
            error(diagnostic.description + (count > 1 ? "\n  （同样的警告共 \(count) 处，只显示第一处）" : ""))
        }
    }

    static func progress(_ stage: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K… \(stage)".utf8))
    }

    static func clearProgress() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func relativePath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) + "/" : path
    }
}

/// glibc gives the top of each heap back after every large free and takes it again at the next
/// allocation: a 10,000-page build made 11,000 mprotect and 1,300 brk calls for it. Heaps grow
/// by 64 MiB and are trimmed only above 256 MiB free (address space; resident memory is what
/// is touched).
func keepMallocHeaps() {
    #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which Swift's Glibc module leaves out.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let topPad: Int32 = -2  // M_TOP_PAD
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
    #endif
}
