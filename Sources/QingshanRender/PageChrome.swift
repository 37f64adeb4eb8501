import Foundation
import QingshanCore
import QingshanDerive
import QingshanModel

/// What every page renderer shares: the theme, the site view, links, the as-of day, and the
/// helpers that wrap content into a page (meta tags, breadcrumb, pagination).
public struct PageChrome: Sendable {
    public let config: SiteConfig
    public let theme: Theme
    public let asOf: Day
    let links: LinkBuilder
    let site: SiteView
    /// The internal edition: every page gets the 内部资料 banner and noindex.
    public let isInternal: Bool
    /// Header and footer, rendered once per navigation state.
    let parts = ChromeParts()
    /// Pages kept from the last build (serve); nil renders every page.
    let memo: (any PageMemo)?
    /// The kinds of page written by the compiled theme (`CompiledTheme`): those whose
    /// templates the site keeps as built in.
    let compiled: Set<TemplateName>

    public init(
        config: SiteConfig, theme: Theme, asOf: Day, singlePages: [Article],
        dataColumns: [(column: Column, path: SitePath)] = [], memo: (any PageMemo)? = nil, compiledPages: Bool = true
    ) {
        self.memo = memo
        compiled =
            compiledPages ? Set(CompiledTheme.templates.filter { theme.isBuiltIn($0.value) }.map(\.key)) : []
        self.config = config
        self.theme = theme
        self.asOf = asOf
        links = config.links
        var site = SiteView(config: config, pages: singlePages, dataColumns: dataColumns)
        site.search = config.links.link(Route.search)
        self.site = site
        isInternal = false
    }

    /// /search/: the form, the results list and the search script.
    public func searchPage() -> OutputFile {
        remember(RenderKey("search")) { renderSearchPage() }
    }

    func renderSearchPage() -> OutputFile {
        let path = Route.search
        var meta = meta(
            title: "站内搜索", path: path, column: .search, columnType: "搜索页",
            breadcrumb: [LinkView(title: "站内搜索", href: nil)])
        meta.isSearch = true
        return page(path, template: .search, meta: meta, content: .none, column: nil, origin: "search")
    }

    /// The chrome of the internal edition: its own navigation, no public single pages.
    public init(
        internalFor config: SiteConfig, theme: Theme, asOf: Day, navigation: [(column: Column, path: SitePath)]
    ) {
        self.config = config
        self.theme = theme
        self.asOf = asOf
        links = config.links
        var site = SiteView(config: config, pages: [])
        site.setNavigation(
            [(Column.internalHome, site.home)] + navigation.map { ($0.column, config.links.link($0.path)) })
        self.site = site
        isInternal = true
        memo = nil
        compiled = Set(CompiledTheme.templates.filter { theme.isBuiltIn($0.value) }.map(\.key))
    }

    func meta(
        title: String, path: SitePath, column: Column, columnDescription: String = "", columnType: String,
        description: String = "", breadcrumb: [LinkView] = []
    ) -> PageMeta {
        PageMeta(
            title: title,
            documentTitle: (title == config.title ? title : "\(title) - \(config.title)")
                + (isInternal ? "（内部资料）" : ""),
            description: description.isEmpty
                ? (config.description.isEmpty ? config.title : config.description)
                : description,
            columnName: column.title, columnDescription: columnDescription.isEmpty ? column.title : columnDescription,
            columnType: columnType, canonical: links.absolute(path), asOf: asOf,
            breadcrumb: breadcrumb.isEmpty
                ? [] : [LinkView(title: isInternal ? "内部首页" : "首页", href: site.home)] + breadcrumb,
            article: nil, isInternal: isInternal)
    }

    /// Renders `template` for a page at `path`; `column` marks the current navigation entry.
    func page(
        _ path: SitePath, template: TemplateName, meta: PageMeta, content: PageContent, column: Column?, origin: String
    ) -> OutputFile {
        let marked = site.marking(column)
        let parts = parts.parts(theme: theme, site: marked, column: column)
        var view = PageView(site: marked, meta: meta, content: content)
        view.headerHTML = parts.header
        view.footerHTML = parts.footer
        if compiled.contains(template), let bytes = CompiledTheme.render(view, template: template) {
            return OutputFile(path: path.outputFile, data: Data(bytes), origin: origin)
        }
        return OutputFile(path: path.outputFile, text: theme.render(view, template: template), origin: origin)
    }

    /// The view of an article page: body, metadata, tags, attachments and neighbours.
    func articleView(_ article: Article, newer: Article? = nil, older: Article? = nil) -> ArticleView {
        let tags =
            article.section.isListed
            ? article.front.tags.map { tag in
                ArticleView.TagLink(name: tag, href: links.link(Route.tag(SiteIndex.tagSlug(tag))))
            } : []
        let attachments = article.front.attachments.map {
            LinkView(title: $0.title, href: links.link(SitePath("/" + $0.file)))
        }
        let neighbour = { (a: Article?) in a.map { ArticleView.Neighbour(title: $0.title, href: links.link($0.path)) } }
        return ArticleView(
            title: article.title, url: links.absolute(article.path), date: article.date, summary: article.summary,
            source: article.front.source, docNo: article.front.docNo, html: article.html,
            readingMinutes: article.readingMinutes, tags: tags, attachments: attachments,
            keywords: article.front.tags.joined(separator: ","),
            contentSource: article.front.source ?? config.footer.sponsor, newer: neighbour(newer),
            older: neighbour(older))
    }

    /// Page links for a list: the first, the last and two either side of the current page,
    /// with a gap (a link without href) where pages are left out. Nil for a single page.
    func pagination(current: Int, total: Int, path: (Int) -> SitePath) -> PaginationView? {
        guard total > 1 else { return nil }
        let shown = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
        var pages: [LinkView] = []
        for (i, number) in shown.enumerated() {
            if i > 0, number - shown[i - 1] > 1 { pages.append(LinkView(title: "…", href: nil)) }
            pages.append(LinkView(title: String(number), href: links.link(path(number)), current: number == current))
        }
        return PaginationView(
            number: current, total: total, previous: current > 1 ? links.link(path(current - 1)) : nil,
            next: current < total ? links.link(path(current + 1)) : nil, pages: pages)
    }
}
