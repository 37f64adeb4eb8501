import QingshanCore

/// The article page of the built-in theme (`base` + `partials/meta` + `article`), written
/// directly: an article page is a quarter of a 10,000-page build's Mustache time, every
/// `{{tag}}` being a walk up the context stack with dynamic casts. It is used only while the
/// site overrides none of those three templates, and `BuiltInPageTests` builds every fixture
/// site both ways and compares the trees byte for byte, so a change to the templates that is
/// not made here too fails the tests.
enum BuiltInArticlePage {
    /// The templates this page stands for.
    static let templates = ["base", "partials/meta", "article"]

    /// The page, or nil when it needs what only the templates do (internal edition, a print
    /// layout, the search script, a page without an article).
    static func render(_ view: PageView) -> String? {
        let meta = view.meta
        guard let article = meta.article, !meta.isInternal, meta.printLayout == nil, !meta.isSearch else {
            return nil
        }
        let site = view.site
        let e = HTMLEscape.escape
        var out = ""
        out.reserveCapacity(article.html.utf8.count + 6_000)
        out += "<!DOCTYPE html>\n<html lang=\"" + e(site.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + e(meta.documentTitle) + "</title>\n\n"
        // partials/meta
        out += "<meta name=\"description\" content=\"" + e(meta.description) + "\">\n"
        out += "<meta name=\"SiteName\" content=\"" + e(site.title) + "\">\n"
        out += "<meta name=\"SiteDomain\" content=\"" + e(site.domain) + "\">\n"
        out += "<meta name=\"SiteIDCode\" content=\"" + e(site.footer.siteCode) + "\">\n"
        out += "<meta name=\"ColumnName\" content=\"" + e(meta.columnName) + "\">\n"
        out += "<meta name=\"ColumnDescription\" content=\"" + e(meta.columnDescription) + "\">\n"
        out += "<meta name=\"ColumnKeywords\" content=\"" + e(meta.columnName) + "\">\n"
        out += "<meta name=\"ColumnType\" content=\"" + e(meta.columnType) + "\">\n"
        out += "<meta name=\"ArticleTitle\" content=\"" + e(article.title) + "\">\n"
        out += "<meta name=\"PubDate\" content=\"" + article.date.display + "\">\n"
        out += "<meta name=\"ContentSource\" content=\"" + e(article.contentSource) + "\">\n"
        out += "<meta name=\"Keywords\" content=\"" + e(article.keywords) + "\">\n"
        out += "<meta name=\"Description\" content=\"" + e(article.summary) + "\">\n"
        out += "<meta name=\"Url\" content=\"" + e(article.url) + "\">\n"
        out += "<link rel=\"canonical\" href=\"" + e(meta.canonical) + "\">\n"
        // base, continued
        out += "<link rel=\"icon\" href=\"" + e(site.favicon) + "\" type=\"image/svg+xml\">\n"
        out += "<link rel=\"stylesheet\" href=\"" + e(site.stylesheet) + "\">\n"
        out +=
            "<script>try{if(localStorage.getItem(\"qingshan-large\")===\"1\")"
            + "document.documentElement.classList.add(\"large\")}catch(e){}</script>\n"
        out +=
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + e(site.title) + "\" href=\""
            + e(site.feed) + "\">\n"
        out += "<script src=\"" + e(site.script) + "\" defer></script>\n\n</head>\n<body>\n"
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
        out += "</article>\n\n</main>\n" + view.footerHTML + "</body>\n</html>\n"
        return out
    }
}
