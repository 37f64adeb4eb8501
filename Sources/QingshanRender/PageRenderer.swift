import Foundation
import QingshanCore
import QingshanDerive
import QingshanModel

/// Stage 4 for articles: turns the site index into HTML pages through the theme.
public struct PageRenderer: Sendable {
    public let index: SiteIndex
    let chrome: PageChrome
    var config: SiteConfig { chrome.config }
    var links: LinkBuilder { chrome.links }
    var site: SiteView { chrome.site }

    let highlights: HomeHighlights

    public init(chrome: PageChrome, index: SiteIndex, highlights: HomeHighlights = HomeHighlights()) {
        self.chrome = chrome
        self.index = index
        self.highlights = highlights
        // Each notice's place among its year's, oldest first: the number in its 索引号.
        let notices = Array((index.bySection[.notices] ?? []).reversed())
        noticePlaces = Dictionary(
            zip(notices.map(\.path), Disclosure.places(notices.map(\.date.day))), uniquingKeysWith: { a, _ in a })
    }

    /// Each notice's place among the year's notices in date order (`Disclosure`).
    let noticePlaces: [SitePath: Int]

    /// Every HTML page: home, lists, articles, tags, 404. Rendered in parallel (through `sink`
    /// as they come, when there is one), returned in a stable order.
    public func renderAll(sink: PageSink? = nil) -> [OutputFile] {
        enum Job: Sendable {
            case home
            case article(Article, newer: Article?, older: Article?)
            case list(ListPage)
            case tags
            case notFound
        }
        var jobs: [Job] = [.home, .tags, .notFound]
        for section in Section.allCases where section.hasArticlePages {
            let items = index.bySection[section] ?? []
            for (i, article) in items.enumerated() {
                let newer = section.isListed && i > 0 ? items[i - 1] : nil
                let older = section.isListed && i + 1 < items.count ? items[i + 1] : nil
                jobs.append(.article(article, newer: newer, older: older))
            }
        }
        jobs += (index.listPages + index.tagPages).map { .list($0) }
        return chrome.renderAll(jobs, key: key, sink: sink) { job in
            switch job {
            case .home: return home()
            case .article(let a, let newer, let older): return article(a, newer: newer, older: older)
            case .list(let page): return list(page)
            case .tags: return tags()
            case .notFound: return notFound()
            }
        }

        /// Everything a page shows beyond the build's context: the revisions of its articles.
        func key(_ job: Job) -> RenderKey {
            switch job {
            case .home:
                return RenderKey(
                    "home", articles: Section.allCases.filter(\.isListed).flatMap { index.latest($0, count: 6) })
            case .article(let a, let newer, let older):
                return RenderKey("article", articles: [a, newer, older])
            case .list(let page):
                return RenderKey(
                    page.memoName, articles: page.articles, [page.number, page.totalPages, page.totalItems])
            case .tags:
                let name = "tags\n" + index.tags.map { $0.name + "\t" + $0.slug }.joined(separator: "\n")
                return RenderKey(name, index.tags.map(\.articles.count))
            case .notFound: return RenderKey("404")
            }
        }
    }

    func item(_ article: Article, summary: Bool) -> ItemView {
        ItemView(
            title: article.title, href: links.link(article.path), date: article.date.day, summary: article.summary,
            showSummary: summary)
    }

    func meta(
        title: String, path: SitePath, column: Column, columnDescription: String = "", columnType: String,
        description: String = "", breadcrumb: [LinkView] = []
    ) -> PageMeta {
        chrome.meta(
            title: title, path: path, column: column, columnDescription: columnDescription, columnType: columnType,
            description: description, breadcrumb: breadcrumb)
    }

    func page(
        _ path: SitePath, template: TemplateName, meta: PageMeta, content: PageContent, column: Column?, origin: String
    )
        -> OutputFile
    {
        chrome.page(path, template: template, meta: meta, content: content, column: column, origin: origin)
    }

    func home() -> OutputFile {
        let columns = Section.allCases.filter(\.isListed).map { section in
            HomeView.Column(
                key: section.rawValue, title: section.title, href: links.link(section.listPath),
                items: index.latest(section, count: 6).map { item($0, summary: false) })
        }
        let meta = meta(title: config.title, path: SitePath("/"), column: .home, columnType: "首页")
        return page(
            SitePath("/"), template: .home, meta: meta,
            content: .home(HomeView(asOf: index.asOf, columns: columns, highlights: highlights)),
            column: .home, origin: "首页")
    }

    /// Page links for a list: the first, the last and two either side of the current page,
    /// with a gap (a link without href) where pages are left out.
    func pagination(_ listPage: ListPage) -> PaginationView? {
        chrome.pagination(current: listPage.number, total: listPage.totalPages, path: listPage.path(page:))
    }

    func list(_ listPage: ListPage) -> OutputFile {
        let suffix = listPage.number > 1 ? "（第\(listPage.number)页）" : ""
        switch listPage.owner {
        case .section(let section):
            let meta = meta(
                title: section.title + suffix, path: listPage.path, column: .section(section),
                columnDescription: section.columnDescription, columnType: "列表页", description: section.columnDescription,
                breadcrumb: [LinkView(title: section.title, href: nil)])
            let view = ListView(
                title: section.title, description: section.columnDescription,
                items: listPage.articles.map { item($0, summary: true) }, pagination: pagination(listPage))
            return page(
                listPage.path, template: .list, meta: meta, content: .list(view), column: .section(section),
                origin: "content/\(section.rawValue)/")
        case .tag(let name, _):
            let view = TagView(
                name: name, href: links.link(listPage.base), count: listPage.totalItems,
                items: listPage.articles.map { item($0, summary: false) }, pagination: pagination(listPage))
            let meta = meta(
                title: "标签：\(name)" + suffix, path: listPage.path, column: .tags, columnType: "列表页",
                breadcrumb: [
                    LinkView(title: "标签", href: links.link(Route.tags)), LinkView(title: name, href: nil),
                ])
            return page(listPage.path, template: .tag, meta: meta, content: .tag(view), column: nil, origin: "标签")
        }
    }

    func article(_ article: Article, newer: Article?, older: Article?) -> OutputFile {
        let section = article.section
        var view = chrome.articleView(article, newer: newer, older: older)
        if section == .notices { view.disclosure = disclosure(article) }
        let crumbs =
            section.isListed
            ? [LinkView(title: section.title, href: links.link(section.listPath)), LinkView(title: "正文", href: nil)]
            : [LinkView(title: article.title, href: nil)]
        var meta = meta(
            title: article.title, path: article.path,
            column: section.isListed ? .section(section) : .page(article.title),
            columnDescription: section.columnDescription, columnType: section.isListed ? "文章页" : "单页",
            description: article.summary, breadcrumb: crumbs)
        meta.article = view
        return page(
            article.path, template: section.isListed ? .article : .page, meta: meta, content: .article,
            column: section.isListed ? .section(section) : nil, origin: article.file)
    }

    /// A notice's 信息公开 block: its 索引号 counts the year's notices in date order.
    func disclosure(_ notice: Article) -> [FigureView] {
        let config = chrome.config
        return Disclosure.items(
            index: Disclosure.indexNumber(
                siteCode: config.footer.siteCode, kind: .notice, year: notice.date.day.year,
                sequence: noticePlaces[notice.path] ?? 1),
            issuer: config.issuer, signed: notice.date.day,
            docNo: notice.front.docNo, published: notice.date.day)
    }

    func tags() -> OutputFile {
        let views = index.tags.map { entry in
            TagView(
                name: entry.name, href: links.link(entry.path), count: entry.articles.count, items: [], pagination: nil)
        }
        let path = Route.tags
        let meta = meta(
            title: "标签", path: path, column: .tags, columnType: "列表页", breadcrumb: [LinkView(title: "标签", href: nil)])
        return page(path, template: .tags, meta: meta, content: .tags(views), column: nil, origin: "标签")
    }

    func notFound() -> OutputFile {
        let meta = meta(title: "页面不存在", path: SitePath("/404.html"), column: .notFound, columnType: "其他")
        return page(SitePath("/404.html"), template: .notFound, meta: meta, content: .none, column: nil, origin: "404")
    }
}

extension ListPage {
    /// Which list this page belongs to, for the render memo.
    var memoName: String {
        switch owner {
        case .section(let section): return "list:" + section.rawValue
        case .tag(let name, let slug): return "tag:" + name + "\t" + slug
        }
    }
}
