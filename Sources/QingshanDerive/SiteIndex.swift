import QingshanCore
import QingshanModel

/// One page of a paginated list: a section (`/news/page/2/`) or a tag (`/tags/满意环保/page/2/`).
public struct ListPage: Sendable {
    public enum Owner: Sendable {
        case section(Section)
        case tag(name: String, slug: String)
    }

    public let owner: Owner
    public let number: Int
    public let totalPages: Int
    /// Articles on all pages of this list together.
    public let totalItems: Int
    public let articles: [Article]

    /// The first page's path; later pages add `page/N/`.
    public var base: SitePath {
        switch owner {
        case .section(let section): return section.listPath
        case .tag(_, let slug): return Route.tag(slug)
        }
    }

    public func path(page: Int) -> SitePath {
        page <= 1 ? base : SitePath(base.value + "page/\(page)/")
    }

    public var path: SitePath { path(page: number) }
    public var previous: SitePath? { number > 1 ? path(page: number - 1) : nil }
    public var next: SitePath? { number < totalPages ? path(page: number + 1) : nil }

    /// Splits `items` into pages of `SiteIndex.pageSize` (one empty page when there are none).
    static func paginate(_ items: [Article], owner: Owner) -> [ListPage] {
        let total = max(1, (items.count + SiteIndex.pageSize - 1) / SiteIndex.pageSize)
        return (1...total).map { number in
            let start = (number - 1) * SiteIndex.pageSize
            let slice = Array(items[start..<min(items.count, start + SiteIndex.pageSize)])
            return ListPage(owner: owner, number: number, totalPages: total, totalItems: items.count, articles: slice)
        }
    }
}

/// A tag and the articles that carry it, newest first.
public struct TagEntry: Sendable {
    public let name: String
    public let slug: String
    public let articles: [Article]

    public var path: SitePath { Route.tag(slug) }
}

/// Stage 3 for articles: what the site is made of once the content is known — section
/// lists, pagination, tags — and the URL checks that need every article at once.
public struct SiteIndex: Sendable {
    public static let pageSize = 20

    public let asOf: Day
    /// Published articles, newest first (ties broken by path so output is stable).
    public let articles: [Article]
    public let bySection: [Section: [Article]]
    /// Section lists, page by page.
    public let listPages: [ListPage]
    public let tags: [TagEntry]
    /// Tag lists, page by page.
    public let tagPages: [ListPage]

    /// URL segments the generator itself uses at the root; a single page may not take them.
    public static let reservedRootSegments: Set<String> = [
        "news", "notices", "science", "press", "tags", "search", "data", "ledger", "campaigns", "bulletins",
        "dynamics", "envday", "assets", "dispatch", "meetings", "supervision", "spotcheck", "ratings", "feed.xml",
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
        articles = Self.sortedNewestFirst(published)
        published = articles

        var bySection: [Section: [Article]] = [:]
        for article in published { bySection[article.section, default: []].append(article) }
        self.bySection = bySection

        listPages = Section.allCases.filter(\.isListed).flatMap { section in
            ListPage.paginate(bySection[section] ?? [], owner: .section(section))
        }

        tags = Self.tagEntries(published) { kept, merged, article in
            diagnostics.warning(
                SourceLocation(file: article.file),
                "标签“\(merged)”与“\(kept)”的网址相同（/tags/\(Self.tagSlug(kept))/），两者合并为一个标签页“\(kept)”",
                hint: "统一标签的写法；确是不同的标签时换一个写法（网址只保留字母、数字和汉字，不分大小写）")
        }
        tagPages = tags.flatMap { ListPage.paginate($0.articles, owner: .tag(name: $0.name, slug: $0.slug)) }
    }

    /// Tags with their articles (in the order given), most used first. Tags are told apart by
    /// their bytes first (hashing a Chinese String normalizes it, which costs more than the
    /// rest of the index); spellings that share a slug are then merged into one tag.
    /// `merging` hears of each spelling merged into another (with the first article using it).
    static func tagEntries(
        _ articles: [Article], merging: (_ kept: String, _ merged: String, _ article: Article) -> Void = { _, _, _ in }
    ) -> [TagEntry] {
        var ids: [TagBytes: Int] = [:]
        var groups: [(name: String, articles: [Article])] = []
        for article in articles where article.section.isListed {
            for tag in article.front.tags {
                let key = TagBytes(tag)
                if let id = ids[key] {
                    groups[id].articles.append(article)
                } else {
                    ids[key] = groups.count
                    groups.append((tag, [article]))
                }
            }
        }
        var bySlug: [String: Int] = [:]
        var merged: [(name: String, slug: String, articles: [Article])] = []
        for group in groups {
            let slug = tagSlug(group.name)
            if let at = bySlug[slug] {
                if let first = group.articles.first { merging(merged[at].name, group.name, first) }
                merged[at].articles = (merged[at].articles + group.articles).sorted(by: newestFirst)
            } else {
                bySlug[slug] = merged.count
                merged.append((group.name, slug, group.articles))
            }
        }
        return merged.map { TagEntry(name: $0.name, slug: $0.slug, articles: $0.articles) }
            .sorted { a, b in
                a.articles.count != b.articles.count ? a.articles.count > b.articles.count : a.slug < b.slug
            }
    }

    /// A tag as its UTF-8 bytes, for hashing without Unicode normalization.
    struct TagBytes: Hashable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (a: TagBytes, b: TagBytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// `newestFirst` over indices and precomputed keys: sorting the articles themselves
    /// retains and releases each one at every move.
    static func sortedNewestFirst(_ articles: [Article]) -> [Article] {
        let keys = articles.map { (date: $0.date, minutes: $0.date.absoluteMinutes, path: $0.path) }
        let order = articles.indices.sorted { i, j in
            keys[i].date != keys[j].date ? keys[i].minutes > keys[j].minutes : keys[i].path < keys[j].path
        }
        return order.map { articles[$0] }
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
        var first: [SitePath: Int] = [:]
        var byPath: [SitePath: [Article]] = [:]
        for (i, article) in articles.enumerated() {
            if let earlier = first[article.path] {
                byPath[article.path, default: [articles[earlier]]].append(article)
            } else {
                first[article.path] = i
            }
        }
        for (path, owners) in byPath {
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
