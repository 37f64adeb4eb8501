import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanLoad
import QingshanModel
import QingshanMonitoring
import QingshanRender

/// The public edition, step by step (`build` reads as the list). Work that waits on nothing
/// starts early and is collected by the step that needs it: a full build takes the staging
/// folder, writes the open data and the feed and indexes the articles for the search while
/// the pages render (`Pending`). The pages pass through `pageSink` a batch at a time —
/// scanned for personal data, written, read by the search — and only their paths are kept,
/// so a large site's pages are never all in memory; nothing is swapped in before every check
/// passed.
final class PublicBuild {
    let run: BuildRun
    let site: LoadedSite
    var content: SiteContent { site.content }
    var diagnostics: Diagnostics { run.diagnostics }

    init(run: BuildRun, site: LoadedSite) {
        self.run = run
        self.site = site
    }

    func build() -> BuildReport? {
        let derived = run.step("derive", derive)
        guard !diagnostics.hasErrors else { return nil }
        let output = StagedWrite(run: run)
        defer { output.abandonUnlessFinished() }
        let products = Products(site: site, derived: derived, options: run.options)
        let privacy = PrivacyScan(run: run, content: content, derived: derived)
        run.progress?("生成页面")
        let sink = pageSink(output, privacy, products)
        var files = run.step("pages") { products.pages(sink: sink) }
        files += run.step("data pages") { products.dataPages(sink: sink) }
        let pageCount = files.count
        files += run.step("packs") { products.packs(sink: sink) }
        // The files a full build's sink scanned and wrote already: the pages and the packs.
        let sunk = files.count
        let searching = run.step("search docs") { products.startSearch(pages: files) }
        let feeds = run.step("feeds") { products.feeds(pages: files) }
        let search = run.step("search index") { searching.wait() }
        files.append(OutputFile(path: SearchIndexFile.path, data: search.data, origin: SearchIndexFile.path))
        files += feeds
        let copies = staticCopies(generated: files)
        guard !diagnostics.hasErrors else { return nil }
        output.startWritingRest(files, written: sunk, copies: copies)
        let unscanned = run.step("privacy") {
            privacy.check(files, scanned: sunk, copies: copies, search: search)
        }
        guard let unscanned else { return nil }
        checkInternalLinks(outputs: Set(files.map(\.path) + copies.map(\.path)), articles: derived.index.articles)
        guard run.step("write", { output.finish(files, written: sunk, copies: copies, derived: derived) })
        else { return nil }
        derived.schedule?.finish()
        return run.report(
            site: site, pages: pageCount, files: files.count + copies.count, articles: content.articles.count,
            unscanned: unscanned)
    }

    /// A full build or check scans the pages for personal data, writes them and gives the search
    /// what it reads of them as they come, keeping only their paths (serve keeps the pages, for
    /// its memo).
    func pageSink(_ output: StagedWrite, _ privacy: PrivacyScan, _ products: Products) -> PageSink? {
        guard run.mode.session == nil else { return nil }
        return { pages in
            privacy.scan(pages: pages)
            output.write(pages: pages)
            products.read(pages: pages)
            return pages.map { OutputFile(path: $0.path, data: Data(), origin: $0.origin) }
        }
    }

    /// Derive: the site index (lists, tags, URLs as of D), column freshness, the ledger as of
    /// D, the months with data, the navigation, and what serve's rebuild keeps.
    func derive() -> DerivedSite {
        run.progress?("整理栏目")
        let index = SiteIndex(content: content, asOf: site.asOf, diagnostics: diagnostics)
        for finding in ColumnFreshness.check(index) {
            let location = SourceLocation(file: "content/" + finding.section.rawValue)
            let message = ColumnFreshness.message(finding)
            if case .empty = finding, run.mode.emptyColumnIsAnError {
                diagnostics.error(location, message, hint: "添加内容，或在发布前确认该栏目的安排")
            } else {
                diagnostics.warning(location, message)
            }
        }
        let ledger = content.ledger.isEmpty ? nil : LedgerReport(derivations: site.derivations, asOf: site.asOf)
        let dataMonths = DataColumns.dataMonths(content, asOf: site.asOf)
        let columns = DataColumns.columns(
            content: content, hasLedger: ledger != nil, index: index, dataMonths: dataMonths)
        let schedule = run.options.session.map {
            IncrementalSchedule(session: $0, content: content, asOf: site.asOf, index: index, columns: columns)
        }
        return DerivedSite(index: index, ledger: ledger, dataMonths: dataMonths, columns: columns, schedule: schedule)
    }

    /// static/ is copied as-is; a static file may not take the place of a generated one.
    func staticCopies(generated: [OutputFile]) -> [(source: String, path: String)] {
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

    /// A root-relative link in an article that leads nowhere in the output is a warning.
    func checkInternalLinks(outputs: Set<String>, articles: [Article]) {
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
}

/// What the derive step gives the rest.
struct DerivedSite {
    let index: SiteIndex
    let ledger: LedgerReport?
    let dataMonths: Set<Month>
    let columns: [(column: Column, path: SitePath)]
    /// serve's rebuild: what it keeps and reuses; nil for a build or a check.
    let schedule: IncrementalSchedule?
}

extension ColumnFreshness.Finding {
    var section: Section {
        switch self {
        case .empty(let section), .stale(let section, _, _): return section
        }
    }
}
