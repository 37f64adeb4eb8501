import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLedger
import QingshanMarkdown
import QingshanModel

/// Stage 1 and 2: reads a site folder (site.yaml, content/, static/) and validates it.
public struct SiteLoader: Sendable {
    public var siteRoot: String
    public var includeDrafts: Bool
    /// Articles kept from earlier builds (serve); nil parses every file.
    public var cache: ArticleCache?
    /// The site's files as serve's watcher just listed them (paths relative to the site);
    /// nil lists the folders again.
    public var listing: [String: FileTree.Stamp]?

    public init(
        siteRoot: String, includeDrafts: Bool = false, cache: ArticleCache? = nil,
        listing: [String: FileTree.Stamp]? = nil
    ) {
        self.siteRoot = siteRoot
        self.includeDrafts = includeDrafts
        self.cache = cache
        self.listing = listing
    }

    /// Folders of content/ that other parts of Qingshan read, not article sections.
    static let nonArticleFolders: Set<String> = ["data"]

    /// Loads everything; problems go to `diagnostics`. Nil when site.yaml is unusable.
    public func load(diagnostics: Diagnostics) -> SiteContent? {
        let fm = FileManager.default
        let configPath = siteRoot + "/" + SiteConfigLoader.file
        guard let configText = readText(configPath, relative: SiteConfigLoader.file, diagnostics: diagnostics) else {
            if !fm.fileExists(atPath: configPath) {
                diagnostics.error(
                    SourceLocation(file: SiteConfigLoader.file), "找不到 site.yaml：\(siteRoot) 不是 Qingshan 站点目录",
                    hint: "用 --site 指定站点目录，或运行 qingshan init DIR 新建站点")
            }
            return nil
        }
        let config = SiteConfigLoader.parse(configText, diagnostics: diagnostics)

        let sources = articleFiles(diagnostics: diagnostics)
        let renderer = MarkdownRenderer(
            allowRawHTML: config?.unsafeMarkdown ?? false, basePath: config?.links.basePath ?? "/")
        let root = siteRoot
        let cache = self.cache
        // The data files load beside the articles: the ledger's serial parts fill the cores'
        // gaps. (Diagnostics are sorted by place, so the order of the work does not show.)
        let data = Pending { [siteRoot] in
            (
                ledger: config.map { LedgerLoader(siteRoot: siteRoot, organization: $0.organization) }?
                    .load(diagnostics: diagnostics) ?? [],
                spotChecks: SpotCheckLoader(siteRoot: siteRoot).load(diagnostics: diagnostics),
                campaigns: config.map {
                    CampaignLoader(siteRoot: siteRoot, organization: $0.organization, renderer: renderer)
                }?
                .load(diagnostics: diagnostics) ?? [],
                monitoring: MonitoringLoader(siteRoot: siteRoot).load(diagnostics: diagnostics),
                ratings: RatingLoader(siteRoot: siteRoot).load(diagnostics: diagnostics)
            )
        }
        // Files the cache holds unchanged (by stamp) are not read again; the rest load on all cores.
        var loaded =
            cache?.unchanged(sources, renderer: renderer, diagnostics: diagnostics)
            ?? Array(repeating: nil, count: sources.count)
        let missing = loaded.indices.filter { loaded[$0] == nil }
        let read = Parallel.map(missing) { i in
            ArticleLoader.load(
                root: root, source: sources[i], renderer: renderer, diagnostics: diagnostics, cache: cache)
        }
        for (i, article) in zip(missing, read) { loaded[i] = .some(article) }
        cache?.keep(only: sources.map(\.relativePath))
        var articles = loaded.compactMap { $0 ?? nil }
        if !includeDrafts { articles.removeAll { $0.front.draft } }
        for note in articles where note.section == .bulletins && Month(iso: note.slug) == nil {
            diagnostics.error(
                SourceLocation(file: note.file), "月度通报的说明文件应命名为 YYYY-MM.md（例如 2023-05.md）",
                hint: "文件名就是通报的月份")
        }
        let (written, spotChecks, campaigns, monitoring, ratings) = data.wait()
        SpotCheckLoader.check(spotChecks, records: written, diagnostics: diagnostics)
        let ledger = SpotCheck.apply(spotChecks, to: written)
        let campaignIDs = Set(campaigns.map(\.id))
        for article in articles {
            if let campaign = article.front.campaign, !campaignIDs.contains(campaign) {
                diagnostics.warning(
                    SourceLocation(file: article.file), "campaign“\(campaign)”不是 content/data/campaigns.yaml 中的专项行动",
                    hint: campaigns.isEmpty ? nil : "可用：" + campaigns.map(\.id).joined(separator: "、"))
            }
        }

        let staticFiles = files(under: "static").keys.sorted().filter {
            !FileTree.leadsOutOfSite("static/" + $0, siteRoot: siteRoot, diagnostics: diagnostics)
        }
        let staticSet = Set(staticFiles)
        for article in articles {
            for attachment in article.front.attachments where !staticSet.contains(attachment.file) {
                diagnostics.error(
                    attachment.location ?? SourceLocation(file: article.file),
                    "附件“\(attachment.title)”的文件 static/\(attachment.file) 不存在", hint: "附件文件放在 static/ 下")
            }
        }
        guard let config else { return nil }
        return SiteContent(
            config: config, articles: articles, ledger: ledger, spotChecks: spotChecks, campaigns: campaigns,
            monitoring: monitoring, ratings: ratings, staticFiles: staticFiles, siteRoot: siteRoot)
    }

    /// Every Markdown file of the article sections, in a stable order.
    func articleFiles(diagnostics: Diagnostics) -> [ArticleLoader.Source] {
        let contentRoot = siteRoot + "/content"
        let fm = FileManager.default
        guard let folders = try? fm.contentsOfDirectory(atPath: contentRoot) else { return [] }
        var out: [ArticleLoader.Source] = []
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: contentRoot + "/" + folder, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                if folder.hasSuffix(".md") {
                    diagnostics.warning(
                        SourceLocation(file: "content/" + folder), "content/ 下的文件不属于任何栏目，已忽略",
                        hint: "放入 content/news/、content/pages/ 等栏目目录")
                }
                continue
            }
            guard let section = Section(rawValue: folder) else {
                if !Self.nonArticleFolders.contains(folder) {
                    diagnostics.warning(
                        SourceLocation(file: "content/" + folder), "未知栏目目录“\(folder)”，已忽略",
                        hint: "栏目：" + Section.allCases.map(\.rawValue).joined(separator: ", "))
                }
                continue
            }
            let files = files(under: "content/" + folder)
            for file in files.keys.sorted() where file.hasSuffix(".md") {
                out.append(
                    ArticleLoader.Source(
                        relativePath: "content/\(folder)/\(file)", section: section, stamp: files[file]))
            }
        }
        return out
    }

    /// Files below `folder` (relative to the site), relative to it; hidden files are skipped.
    func files(under folder: String) -> [String: FileTree.Stamp] {
        guard let listing else { return FileTree.files(under: siteRoot + "/" + folder) }
        let prefix = folder + "/"
        var out: [String: FileTree.Stamp] = [:]
        for (path, stamp) in listing where path.hasPrefix(prefix) { out[String(path.dropFirst(prefix.count))] = stamp }
        return out
    }

    func readText(_ path: String, relative: String, diagnostics: Diagnostics) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(.firstInvalidUTF8(in: data, file: relative), "文件不是 UTF-8 编码", hint: "请另存为 UTF-8")
            return nil
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}

/// Loads one article: read, split front matter, validate, render the body.
public enum ArticleLoader {
    public struct Source: Sendable {
        public var relativePath: String
        public var section: Section
        /// Size, modification time and inode when the folder was listed.
        public var stamp: FileTree.Stamp?
    }

    public static func load(
        root: String, source: Source, renderer: MarkdownRenderer, diagnostics: Diagnostics,
        cache: ArticleCache? = nil
    ) -> Article? {
        let file = source.relativePath
        guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
            diagnostics.error(SourceLocation(file: file), "无法读取文件")
            return nil
        }
        // The file stays bytes: checked as UTF-8 once here, then split and rendered as it is.
        guard data.withUnsafeBytes({ UTF8Validation.isValid($0.bindMemory(to: UInt8.self)) }) else {
            diagnostics.error(.firstInvalidUTF8(in: data, file: file), "文件不是 UTF-8 编码", hint: "请另存为 UTF-8")
            return nil
        }
        func parsed(_ diagnostics: Diagnostics) -> Article? {
            data.withUnsafeBytes { raw in
                parse(
                    utf8: raw.bindMemory(to: UInt8.self), file: file, section: source.section, renderer: renderer,
                    diagnostics: diagnostics)
            }
        }
        guard let cache else { return parsed(diagnostics) }
        return cache.article(
            file: file, data: data, stamp: source.stamp, section: source.section, renderer: renderer,
            diagnostics: diagnostics, parse: parsed)
    }

    /// The line of the file where a top-level front-matter key stands (the YAML starts on line 2).
    static func keyLine(_ key: String, in yaml: String) -> Int? {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(key + ":") }
            .map { $0 + 2 }
    }

    /// Builds an article from the text of a Markdown file.
    public static func parse(
        _ text: String, file: String, section: Section, renderer: MarkdownRenderer, diagnostics: Diagnostics
    ) -> Article? {
        var text = text
        return text.withUTF8 {
            parse(utf8: $0, file: file, section: section, renderer: renderer, diagnostics: diagnostics)
        }
    }

    /// Builds an article from the UTF-8 of a Markdown file (well-formed: `load` checked it).
    public static func parse(
        utf8 source: UnsafeBufferPointer<UInt8>, file: String, section: Section, renderer: MarkdownRenderer,
        diagnostics: Diagnostics
    ) -> Article? {
        // Files saved on Windows use CRLF; lines and columns are the same either way.
        guard ByteSearch.contains(0x0D, in: source) else {
            return parseLF(source, file: file, section: section, renderer: renderer, diagnostics: diagnostics)
        }
        return withoutCR(source).withUnsafeBufferPointer {
            parseLF($0, file: file, section: section, renderer: renderer, diagnostics: diagnostics)
        }
    }

    /// The bytes with every CR LF made LF (a CR elsewhere stays).
    static func withoutCR(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() where !(b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
            out.append(b)
        }
        return out
    }

    /// `parse` of a file whose line ends are LF.
    private static func parseLF(
        _ source: UnsafeBufferPointer<UInt8>, file: String, section: Section, renderer: MarkdownRenderer,
        diagnostics: Diagnostics
    ) -> Article? {
        guard let split = FrontMatterParser.split(utf8: source, file: file, diagnostics: diagnostics),
            let front = FrontMatterParser.parse(split.yaml, file: file, diagnostics: diagnostics)
        else { return nil }
        let body = UnsafeBufferPointer(rebasing: source[split.body])
        let parts = file.split(separator: "/").map(String.init)
        let fileName = parts.last ?? ""
        var slug = front.slug ?? Slug.fromFileName(fileName)
        if section == .envday {
            // content/envday/YYYY/index.md is the year; other files are its materials.
            guard parts.count == 4, let year = Int(parts[2]), (2000...2100).contains(year) else {
                diagnostics.error(
                    SourceLocation(file: file), "六五环境日的文件应放在 content/envday/YYYY/ 下",
                    hint: "例如 content/envday/2023/index.md")
                return nil
            }
            if fileName == "index.md" {
                slug = parts[2]
            } else {
                guard Slug.isValidSegment(slug) else {
                    diagnostics.error(SourceLocation(file: file), "网址片段“\(slug)”不可用")
                    return nil
                }
                slug = parts[2] + "/" + slug
            }
        } else if !Slug.isValidSegment(slug) {
            let origin = front.slug == nil ? "由文件名得到的网址片段" : "slug"
            diagnostics.error(
                SourceLocation(file: file, line: front.slug == nil ? nil : Self.keyLine("slug", in: split.yaml)),
                "\(origin)“\(slug)”不可用",
                hint: "网址片段不要含空格、/、#、?、%，不以 .html 结尾，不超过 \(Slug.maxSegmentBytes) 字节")
            return nil
        }
        if let problem = MarkdownLimits.check(body) {
            diagnostics.error(
                SourceLocation(file: file, line: split.bodyLine + problem.line - 1), problem.message,
                hint: "拆开过长的段落或表格；检查是否粘贴了大量未配对的 [ ]、| 或分隔行")
            return nil
        }
        let rendered = renderer.render(utf8: body)
        for blocked in rendered.blockedLinks {
            diagnostics.warning(
                SourceLocation(file: file, line: split.bodyLine + blocked.line - 1),
                "链接目标“\(blocked.target)”可能执行脚本或打开文档，未作为链接发布",
                hint: "站外链接请用 http:// 或 https://；确需原样发布时在 site.yaml 中设置 markdown.unsafe: true")
        }
        for figure in rendered.figuresInTargets {
            diagnostics.error(
                SourceLocation(file: file, line: split.bodyLine + figure.line - 1, column: figure.column),
                "链接地址中不能引用数字“\(figure.written)”", hint: "把数字写在链接文字中，或写作 \\{{ 原样显示")
        }
        let summary = front.summary ?? ChineseText.summary(of: rendered.paragraphText)
        let measure = ChineseText.measure(utf8: rendered.plainText)
        let figures = rendered.figures.map { figure in
            var placed = figure
            placed.line = split.bodyLine + figure.line - 1
            return placed
        }
        return Article(
            file: file, section: section, slug: slug, front: front, html: rendered.html,
            plainText: rendered.plainText, summary: summary,
            readingMinutes: measure.readingMinutes, characterCount: measure.characters,
            internalLinks: rendered.internalLinks, figures: figures,
            summarySource: figures.isEmpty || front.summary != nil ? nil : rendered.paragraphText)
    }
}
