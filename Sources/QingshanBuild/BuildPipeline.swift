import CQingshanSystem
import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanLoad
import QingshanModel
import QingshanMonitoring
import QingshanRender

/// The whole build: load → validate → derive → render → write. `run` places the output, loads
/// the site and hands it to the edition's own list of steps (`PublicBuild`, `InternalBuild`),
/// each step timed by name.
public struct BuildPipeline: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build in its mode (`options.mode`). Returns nil when the input has errors; they
    /// are in `diagnostics`.
    public func run(diagnostics: Diagnostics, progress: ((String) -> Void)? = nil) -> BuildReport? {
        let run = BuildRun(options: options, diagnostics: diagnostics, progress: progress)
        guard run.outputMayGo(), let site = run.load() else { return nil }
        switch options.edition {
        case .public: return PublicBuild(run: run, site: site).build()
        case .internal: return InternalBuild(run: run, site: site).build()
        }
    }
}

/// What every step of a run shares: the options, the diagnostics, the clock.
final class BuildRun: @unchecked Sendable {
    let options: BuildOptions
    let diagnostics: Diagnostics
    let clock = StageClock()
    let progress: ((String) -> Void)?

    init(options: BuildOptions, diagnostics: Diagnostics, progress: ((String) -> Void)?) {
        self.options = options
        self.diagnostics = diagnostics
        self.progress = progress
    }

    var mode: BuildMode { options.mode }
    var outputDir: String { options.resolvedOutputDir }

    /// Runs one step and times it under `name`. A step that ran a while let go of much (the
    /// articles' short-lived buffers, batches of pages): its freed heap pages go back to the
    /// system, or the holes they leave between kept blocks stay in the resident set (~40 MiB at
    /// the peak of a 10,000-page build). A trim costs a few milliseconds; a short step skips it.
    func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            if DispatchTime.now().uptimeNanoseconds - started >= 20_000_000 { qs_release_free_memory() }
            clock.lap(name)
        }
        return try body()
    }

    /// A run that writes may only write where an output may go (`OutputPlacement`).
    func outputMayGo() -> Bool {
        guard mode.writes,
            let problem = OutputPlacement.problem(output: outputDir, site: options.siteRoot, edition: options.edition)
        else { return true }
        diagnostics.error(SourceLocation(file: outputDir), problem)
        return false
    }

    /// Load and validate: site.yaml, content/, the data files, static/ and the theme.
    func load() -> LoadedSite? {
        progress?("读取站点")
        let content = step("load") {
            SiteLoader(
                siteRoot: options.siteRoot, includeDrafts: options.includeDrafts, cache: options.session?.articles,
                listing: options.session?.takeListing()
            ).load(diagnostics: diagnostics)
        }
        let theme = step("theme") { Theme.load(siteRoot: options.siteRoot, diagnostics: diagnostics) }
        guard var content, let theme, !diagnostics.hasErrors else { return nil }
        let derivations = LedgerDerivations(content.ledger)
        let cited = step("figures") { citeFigures(&content, derivations: derivations) }
        guard !diagnostics.hasErrors else { return nil }
        return LoadedSite(
            content: content, theme: theme, asOf: options.asOf ?? content.config.asOf ?? Day.today(),
            derivations: derivations, citations: cited)
    }

    /// Figures in text: every `{{NAME}}` of the articles written in as of the article's day.
    func citeFigures(_ content: inout SiteContent, derivations: LedgerDerivations) -> [String: [FigureText.Citation]] {
        guard content.articles.contains(where: { !$0.figures.isEmpty }) else { return [:] }
        let book = FigureBook(content: content, derivations: derivations)
        let (articles, citations) = FigureText.resolve(content.articles, book: book, diagnostics: diagnostics)
        content.articles = articles
        return citations
    }

    /// The report of a run that got through every step.
    func report(site: LoadedSite, pages: Int, files: Int, articles: Int, unscanned: [String] = []) -> BuildReport {
        let content = site.content
        let records = content.ledger.count + content.campaigns.count
        return BuildReport(
            outputDir: outputDir, asOf: site.asOf, pages: pages, files: files, articles: articles,
            dataRecords: records + (options.edition == .public ? content.monitoring.count : 0),
            seconds: clock.total, stages: clock.laps, reused: options.session?.pages.hits ?? 0,
            unscanned: unscanned,
            pressFigures: content.articles.filter { $0.section == .press && $0.date.day <= site.asOf }.map { article in
                PressFigures(
                    file: article.file, title: article.title, asOf: FigureText.day(of: article),
                    figures: (site.citations[article.file] ?? []).map { ($0.name, $0.value) })
            })
    }
}

/// The site as loaded and validated, and the day it is built as of.
struct LoadedSite {
    let content: SiteContent
    let theme: Theme
    let asOf: Day
    /// The ledger derived at any day asked for, shared by every product.
    let derivations: LedgerDerivations
    /// The figures each article cites, by file (`qingshan check` lists a press item's).
    let citations: [String: [FigureText.Citation]]
}

/// Wall-clock and processor time per stage, for `--timings`.
final class StageClock: @unchecked Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StageClock.usage().cpuSeconds
    private(set) var laps: [StageTime] = []

    func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let usage = Self.usage()
        let cpu = usage.cpuSeconds
        laps.append(
            StageTime(
                name: name, seconds: Double(now - last) / 1e9, cpuSeconds: cpu - lastCPU, peakMiB: usage.peakMiB))
        last = now
        lastCPU = cpu
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// User and system time of the process so far, and its peak resident memory.
    static func usage() -> (cpuSeconds: Double, peakMiB: Double) {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return (0, 0) }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        // Linux reports ru_maxrss in KiB.
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), Double(usage.ru_maxrss) / 1024)
    }
}
