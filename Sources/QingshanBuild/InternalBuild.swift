import Foundation
import QingshanCore
import QingshanModel
import QingshanRender

/// The internal edition, step by step: working reports with owners and contacts for the
/// bureau's meetings, `noindex` everywhere, never into or beside a public build.
struct InternalBuild {
    let run: BuildRun
    let site: LoadedSite

    func build() -> BuildReport? {
        let content = site.content
        if content.ledger.isEmpty {
            run.diagnostics.warning(
                SourceLocation(file: "content/data/ledger.yaml"), "没有问题台账，内部版只有空白的调度页面")
        }
        let chrome = run.step("derive") {
            PageChrome(
                internalFor: content.config, theme: site.theme, asOf: site.asOf, navigation: InternalPages.navigation)
        }
        let pages = run.step("render") {
            InternalPages(
                chrome: chrome, records: content.ledger, campaigns: content.campaigns, spotChecks: content.spotChecks
            ).renderAll()
        }
        var files = pages
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nDisallow: /\n", origin: "robots.txt"))
        for (path, data) in site.theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, data: data, origin: "templates/assets/" + path))
        }
        if run.mode.writes {
            let written = run.step("write") { () -> Bool in
                do {
                    try OutputWriter(outputDir: run.outputDir, edition: .internal).write(files: files, copies: [])
                    return true
                } catch {
                    run.diagnostics.error(SourceLocation(file: run.outputDir), "\(error)")
                    return false
                }
            }
            guard written else { return nil }
        }
        return run.report(site: site, pages: pages.count, files: files.count, articles: 0)
    }
}
