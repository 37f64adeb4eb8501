import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanLoad
import QingshanModel
import QingshanMonitoring
import QingshanRender

/// The whole build, stage by stage: load → validate → derive → render → write.
public struct BuildPipeline: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build. With `write: false` (qingshan check) nothing is written.
    /// Returns nil when the input has errors; they are in `diagnostics`.
    public func run(diagnostics: Diagnostics, write: Bool = true, progress: ((String) -> Void)? = nil)
        -> BuildReport?
    {
        let clock = StageClock()
        let outputDir = options.resolvedOutputDir
        if write,
            let problem = OutputPlacement.problem(output: outputDir, site: options.siteRoot, edition: options.edition)
        {
            diagnostics.error(SourceLocation(file: outputDir), problem)
            return nil
        }

        progress?("读取站点")
        let loader = SiteLoader(
            siteRoot: options.siteRoot, includeDrafts: options.includeDrafts, cache: options.session?.articles,
            listing: options.session?.takeListing())
        let content = loader.load(diagnostics: diagnostics)
        clock.lap("load")
        let theme = Theme.load(siteRoot: options.siteRoot, diagnostics: diagnostics)
        clock.lap("theme")
        guard let content, let theme, !diagnostics.hasErrors else { return nil }

        let asOf = options.asOf ?? content.config.asOf ?? Day.today()
        if options.edition == .internal {
            return buildInternal(
                content: content, theme: theme, asOf: asOf, outputDir: outputDir, write: write,
                diagnostics: diagnostics, clock: clock)
        }
        progress?("整理栏目")
        let index = SiteIndex(content: content, asOf: asOf, diagnostics: diagnostics)
        for finding in ColumnFreshness.check(index) {
            let location = SourceLocation(file: "content/" + Self.section(of: finding).rawValue)
            let message = ColumnFreshness.message(finding)
            if case .empty = finding, !write {
                diagnostics.error(location, message, hint: "添加内容，或在发布前确认该栏目的安排")
            } else {
                diagnostics.warning(location, message)
            }
        }
        let ledger = content.ledger.isEmpty ? nil : LedgerReport(records: content.ledger, asOf: asOf)
        clock.lap("derive")
        guard !diagnostics.hasErrors else { return nil }
        // A full build writes while it renders: the staging folder is taken and listed during
        // the pages, the pages written during the rest. Nothing is swapped in before every
        // check has passed; a build that stops gives the folder back as the spare.
        let staged =
            write && options.session == nil
            ? Pending { Result { try StagedOutput(outputDir: outputDir, edition: options.edition) } } : nil
        var pagesWritten: Pending<Result<Void, any Error>>?
        var swapped = false
        defer {
            if !swapped {
                _ = pagesWritten?.wait()  // the page write ends before the folder is given back
                if case .success(let output)? = staged?.wait() { output.abandon() }
            }
        }
        // The open data and the feed need no page: they are written while the pages render.
        let openData = Pending {
            var files: [OutputFile] = []
            if let ledger { files += LedgerOpenData.files(ledger) }
            if !content.campaigns.isEmpty { files += CampaignOpenData.files(content.campaigns, asOf: asOf) }
            files += MonitoringOpenData.files(content.monitoring, asOf: asOf)
            files.append(Feeds.atom(config: content.config, index: index))
            return files
        }

        progress?("生成页面")
        var dataColumns: [(title: String, path: SitePath)] = []
        let monitoringColumns = MonitoringPages.columns(content.monitoring, asOf: asOf)
        if let first = monitoringColumns.first { dataColumns.append(("环境质量", first.path)) }
        if ledger != nil { dataColumns.append(("问题台账", SitePath.folder("ledger"))) }
        if !content.campaigns.isEmpty { dataColumns.append(("专项行动", SitePath.folder("campaigns"))) }
        if ledger != nil || !content.campaigns.isEmpty {
            dataColumns.append(("工作通报", SitePath.folder("bulletins")))
        }
        let dataMonths = Self.dataMonths(content, asOf: asOf)
        if !dataMonths.isEmpty || !index.articles.isEmpty { dataColumns.append(("环保动态", SitePath.folder("dynamics"))) }
        if !(index.bySection[.envday] ?? []).isEmpty { dataColumns.append(("六五环境日", SitePath.folder("envday"))) }
        let session = options.session
        let context = session.map { _ in
            Self.context(content: content, asOf: asOf, index: index, dataColumns: dataColumns)
        }
        if let session, let context {
            session.pages.begin(context: context)
            session.searchDocuments.begin(context: context)
        }
        // A full build indexes the articles for the search while the pages are rendered.
        let searchSources = SearchDocuments(content: content, kept: session?.searchDocuments)
        let contentDocuments = session == nil ? searchSources.contentDocuments(index: index) : nil
        let articleSearch = contentDocuments.map { found in
            Pending { SearchIndex().start(found.documents) }
        }
        let chrome = PageChrome(
            config: content.config, theme: theme, asOf: asOf, singlePages: index.bySection[.pages] ?? [],
            dataColumns: dataColumns, memo: session?.pages, directPages: options.directPages)
        let ledgerPages = ledger.map { LedgerPages(chrome: chrome, report: $0) }
        let monitoringPages = MonitoringPages(
            chrome: chrome, data: content.monitoring, science: index.bySection[.science] ?? [])
        let campaignPages = CampaignPages(chrome: chrome, campaigns: content.campaigns, articles: index.articles)
        let links = content.config.links
        let highlights = HomeHighlights(
            figures: monitoringPages.homeFigures + (ledgerPages?.homeFigures ?? []),
            figuresHref: ledger.map { _ in links.link(SitePath.folder("ledger")) },
            campaigns: campaignPages.items,
            campaignsHref: content.campaigns.isEmpty ? nil : links.link(SitePath.folder("campaigns")))
        var files = PageRenderer(chrome: chrome, index: index, highlights: highlights).renderAll()
        clock.lap("pages")
        // The privacy guard of a full build reads the pages while the rest is rendered.
        let guardian =
            options.edition == .public
            ? PrivacyGuard(
                ledger: content.ledger, allow: content.config.privacyAllow, siteRoot: content.siteRoot,
                contentFiles: content.articles.map(\.file)) : nil
        let pageFiles = files.count
        let pageFindings =
            session == nil ? guardian.map { guardian in Pending { [files] in guardian.findings(files) } } : nil
        pagesWritten = staged.map { staged in
            Pending { [files] in staged.wait().flatMap { output in Result { try output.write(files) } } }
        }
        if let ledgerPages { files += chrome.remember(RenderKey("ledger")) { ledgerPages.renderAll() } }
        let campaignNews = index.articles.filter { $0.front.campaign != nil }
        files += chrome.remember(RenderKey("campaigns", articles: campaignNews)) { campaignPages.renderAll() }
        files += chrome.remember(RenderKey("monitoring", articles: index.bySection[.science] ?? [])) {
            monitoringPages.renderAll()
        }
        let bulletinPages = BulletinPages(
            chrome: chrome, ledger: ledger, campaigns: content.campaigns, notes: index.bySection[.bulletins] ?? [])
        files += chrome.remember(RenderKey("bulletins", articles: index.bySection[.bulletins] ?? [])) {
            bulletinPages.renderAll()
        }
        let panels = DataPanels(
            derivations: ledger?.derivations ?? LedgerDerivations(content.ledger), campaigns: content.campaigns,
            monitoring: content.monitoring, links: links)
        files += PublishingPages(chrome: chrome, index: index, panels: panels, dataMonths: dataMonths).renderAll()
        files.append(chrome.searchPage())
        clock.lap("data pages")
        let pageCount = files.count
        let searching: Pending<SearchIndex.Output>
        if let contentDocuments, let articleSearch {
            let pageDocuments = searchSources.pageDocuments(pages: files, covered: contentDocuments.covered)
            searching = Pending { SearchIndex().finish(articleSearch.wait(), adding: pageDocuments) }
        } else {
            let searchDocs = searchSources.make(index: index, pages: files)
            let searchIndex = session?.search ?? SearchIndex()
            searching = Pending { searchIndex.build(searchDocs) }
        }
        clock.lap("search docs")
        // The feeds while the search index is finished (the sitemap lists pages only).
        var feeds = openData.wait()
        let listed = files + feeds
        feeds.append(
            chrome.remember(RenderKey("sitemap", [Self.sitemapDigest(listed, index)])) {
                Feeds.sitemap(config: content.config, paths: sitemapEntries(listed, index))
            })
        feeds.append(Feeds.robots(config: content.config))
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            feeds.append(OutputFile(path: "assets/" + path, data: data, origin: "templates/assets/" + path))
        }
        clock.lap("feeds")
        let search = searching.wait()
        files.append(OutputFile(path: SearchIndexFile.path, data: search.data, origin: SearchIndexFile.path))
        files += feeds
        clock.lap("search index")

        let copies = staticCopies(content: content, generated: files, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        var unscanned: [String] = []
        if let guardian {
            let unchecked = files + staticFiles(copies)
            let leaks: [Diagnostic]
            if let session, let context {
                leaks = guardian.check(
                    session.unchecked(unchecked, context: context, searchDelta: search.changed))
            } else {
                // The pages were scanned while the rest rendered; the rest is scanned now.
                let pages = pageFindings?.wait() ?? guardian.findings(Array(unchecked[..<pageFiles]))
                let scan = pages + guardian.findings(Array(unchecked[pageFiles...]))
                leaks = guardian.report(scan)
                unscanned = scan.unscanned
            }
            clock.lap("privacy")
            guard leaks.isEmpty else {
                diagnostics.report(contentsOf: leaks)
                return nil
            }
        }
        checkInternalLinks(
            index.articles, outputs: Set(files.map(\.path) + copies.map(\.path)), diagnostics: diagnostics)

        if write {
            progress?("写入 \(outputDir)")
            do {
                if let staged, let pagesWritten {
                    let output = try staged.wait().get()
                    try pagesWritten.wait().get()
                    try output.write(Array(files[pageFiles...]), copies: copies)
                    swapped = true  // whatever happens next, the folder is no longer to be given back
                    _ = try output.finish()
                } else {
                    try writeOutput(files: files, copies: copies, to: outputDir, context: context)
                }
            } catch {
                diagnostics.error(SourceLocation(file: outputDir), "\(error)")
                return nil
            }
            clock.lap("write")
        }
        session?.pages.finish()
        return BuildReport(
            outputDir: outputDir, asOf: asOf, pages: pageCount, files: files.count + copies.count,
            articles: content.articles.count,
            dataRecords: content.ledger.count + content.campaigns.count + content.monitoring.count,
            seconds: clock.total,
            stages: clock.laps, reused: session?.pages.hits ?? 0, unscanned: unscanned)
    }

    /// Writes the output: a session that wrote the same folder before updates only the files
    /// that changed (and remembers what it wrote); otherwise the whole tree is swapped in.
    func writeOutput(
        files: [OutputFile], copies: [(source: String, path: String)], to outputDir: String, context: Digest?
    )
        throws
    {
        let writer = OutputWriter(outputDir: outputDir, edition: options.edition)
        guard let session = options.session, let context else {
            try writer.write(files: files, copies: copies)
            return
        }
        let current = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        let stamps: [String: OutputWriter.CopyStamp]
        if let last = session.last, last.outputDir == outputDir,
            FileManager.default.fileExists(atPath: outputDir + "/index.html")
        {
            session.last = nil  // until the update is complete
            do {
                stamps = try writer.update(
                    files: files, copies: copies, current: current, previous: last.files, previousCopies: last.copies)
            } catch {
                try writer.write(files: files, copies: copies)
                stamps = OutputWriter.stamps(copies)
            }
        } else {
            session.last = nil
            try writer.write(files: files, copies: copies)
            stamps = OutputWriter.stamps(copies)
        }
        session.last = BuildSession.Snapshot(outputDir: outputDir, context: context, files: current, copies: stamps)
    }

    /// Everything a page can show besides the articles it lists: site.yaml, templates, data,
    /// the as-of day, drafts, and the navigation (single pages and data columns).
    static func context(
        content: SiteContent, asOf: Day, index: SiteIndex, dataColumns: [(title: String, path: SitePath)]
    )
        -> Digest
    {
        var digest = InputDigest.nonArticleInputs(siteRoot: content.siteRoot)
        digest.add(asOf.iso)
        for page in index.bySection[.pages] ?? [] { digest.add(page.revision) }
        for column in dataColumns {
            digest.add(column.title)
            digest.add(column.path.value)
        }
        return digest
    }

    static func section(of finding: ColumnFreshness.Finding) -> Section {
        switch finding {
        case .empty(let section), .stale(let section, _, _): return section
        }
    }

    /// Months with ledger, campaign or monitoring activity up to the as-of day.
    static func dataMonths(_ content: SiteContent, asOf d: Day) -> Set<Month> {
        var months = Set(LedgerMonth.activeMonths(content.ledger, asOf: d))
        months.formUnion(CampaignRules.activeMonths(content.campaigns, asOf: d))
        months.formUnion(content.monitoring.air.filter { $0.date <= d }.map { Month($0.date) })
        months.formUnion(content.monitoring.water.map(\.month).filter { $0 <= Month(d) })
        months.formUnion(content.monitoring.noise.filter { $0.date <= d }.map { Month($0.date) })
        return months
    }

    /// The internal edition: working reports with owners and contacts, noindex everywhere.
    func buildInternal(
        content: SiteContent, theme: Theme, asOf: Day, outputDir: String, write: Bool, diagnostics: Diagnostics,
        clock: StageClock
    ) -> BuildReport? {
        if content.ledger.isEmpty {
            diagnostics.warning(
                SourceLocation(file: "content/data/ledger.yaml"), "没有问题台账，内部版只有空白的调度页面")
        }
        let chrome = PageChrome(
            internalFor: content.config, theme: theme, asOf: asOf, navigation: InternalPages.navigation)
        clock.lap("derive")
        var files = InternalPages(chrome: chrome, records: content.ledger, campaigns: content.campaigns).renderAll()
        let pageCount = files.count
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nDisallow: /\n", origin: "robots.txt"))
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, data: data, origin: "templates/assets/" + path))
        }
        clock.lap("render")
        if write {
            do {
                try OutputWriter(outputDir: outputDir, edition: .internal).write(files: files, copies: [])
            } catch {
                diagnostics.error(SourceLocation(file: outputDir), "\(error)")
                return nil
            }
            clock.lap("write")
        }
        return BuildReport(
            outputDir: outputDir, asOf: asOf, pages: pageCount, files: files.count, articles: 0,
            dataRecords: content.ledger.count + content.campaigns.count, seconds: clock.total, stages: clock.laps)
    }

    /// Every HTML page of the output (404 aside), for the sitemap; articles with their date.
    func sitemapEntries(_ files: [OutputFile], _ index: SiteIndex) -> [(SitePath, Day?)] {
        var dates = Dictionary(index.articles.map { ($0.path, $0.date.day) }, uniquingKeysWith: { a, _ in a })
        for list in index.listPages + index.tagPages {
            dates[list.path] = list.articles.first?.date.day
        }
        dates[SitePath("/")] = index.articles.first?.date.day
        return files.filter { Self.isPage($0.path) }.map { file in
            let path = SitePath("/" + String(file.path.dropLast("index.html".count)))
            return (path, dates[path])
        }
    }

    /// An HTML page of the output: its path ends in `index.html` (compared as bytes).
    static func isPage(_ path: String) -> Bool {
        let utf8 = path.utf8
        return utf8.count >= 10 && utf8.suffix(10).elementsEqual("index.html".utf8)
    }

    /// What the sitemap is made of (page paths, article dates, the newest article of each list),
    /// as one number: serve's rebuilds keep the sitemap while it is the same.
    static func sitemapDigest(_ files: [OutputFile], _ index: SiteIndex) -> Int {
        var digest = Digest()
        for file in files where isPage(file.path) { digest.add(file.path) }
        func add(_ day: Day?) { digest.add(day?.ordinal ?? Int.min) }
        for article in index.articles {
            digest.add(article.path.value)
            add(article.date.day)
        }
        for list in index.listPages + index.tagPages {
            digest.add(list.path.value)
            add(list.articles.first?.date.day)
        }
        return Int(truncatingIfNeeded: digest.value)
    }

    /// Static files, every one: the privacy guard reads them too.
    func staticFiles(_ copies: [(source: String, path: String)]) -> [OutputFile] {
        copies.compactMap { copy in
            FileManager.default.contents(atPath: copy.source).map {
                OutputFile(path: copy.path, data: $0, origin: "static/" + copy.path)
            }
        }
    }

    /// A root-relative link in an article that leads nowhere in the output is a warning.
    func checkInternalLinks(_ articles: [Article], outputs: Set<String>, diagnostics: Diagnostics) {
        for article in articles {
            for link in article.internalLinks {
                var target = String(link.dropFirst())
                if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
                target = target.removingPercentEncoding ?? target
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if !outputs.contains(target) && !outputs.contains(target + "/index.html") {
                    diagnostics.warning(
                        SourceLocation(file: article.file), "站内链接 \(link) 指向的页面或文件不存在",
                        hint: "站内链接写作 /栏目/slug/，例如 /news/manyi-huanbao-fangan/")
                }
            }
        }
    }

    /// static/ is copied as-is; a static file may not take the place of a generated one.
    func staticCopies(content: SiteContent, generated: [OutputFile], diagnostics: Diagnostics)
        -> [(source: String, path: String)]
    {
        let taken = Set(generated.map(\.path))
        var copies: [(source: String, path: String)] = []
        for file in content.staticFiles {
            if taken.contains(file) {
                diagnostics.error(
                    SourceLocation(file: "static/" + file), "与生成的文件 /\(file) 重名", hint: "改名或移到子目录")
                continue
            }
            copies.append((content.siteRoot + "/static/" + file, file))
        }
        return copies
    }
}

/// Wall-clock and processor time per stage, for `--timings`.
final class StageClock: @unchecked Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StageClock.processorSeconds()
    private(set) var laps: [StageTime] = []

    func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processorSeconds()
        laps.append(StageTime(name: name, seconds: Double(now - last) / 1e9, cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// User and system time of the process so far.
    static func processorSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
