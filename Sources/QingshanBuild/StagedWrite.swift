import Foundation
import QingshanCore
import QingshanModel
import QingshanRender

/// The write step of the public edition in each mode: a full build takes the staging folder at
/// once, writes the pages as they render and swaps in the whole tree at the end; serve
/// writes only the files that changed (`IncrementalSchedule`); a check writes nothing.
final class StagedWrite: @unchecked Sendable {
    let run: BuildRun
    /// The staging folder, taken and listed while the pages render (full builds only).
    private let staged: Pending<Result<StagedOutput, any Error>>?
    /// The first error of writing the pages as they came.
    private var pageError: (any Error)?
    /// The files the sink did not see, being written while the last checks run.
    private var rest: Pending<Result<Void, any Error>>?
    private var finished = false

    init(run: BuildRun) {
        self.run = run
        let outputDir = run.outputDir
        let edition = run.options.edition
        if case .build = run.mode {
            staged = Pending { Result { try StagedOutput(outputDir: outputDir, edition: edition) } }
        } else {
            staged = nil
        }
    }

    /// A full build writes the pages into the staging folder as they are rendered (a check
    /// writes nothing).
    func write(pages: [OutputFile]) {
        guard let staged, pageError == nil else { return }
        do { try staged.wait().get().write(pages) } catch { pageError = error }
    }

    /// A full build starts writing the files the sink did not see (the feeds, the search
    /// index, the static files) into the staging folder while the last checks run on the other
    /// core: nothing is swapped in before `finish`, and an abandoned build waits for this write
    /// before it removes the folder.
    func startWritingRest(_ files: [OutputFile], written: Int, copies: [(source: String, path: String)]) {
        guard let staged, pageError == nil else { return }
        let files = Array(files[written...])
        rest = Pending { Result { try staged.wait().get().write(files, copies: copies) } }
    }

    /// Writes what is left (or waits for `startWritingRest`) and swaps the output in; false
    /// (with the error) when that failed.
    func finish(
        _ files: [OutputFile], written: Int, copies: [(source: String, path: String)], derived: DerivedSite
    ) -> Bool {
        guard run.mode.writes else { return true }
        run.progress?("写入 \(run.outputDir)")
        do {
            if let staged {
                let output = try staged.wait().get()
                if let pageError { throw pageError }
                if let rest {
                    try rest.wait().get()
                } else {
                    try output.write(Array(files[written...]), copies: copies)
                }
                finished = true  // whatever happens next, finish() cleans up after itself
                _ = try output.finish()
            } else if let schedule = derived.schedule {
                try schedule.write(files: files, copies: copies, to: run.outputDir, edition: run.options.edition)
            } else {
                try OutputWriter(outputDir: run.outputDir, edition: run.options.edition).write(
                    files: files, copies: copies)
            }
        } catch {
            run.diagnostics.error(SourceLocation(file: run.outputDir), "\(error)")
            return false
        }
        return true
    }

    /// A run that stopped before the swap leaves nothing of itself: the staging folder goes.
    func abandonUnlessFinished() {
        guard !finished else { return }
        _ = rest?.wait()  // a write into the staging folder ends before the folder goes
        if case .success(let output)? = staged?.wait() { output.abandon() }
    }
}
