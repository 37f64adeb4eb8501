import QingshanCore
import QingshanModel

/// One page of a section list.
public struct ListPage: Sendable {
    public let section: Section
    public let number: Int
    public let totalPages: Int
    public let articles: [Article]

    public var path: SitePath { section.listPath(page: number) }
    public var previous: SitePath? { number > 1 ? section.listPath(page: number - 1) : nil }
    public var next: SitePath? { number < totalPages ? section.listPath(page: number + 1) : nil }
}

/// A tag and the articles that carry it, newest first.
public struct TagEntry: Sendable {
    public let name: String
    public let slug: String
    public let articles: [Article]

    public var path: SitePath { SitePath.folder("tags", slug) }
}

/// Stage 3 for articles: what the site is made of once the content is known — section
/// lists, pagination, tags — and the URL checks that need every article at once.
public struct SiteIndex: Sendable {
    public static let pageSize = 20

    public let asOf: Day
    /// Published articles, newest first (ties broken by path so output is stable).
    public let articles: [Article]
    public let bySection: [Section: [Article]]
    public let listPages: [ListPage]
    public let tags: [TagEntry]

    /// URL segments the generator itself uses at the root; a single page may not take them.
    public static let reservedRootSegments: Set<String> = [
        "news", "notices", "science", "press", "tags", "search", "data", "ledger", "campaigns", "bulletins",
        "dynamics", "envday", "assets", "dispatch", "meetings", "supervision", "spotcheck", "feed.xml",
        "sitemap.xml", "robots.txt", "404.html", "search-index.json", "page",
    ]

    public init(content: SiteContent, asOf: Day, diagnostics: Diagnostics) {
        self.asOf = asOf
        var published: [Article] = []
        for article in content.articles {
            if article.date.day > asOf {
                diagnostics.warning(
                    SourceLocation(file: article.file),
                    "发布日期 \(article.date.day.iso) 晚于截至日期 \(asOf.iso)，本次不发布",
                    hint: "用 --as-of 指定更晚的日期可以预览")
                continue
            }
            published.append(article)
        }
        Self.checkURLs(published, diagnostics: diagnostics)
        published.sort(by: Self.newestFirst)
        articles = published

        var bySection: [Section: [Article]] = [:]
        for article in published { bySection[article.section, default: []].append(article) }
        self.bySection = bySection

        var pages: [ListPage] = []
        for section in Section.allCases where section.isListed {
            let items = bySection[section] ?? []
            let total = max(1, (items.count + Self.pageSize - 1) / Self.pageSize)
            for number in 1...total {
                let start = (number - 1) * Self.pageSize
                let slice = Array(items[start..<min(items.count, start + Self.pageSize)])
                pages.append(ListPage(section: section, number: number, totalPages: total, articles: slice))
            }
        }
        listPages = pages

        var tagged: [String: (name: String, articles: [Article])] = [:]
        for article in published where article.section != .pages {
            for tag in article.front.tags {
                let slug = Self.tagSlug(tag)
                tagged[slug, default: (tag, [])].articles.append(article)
            }
        }
        tags = tagged.map { TagEntry(name: $0.value.name, slug: $0.key, articles: $0.value.articles) }
            .sorted { a, b in
                a.articles.count != b.articles.count ? a.articles.count > b.articles.count : a.slug < b.slug
            }
    }

    public static func tagSlug(_ tag: String) -> String {
        let slug = Slug.make(tag)
        return slug.isEmpty ? "tag" : slug
    }

    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        if a.date != b.date { return a.date > b.date }
        return a.path < b.path
    }

    /// Two articles with one URL, or a single page on a URL the generator uses, are errors.
    static func checkURLs(_ articles: [Article], diagnostics: Diagnostics) {
        var byPath: [SitePath: [Article]] = [:]
        for article in articles { byPath[article.path, default: []].append(article) }
        for (path, owners) in byPath where owners.count > 1 {
            let files = owners.map(\.file).sorted()
            for file in files {
                let others = files.filter { $0 != file }.joined(separator: "、")
                diagnostics.error(
                    SourceLocation(file: file), "网址 \(path) 与 \(others) 重复",
                    hint: "在其中一篇的元数据中写不同的 slug")
            }
        }
        for article in articles where article.section == .pages {
            if reservedRootSegments.contains(article.slug) {
                diagnostics.error(
                    SourceLocation(file: article.file), "单页网址 /\(article.slug)/ 与系统栏目冲突",
                    hint: "换一个 slug")
            }
        }
    }

    /// The latest articles of a section, for the home page.
    public func latest(_ section: Section, count: Int) -> [Article] {
        Array((bySection[section] ?? []).prefix(count))
    }
}
