import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanLoad
import QingshanModel
import QingshanMonitoring
import QingshanRatings
import QingshanRender
import QingshanSearch

/// The products of the public edition and the chrome they share: the articles, lists and tags
/// with the home page; then the data products (ledger, campaigns, monitoring, bulletins,
/// dynamics, fact sheets, Environment Day, search page); the search index; the feeds, sitemap
/// and open data. Made once per run by the public build's steps.
final class Products: @unchecked Sendable {
    let site: LoadedSite
    let derived: DerivedSite
    let chrome: PageChrome
    let ledgerPages: LedgerPages?
    let monitoringPages: MonitoringPages
    let campaignPages: CampaignPages
    let ratingPages: RatingPages
    /// Press fact sheets, Environment Day and 环保动态, with the panels they share (their pages
    /// and the 新媒体 packs take the same panels, each made once).
    let publishing: PublishingPages
    let searchSources: SearchDocuments
    /// A full build indexes the articles for the search while the pages render.
    let contentDocuments: (documents: [SearchDocument], covered: Set<String>)?
    let articleSearch: Pending<SearchIndex.FullBuild>?
    /// The documents of the pages a full build rendered so far (`read(pages:)`).
    private var pageDocuments: [SearchDocument] = []
    /// The open data and the feed need no page: made while the pages render.
    let openData: Pending<[OutputFile]>
    let kept: BuildSession?

    init(site: LoadedSite, derived: DerivedSite, options: BuildOptions) {
        self.site = site
        self.derived = derived
        let content = site.content
        let index = derived.index
        let asOf = site.asOf
        kept = options.session
        let ledger = derived.ledger
        openData = Pending {
            var files: [OutputFile] = []
            if let ledger { files += LedgerOpenData.files(ledger) }
            if !content.campaigns.isEmpty { files += CampaignOpenData.files(content.campaigns, asOf: asOf) }
            files += MonitoringOpenData.files(content.monitoring, asOf: asOf)
            files += RatingOpenData.files(content.ratings, target: content.config.targetRank, asOf: asOf)
            files.append(Feeds.atom(config: content.config, index: index))
            return files
        }
        let chrome = PageChrome(
            config: content.config, theme: site.theme, asOf: asOf, singlePages: index.bySection[.pages] ?? [],
            dataColumns: derived.columns, memo: options.session?.pages, compiledPages: options.compiledPages)
        self.chrome = chrome
        ledgerPages = ledger.map { LedgerPages(chrome: chrome, report: $0) }
        let records = (ledgerPages?.recordPlaces ?? []).map { place in
            SearchDocuments.record(place.record, url: content.config.links.link(place.path, fragment: place.anchor))
        }
        searchSources = SearchDocuments(content: content, kept: options.session?.searchDocuments, records: records)
        contentDocuments = options.session == nil ? searchSources.contentDocuments(index: index) : nil
        articleSearch = contentDocuments.map { found in Pending { SearchIndex().start(found.documents) } }
        monitoringPages = MonitoringPages(
            chrome: chrome, data: content.monitoring, science: index.bySection[.science] ?? [])
        campaignPages = CampaignPages(chrome: chrome, campaigns: content.campaigns, articles: index.articles)
        ratingPages = RatingPages(chrome: chrome, ratings: content.ratings, target: content.config.targetRank)
        let panels = DataPanels(
            derivations: site.derivations, campaigns: content.campaigns, monitoring: content.monitoring,
            links: content.config.links, ratings: content.ratings, target: content.config.targetRank)
        publishing = PublishingPages(chrome: chrome, index: index, panels: panels, dataMonths: derived.dataMonths)
    }

    var content: SiteContent { site.content }
    var index: SiteIndex { derived.index }

    /// Articles, section lists, tags and the home page with its headline figures, through `sink`
    /// as they are rendered.
    func pages(sink: PageSink?) -> [OutputFile] {
        let links = content.config.links
        let highlights = HomeHighlights(
            figures: monitoringPages.homeFigures + (ledgerPages?.homeFigures ?? []) + ratingPages.homeFigures,
            figuresHref: derived.ledger.map { _ in links.link(Route.ledger) },
            campaigns: campaignPages.items,
            campaignsHref: content.campaigns.isEmpty ? nil : links.link(Route.campaigns))
        return PageRenderer(chrome: chrome, index: index, highlights: highlights).renderAll(sink: sink)
    }

    /// The data products, in the order of their pages in the output.
    func dataProducts() -> [any Product] {
        let notes = index.bySection[.bulletins] ?? []
        let products: [(any Product)?] = [
            ledgerPages, ratingPages, campaignPages, monitoringPages,
            BulletinPages(
                chrome: chrome, ledger: derived.ledger, campaigns: content.campaigns, notes: notes,
                ratings: content.ratings, target: content.config.targetRank),
            publishing,
        ]
        return products.compactMap { $0 }
    }

    /// The data products' pages and the search page, a product at a time through `sink`.
    func dataPages(sink: PageSink?) -> [OutputFile] {
        let pass = { (pages: [OutputFile]) in sink?(pages) ?? pages }
        return dataProducts().flatMap { pass(chrome.render($0)) } + pass([chrome.searchPage()])
    }

    /// A full build's pages as they come: the search takes what it reads of them (the title and
    /// description of a page no article document covers).
    func read(pages: [OutputFile]) {
        guard let contentDocuments else { return }
        pageDocuments += searchSources.pageDocuments(pages: pages, covered: contentDocuments.covered)
    }

    /// Starts the search index over every page (a full build adds the documents of the pages,
    /// read as they came, to the articles it indexed meanwhile; serve patches the index it
    /// keeps).
    func startSearch(pages: [OutputFile]) -> Pending<SearchIndex.Output> {
        if contentDocuments != nil, let articleSearch {
            let pageDocuments = pageDocuments
            return Pending { SearchIndex().finish(articleSearch.take(), adding: pageDocuments) }
        }
        let documents = searchSources.make(index: index, pages: pages)
        let searchIndex = kept?.search ?? SearchIndex()
        return Pending { searchIndex.build(documents) }
    }

    /// The 新媒体 packs, through `sink` as they are made (they are not pages: no sitemap entry,
    /// no search document).
    func packs(sink: PageSink?) -> [OutputFile] {
        publishing.newMediaPacks(sink: sink)
    }

    /// Open data, the Atom feed, the sitemap (pages only), robots.txt and the theme's assets.
    func feeds(pages: [OutputFile]) -> [OutputFile] {
        var feeds = openData.wait()
        let listed = pages + feeds
        feeds.append(
            chrome.remember(RenderKey("sitemap", [Sitemap.digest(listed, index)])) {
                Feeds.sitemap(config: content.config, paths: Sitemap.entries(listed, index))
            })
        feeds.append(Feeds.robots(config: content.config))
        for (path, data) in site.theme.assets.sorted(by: { $0.key < $1.key }) {
            feeds.append(OutputFile(path: "assets/" + path, data: data, origin: "templates/assets/" + path))
        }
        return feeds
    }
}

/// What the sitemap lists and when it must be made again.
enum Sitemap {
    /// Every HTML page of the output (404 aside), for the sitemap; articles with their date.
    static func entries(_ files: [OutputFile], _ index: SiteIndex) -> [(SitePath, Day?)] {
        var dates = Dictionary(index.articles.map { ($0.path, $0.date.day) }, uniquingKeysWith: { a, _ in a })
        for list in index.listPages + index.tagPages {
            dates[list.path] = list.articles.first?.date.day
        }
        dates[SitePath("/")] = index.articles.first?.date.day
        return files.filter { OutputFile.isPage($0.path) }.map { file in
            let path = SitePath("/" + String(file.path.dropLast("index.html".count)))
            return (path, dates[path])
        }
    }

    /// What the sitemap is made of (page paths, article dates, the newest article of each list),
    /// as one number: serve's rebuilds keep the sitemap while it is the same.
    static func digest(_ files: [OutputFile], _ index: SiteIndex) -> Int {
        var digest = Digest()
        for file in files where OutputFile.isPage(file.path) { digest.add(file.path) }
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
}
