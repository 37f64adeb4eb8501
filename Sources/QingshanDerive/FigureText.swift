import QingshanCore
import QingshanModel

/// Figures in text (docs/RULES.md, Figures in text): each `{{NAME}}` an article cites becomes the figure as
/// of the article's `as_of` (else its date), in every product made of the article — its page,
/// lists, feed, search and print — because it is written into the article itself. An unknown
/// name, or a figure without a value that day, is an error at its line and column.
public enum FigureText {
    /// One figure an article cites and what it came to.
    public struct Citation: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    /// The day an article's figures are taken at: its `as_of`, else its date.
    public static func day(of article: Article) -> Day { article.front.asOf ?? article.date.day }

    /// The articles with their figures written in, and what each article cites (by file).
    public static func resolve(_ articles: [Article], book: FigureBook, diagnostics: Diagnostics) -> (
        articles: [Article], citations: [String: [Citation]]
    ) {
        var citations: [String: [Citation]] = [:]
        let resolved = articles.map { article -> Article in
            guard !article.figures.isEmpty else { return article }
            let d = day(of: article)
            var cited: [Citation] = []
            let done = article.withFigures { figure in
                let location = SourceLocation(file: article.file, line: figure.line, column: figure.column)
                switch book.answer(figure.name, asOf: d) {
                case .value(let value):
                    if !cited.contains(where: { $0.name == figure.name }) {
                        cited.append(Citation(name: figure.name, value: value))
                    }
                    return value
                case .unknown:
                    diagnostics.error(
                        location, "未知的数字引用“\(figure.written)”",
                        hint: "可用：" + FigureBook.families + "；要原样显示花括号请写 \\{{")
                case .unavailable(let reason):
                    diagnostics.error(location, "“\(figure.written)”截至 \(d.iso) 没有数值：\(reason)")
                }
                return figure.written
            }
            citations[article.file] = cited
            return done
        }
        return (resolved, citations)
    }
}
