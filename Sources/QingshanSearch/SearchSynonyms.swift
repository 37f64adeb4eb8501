import QingshanCore

/// A few words readers use for the same thing (issue 18: “噪声” should find the 声环境 data page,
/// “PM2.5” and “AQI” the 空气质量 one, “举报” the 12369 hotline): a document holding any word of
/// a group in its title is indexed under all of them. One small table, kept here.
public enum SearchSynonyms {
    public static let groups: [[String]] = [
        ["噪声", "噪音", "声环境"],
        ["空气质量", "AQI", "PM2.5", "细颗粒物", "PM10", "优良天数"],
        ["水质", "水环境", "地表水", "断面"],
        ["12369", "举报", "环保热线"],
        ["问题台账", "台账", "群众反映", "投诉"],
        ["满意度测评", "满意度", "测评排名"],
    ]

    static let patterns: [[[UInt8]]] = groups.map { $0.map { Array($0.utf8) } }

    /// The words of every group `text` touches, as one more text to index beside it (empty when
    /// it touches none). Compared as bytes: it runs over every document's title.
    public static func expansion(of text: [String]) -> String {
        var words: [String] = []
        for (g, group) in patterns.enumerated() {
            let touched = text.contains { part in
                var part = part
                return part.withUTF8 { bytes in group.contains { ByteSearch.contains($0, in: bytes) } }
            }
            if touched { words += groups[g] }
        }
        return words.joined(separator: " ")
    }
}
