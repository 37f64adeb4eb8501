import QingshanCore

/// The most numerous pages of the built-in theme — articles, section lists and tag lists —
/// and the longest (the monthly dynamics, listing a month's articles, are reports) written
/// directly: they are most of a 10,000-page build's Mustache time, every `{{tag}}`
/// being a walk up the context stack with dynamic casts. A kind of page is written here only
/// while the site overrides none of the templates it stands for, and `BuiltInPageTests`
/// builds every fixture site and the sample portal both ways and compares the trees byte for
/// byte, so a change to those templates that is not made here too fails the tests.
enum BuiltInPages {
    /// The templates each kind of page stands for.
    static let articleTemplates = ["base", "partials/meta", "article"]
    static let listTemplates = ["base", "partials/meta", "list", "partials/item", "partials/pagination"]
    static let tagTemplates = ["base", "partials/meta", "tag", "partials/item", "partials/pagination"]
    static let factSheetTemplates = ["base", "partials/meta", "factsheet"]
    static let reportTemplates = ["base", "partials/meta", "report", "partials/item", "partials/table"]

    /// Whether `base` needs what only the template does (the internal edition, the search
    /// script).
    static func plain(_ meta: PageMeta) -> Bool {
        !meta.isInternal && !meta.isSearch
    }

    static let e = HTMLEscape.escape

    /// `base` up to and including the breadcrumb, with `partials/meta`.
    static func head(_ view: PageView, into out: inout String) {
        let meta = view.meta
        let site = view.site
        out += "<!DOCTYPE html>\n<html lang=\"" + e(site.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + e(meta.documentTitle) + "</title>\n\n"
        out += "<meta name=\"description\" content=\"" + e(meta.description) + "\">\n"
        out += "<meta name=\"SiteName\" content=\"" + e(site.title) + "\">\n"
        out += "<meta name=\"SiteDomain\" content=\"" + e(site.domain) + "\">\n"
        out += "<meta name=\"SiteIDCode\" content=\"" + e(site.footer.siteCode) + "\">\n"
        out += "<meta name=\"ColumnName\" content=\"" + e(meta.columnName) + "\">\n"
        out += "<meta name=\"ColumnDescription\" content=\"" + e(meta.columnDescription) + "\">\n"
        out += "<meta name=\"ColumnKeywords\" content=\"" + e(meta.columnName) + "\">\n"
        out += "<meta name=\"ColumnType\" content=\"" + e(meta.columnType) + "\">\n"
        if let article = meta.article {
            out += "<meta name=\"ArticleTitle\" content=\"" + e(article.title) + "\">\n"
            out += "<meta name=\"PubDate\" content=\"" + article.date.display + "\">\n"
            out += "<meta name=\"ContentSource\" content=\"" + e(article.contentSource) + "\">\n"
            out += "<meta name=\"Keywords\" content=\"" + e(article.keywords) + "\">\n"
            out += "<meta name=\"Description\" content=\"" + e(article.summary) + "\">\n"
            out += "<meta name=\"Url\" content=\"" + e(article.url) + "\">\n"
        }
        out += "<link rel=\"canonical\" href=\"" + e(meta.canonical) + "\">\n"
        out += "<link rel=\"icon\" href=\"" + e(site.favicon) + "\" type=\"image/svg+xml\">\n"
        out += "<link rel=\"stylesheet\" href=\"" + e(site.stylesheet) + "\">\n"
        out +=
            "<script>try{if(localStorage.getItem(\"qingshan-large\")===\"1\")"
            + "document.documentElement.classList.add(\"large\")}catch(e){}</script>\n"
        out +=
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + e(site.title) + "\" href=\""
            + e(site.feed) + "\">\n"
        out += "<script src=\"" + e(site.script) + "\" defer></script>\n\n</head>\n<body"
        if let layout = meta.printLayout { out += " class=\"print-" + layout + "\"" }
        out += ">\n"
        out += "<a class=\"skip-link\" href=\"#main\">跳到正文</a>\n\n"
        out += view.headerHTML + "<main id=\"main\" class=\"container\">\n"
        if !meta.breadcrumb.isEmpty {
            out += "<nav class=\"breadcrumb\" aria-label=\"当前位置\">\n<ol>"
            for crumb in meta.breadcrumb {
                out += "<li>"
                if let href = crumb.href {
                    out += "<a href=\"" + e(href) + "\">" + e(crumb.title) + "</a>"
                } else {
                    out += "<span aria-current=\"page\">" + e(crumb.title) + "</span>"
                }
                out += "</li>"
            }
            out += "</ol>\n</nav>\n"
        }
    }

    /// The rest of `base` after the main block.
    static func foot(_ view: PageView, into out: inout String) {
        out += "\n</main>\n" + view.footerHTML + "</body>\n</html>\n"
    }

    /// `partials/item`.
    static func item(_ item: ItemView, into out: inout String) {
        out +=
            "<li class=\"item\">\n<a href=\"" + e(item.href) + "\">" + e(item.title) + "</a>\n<time datetime=\""
            + item.date.iso + "\">" + item.date.chinese + "</time>\n"
        if item.showSummary && !item.summary.isEmpty {
            out += "<p class=\"item-summary\">" + e(item.summary) + "</p>"
        }
        out += "\n</li>\n"
    }

    /// `<ul class="item-list">` with `partials/item` for each entry.
    static func items(_ items: [ItemView], into out: inout String) {
        out += "<ul class=\"item-list\">"
        for entry in items { item(entry, into: &out) }
        out += "</ul>"
    }

    /// The end of a list or tag page: the pagination line, then `base` after the main block.
    static func listFoot(_ view: PageView, _ pagination: PaginationView?, into out: inout String) {
        self.pagination(pagination, into: &out)
        out += "\n"
        foot(view, into: &out)
    }

    /// `partials/pagination` (nothing for a single page). Included in the middle of a line, its
    /// first tag is not alone on its line, so the newline after it stays.
    static func pagination(_ pagination: PaginationView?, into out: inout String) {
        guard let pagination else { return }
        out += "\n<nav class=\"pagination\" aria-label=\"分页\">\n<ul>\n"
        if let previous = pagination.previous {
            out += "<li><a href=\"" + e(previous) + "\" rel=\"prev\">上一页</a></li>"
        }
        out += "\n"
        for page in pagination.pages {
            out += "<li>"
            if page.current {
                out += "<span aria-current=\"page\">" + e(page.title) + "</span>"
            } else if let href = page.href {
                out += "<a href=\"" + e(href) + "\">" + e(page.title) + "</a>"
            } else {
                out += "<span class=\"gap\">" + e(page.title) + "</span>"
            }
            out += "</li>"
        }
        out += "\n"
        if let next = pagination.next { out += "<li><a href=\"" + e(next) + "\" rel=\"next\">下一页</a></li>" }
        out +=
            "\n</ul>\n<p class=\"pagination-status\">第 " + String(pagination.number) + " 页，共 "
            + String(pagination.total) + " 页</p>\n</nav>\n"
    }

    /// A section list (`list`).
    static func list(_ view: PageView, _ list: ListView) -> String? {
        guard plain(view.meta) else { return nil }
        var out = ""
        head(view, into: &out)
        out += "<h1>" + e(list.title) + "</h1>\n"
        if !list.description.isEmpty { out += "<p class=\"lead\">" + e(list.description) + "</p>" }
        out += "\n"
        if !list.items.isEmpty { items(list.items, into: &out) }
        out += "\n"
        if list.items.isEmpty { out += "<p class=\"empty\">本栏目暂无内容。</p>" }
        out += "\n"
        listFoot(view, list.pagination, into: &out)
        return out
    }

    /// A tag's list (`tag`).
    static func tag(_ view: PageView, _ tag: TagView) -> String? {
        guard plain(view.meta) else { return nil }
        var out = ""
        head(view, into: &out)
        out +=
            "<h1>标签：" + e(tag.name) + "</h1>\n<p class=\"as-of\">共 " + String(tag.count)
            + " 篇，信息截至 <time datetime=\"" + view.meta.asOf.iso + "\">" + view.meta.asOf.chinese + "</time></p>\n"
        items(tag.items, into: &out)
        out += "\n"
        listFoot(view, tag.pagination, into: &out)
        return out
    }

    /// A press-conference fact sheet (`factsheet`) without data panels (nil with panels: the
    /// template draws those).
    static func factSheet(_ view: PageView, _ sheet: FactSheetView) -> String? {
        guard plain(view.meta), sheet.panels.isEmpty else { return nil }
        var out = ""
        out.reserveCapacity(sheet.html.utf8.count + 6_000)
        head(view, into: &out)
        out +=
            "<article class=\"gongwen factsheet\">\n<header class=\"gongwen-head\">\n<p class=\"gongwen-issuer\">"
            + e(sheet.issuer) + "</p>\n"
        if let docNo = sheet.docNo { out += "<p class=\"gongwen-docno\">" + e(docNo) + "</p>" }
        out += "\n<hr class=\"gongwen-rule\">\n<h1 class=\"gongwen-title\">" + e(sheet.title) + "</h1>\n"
        out +=
            "<p class=\"factsheet-meta\">发布日期：<time datetime=\"" + sheet.date.iso + "\">" + sheet.date.chinese
            + "</time>　数据截至：<time datetime=\"" + sheet.asOf.iso + "\">" + sheet.asOf.chinese + "</time></p>\n"
        out +=
            "</header>\n<div class=\"gongwen-body\">\n" + sheet.html + "\n</div>\n<footer class=\"gongwen-sign\">\n<p>"
            + e(sheet.issuer) + "</p>\n<p><time datetime=\"" + sheet.date.iso + "\">" + sheet.date.chinese
            + "</time></p>\n</footer>\n</article>\n"
        foot(view, into: &out)
        return out
    }

    /// An article (`article`), or nil for a page without one.
    static func article(_ view: PageView) -> String? {
        let meta = view.meta
        guard let article = meta.article, plain(meta) else { return nil }
        var out = ""
        out.reserveCapacity(article.html.utf8.count + 6_000)
        head(view, into: &out)
        // article
        out += "<article class=\"article\">\n<header class=\"article-header\">\n<h1>" + e(article.title) + "</h1>\n"
        if let docNo = article.docNo { out += "<p class=\"doc-no\">" + e(docNo) + "</p>" }
        out +=
            "\n<p class=\"article-meta\">\n<span>发布日期：<time datetime=\"" + article.date.day.iso + "\">"
            + article.date.day.chinese + "</time></span>\n"
        if let source = article.source { out += "<span>来源：" + e(source) + "</span>" }
        out += "\n<span>阅读约 " + String(article.readingMinutes) + " 分钟</span>\n</p>\n</header>\n"
        out += "<div class=\"article-body\">\n" + article.html + "\n</div>\n"
        if !article.attachments.isEmpty {
            out += "<section class=\"attachments\" aria-labelledby=\"attachments-title\">\n"
            out += "<h2 id=\"attachments-title\">附件</h2>\n<ol>"
            for attachment in article.attachments {
                out += "<li><a href=\"" + (attachment.href.map(e) ?? "") + "\">" + e(attachment.title) + "</a></li>"
            }
            out += "</ol>\n</section>\n"
        }
        if !article.tags.isEmpty {
            out += "<p class=\"tags\">标签："
            for tag in article.tags { out += "<a href=\"" + e(tag.href) + "\">" + e(tag.name) + "</a>" }
            out += "</p>\n"
        }
        if article.newer != nil || article.older != nil {
            out += "<nav class=\"neighbours\" aria-label=\"相邻文章\">\n"
            if let newer = article.newer {
                out += "<p>上一篇：<a href=\"" + e(newer.href) + "\">" + e(newer.title) + "</a></p>"
            }
            out += "\n"
            if let older = article.older {
                out += "<p>下一篇：<a href=\"" + e(older.href) + "\">" + e(older.title) + "</a></p>"
            }
            out += "\n</nav>\n"
        }
        out += "</article>\n"
        foot(view, into: &out)
        return out
    }

    /// A report (`report`): the monthly dynamics, bulletins, Environment Day. Nil when a value
    /// the template would show as `false` (a link without a target, an empty note) is there.
    static func report(_ view: PageView, _ report: ReportView) -> String? {
        guard plain(view.meta), !report.links.contains(where: { $0.href == nil }),
            !report.parts.contains(where: { $0.more.map { $0.href == nil } ?? false }),
            !(report.figures + report.parts.flatMap(\.figures)).contains(where: { $0.note?.isEmpty == true })
        else { return nil }
        var out = ""
        head(view, into: &out)
        out +=
            "<h1>" + e(report.title) + "</h1>\n<p class=\"as-of\">截至 <time datetime=\"" + report.asOf.iso + "\">"
            + report.asOf.chinese + "</time></p>\n"
        for line in report.intro { out += "<p>" + e(line) + "</p>\n" }
        if !report.links.isEmpty {
            out += "<ul class=\"report-links\">"
            for link in report.links {
                out += "<li><a href=\"" + e(link.href ?? "") + "\">" + e(link.title) + "</a></li>"
            }
            out += "</ul>"
        }
        out += "\n"
        figures(report.figures, into: &out)
        for part in report.parts {
            out += "<section class=\"report-part\">\n<h2>" + e(part.heading) + "</h2>\n"
            for paragraph in part.paragraphs { out += "<p>" + e(paragraph) + "</p>\n" }
            figures(part.figures, into: &out)
            if !part.bullets.isEmpty {
                out += "<ul>"
                for bullet in part.bullets { out += "<li>" + e(bullet) + "</li>" }
                out += "</ul>"
            }
            out += "\n"
            if !part.items.isEmpty { items(part.items, into: &out) }
            out += "\n"
            for chart in part.charts {
                out +=
                    "<figure class=\"chart-box\"><figcaption>" + e(chart.title) + "</figcaption>" + chart.svg
                    + "</figure>\n"
            }
            for table in part.tables { self.table(table, into: &out) }
            out += "\n"
            if let more = part.more {
                out += "<p class=\"more\"><a href=\"" + e(more.href ?? "") + "\">" + e(more.title) + "</a></p>"
            }
            out += "\n</section>\n"
        }
        foot(view, into: &out)
        return out
    }

    /// The figures block of `report` (`<dl class="figures">`, nothing without figures), and the
    /// line end after it.
    static func figures(_ figures: [FigureView], into out: inout String) {
        if !figures.isEmpty {
            out += "<dl class=\"figures\">\n"
            for figure in figures {
                out += "<div class=\"figure\"><dt>" + e(figure.label) + "</dt><dd>" + e(figure.value)
                if let note = figure.note { out += "<span class=\"figure-note\">" + e(note) + "</span>" }
                out += "</dd></div>\n"
            }
            out += "</dl>"
        }
        out += "\n"
    }

    /// `partials/table`.
    static func table(_ table: TableView, into out: inout String) {
        out +=
            "<div class=\"table-scroll\" role=\"region\" aria-label=\"" + e(table.caption)
            + "\" tabindex=\"0\">\n<table>\n<caption>" + e(table.caption) + "</caption>\n<thead><tr>"
        for cell in table.head { out += "<th scope=\"col\">" + e(cell) + "</th>" }
        out += "</tr></thead>\n<tbody>\n" + table.rowsHTML + "</tbody>\n</table>\n</div>\n"
    }
}
