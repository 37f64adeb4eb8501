/// Splits a YAML file whose root is a block list (`- id: …` at column 0) into runs of whole
/// items, so the pieces can be parsed apart and in parallel.
enum YAMLChunks {
    struct Chunk: Sendable {
        /// The piece's text: whole items, one after another.
        var text: String
        /// Lines before the piece, so positions inside it map back to the file.
        var lineOffset: Int
    }

    /// About `pieces` runs of whole items, in order; nil when the file is anything but a plain
    /// top-level list of items (other text at column 0, document markers, anchors or aliases).
    static func topLevelItems(_ text: String, pieces: Int) -> [Chunk]? {
        let bytes = Array(text.utf8)
        var itemStarts: [(offset: Int, line: Int)] = []
        var line = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end > start {
                let first = bytes[start]
                let next = start + 1 < end ? bytes[start + 1] : 0x20
                switch first {
                case UInt8(ascii: "-") where next == 0x20: itemStarts.append((start, line))
                case UInt8(ascii: "#"), 0x20, 0x0D: break
                default: return nil
                }
            }
            line += 1
            start = end + 1
        }
        // Anchors and aliases may reach across items: parse such a file whole.
        if bytes.contains(UInt8(ascii: "&")) || bytes.contains(UInt8(ascii: "*")) { return nil }
        guard itemStarts.count > 1 else { return nil }
        let perPiece = max(1, (itemStarts.count + pieces - 1) / max(1, pieces))
        var chunks: [Chunk] = []
        var index = 0
        while index < itemStarts.count {
            let from = itemStarts[index]
            let stop = index + perPiece < itemStarts.count ? itemStarts[index + perPiece].offset : bytes.count
            chunks.append(
                Chunk(text: String(decoding: bytes[from.offset..<stop], as: UTF8.self), lineOffset: from.line))
            index += perPiece
        }
        return chunks
    }
}
