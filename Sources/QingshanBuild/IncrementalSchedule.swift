import Foundation
import QingshanCore
import QingshanDerive
import QingshanLoad
import QingshanModel
import QingshanRender

/// What a serve rebuild does differently, in one place: every page is rendered through the
/// session's memo under the build's context (site.yaml, templates, data, the as-of day, the
/// navigation), only changed files are scanned for personal data, and only files whose bytes
/// changed are written. The result is byte for byte a full build's (IncrementalBuildTests).
struct IncrementalSchedule {
    let session: BuildSession
    /// Everything a page can show besides the articles it lists.
    let context: Digest

    init(
        session: BuildSession, content: SiteContent, asOf: Day, index: SiteIndex,
        columns: [(column: Column, path: SitePath)]
    ) {
        self.session = session
        var digest = InputDigest.nonArticleInputs(siteRoot: content.siteRoot)
        digest.add(asOf.iso)
        for page in index.bySection[.pages] ?? [] { digest.add(page.revision) }
        for column in columns {
            digest.add(column.column.title)
            digest.add(column.path.value)
        }
        context = digest
        session.pages.begin(context: context)
        session.searchDocuments.begin(context: context)
    }

    /// The files the privacy guard has not passed in this context.
    func unchecked(_ files: [OutputFile], searchDelta: Data?) -> [OutputFile] {
        session.unchecked(files, context: context, searchDelta: searchDelta)
    }

    /// Writes the output: a session that wrote the same folder before updates only the files
    /// that changed (and remembers what it wrote); otherwise the whole tree is swapped in.
    func write(files: [OutputFile], copies: [(source: String, path: String)], to outputDir: String, edition: Edition)
        throws
    {
        let writer = OutputWriter(outputDir: outputDir, edition: edition)
        let current = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        let stamps: [String: OutputWriter.CopyStamp]
        if let last = session.last, last.outputDir == outputDir,
            FileManager.default.fileExists(atPath: outputDir + "/index.html")
        {
            session.last = nil  // until the update is complete
            do {
                stamps = try writer.update(
                    files: files, copies: copies, current: current, previous: last.files, previousCopies: last.copies)
            } catch {
                try writer.write(files: files, copies: copies)
                stamps = OutputWriter.stamps(copies)
            }
        } else {
            session.last = nil
            try writer.write(files: files, copies: copies)
            stamps = OutputWriter.stamps(copies)
        }
        session.last = BuildSession.Snapshot(outputDir: outputDir, context: context, files: current, copies: stamps)
    }

    /// The rebuild passed: the memo keeps what it rendered.
    func finish() {
        session.pages.finish()
    }
}
