import Foundation
import QingshanCore
import QingshanDerive
import QingshanLoad
import QingshanModel
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
        let loader = SiteLoader(siteRoot: options.siteRoot, includeDrafts: options.includeDrafts)
        let content = loader.load(diagnostics: diagnostics)
        let theme = Theme.load(siteRoot: options.siteRoot, diagnostics: diagnostics)
        clock.lap("load")
        guard let content, let theme, !diagnostics.hasErrors else { return nil }

        progress?("整理栏目")
        let asOf = options.asOf ?? content.config.asOf ?? Day.today()
        let index = SiteIndex(content: content, asOf: asOf, diagnostics: diagnostics)
        clock.lap("derive")
        guard !diagnostics.hasErrors else { return nil }

        progress?("生成页面")
        let renderer = PageRenderer(config: content.config, index: index, theme: theme)
        var files = renderer.renderAll()
        let pageCount = files.count
        files.append(Feeds.atom(config: content.config, index: index))
        files.append(Feeds.sitemap(config: content.config, paths: sitemapEntries(index)))
        files.append(Feeds.robots(config: content.config))
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, data: data, origin: "templates/assets/" + path))
        }
        clock.lap("render")

        let copies = staticCopies(content: content, generated: files, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        checkInternalLinks(
            index.articles, outputs: Set(files.map(\.path) + copies.map(\.path)), diagnostics: diagnostics)

        if write {
            progress?("写入 \(outputDir)")
            do {
                try OutputWriter(outputDir: outputDir).write(files: files, copies: copies)
            } catch {
                diagnostics.error(SourceLocation(file: outputDir), "\(error)")
                return nil
            }
            clock.lap("write")
        }
        return BuildReport(
            outputDir: outputDir, asOf: asOf, pages: pageCount, files: files.count + copies.count,
            articles: content.articles.count, dataRecords: 0, seconds: clock.total, stages: clock.laps)
    }

    /// Every page path with the day it last changed.
    func sitemapEntries(_ index: SiteIndex) -> [(SitePath, Day?)] {
        var entries: [(SitePath, Day?)] = [(SitePath("/"), index.articles.first?.date.day)]
        entries += index.articles.map { ($0.path, $0.date.day) }
        entries += (index.listPages + index.tagPages).map { ($0.path, $0.articles.first?.date.day) }
        entries.append((SitePath.folder("tags"), nil))
        return entries
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

/// Where an output folder may go: never onto or above the site, never into its sources,
/// and the internal edition never into the public output folder.
enum OutputPlacement {
    static func problem(output: String, site: String, edition: Edition) -> String? {
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: site).standardizedFileURL.resolvingSymlinksInPath().path
        if out == root || root.hasPrefix(out + "/") || out == "/" {
            return "输出目录 \(output) 是站点目录或其上级，构建会覆盖源文件"
        }
        for folder in ["content", "templates", "static", "Sources", "Tests"]
        where out == root + "/" + folder
            || out.hasPrefix(root + "/" + folder + "/")
        {
            return "输出目录 \(output) 位于站点的 \(folder)/ 中"
        }
        if edition == .internal, out == root + "/public" || out.hasPrefix(root + "/public/") {
            return "内部版不能写入公开版的输出目录 \(output)"
        }
        return nil
    }
}

/// Wall-clock time per stage, for `--timings`.
final class StageClock: @unchecked Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(name: String, seconds: Double)] = []

    func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
