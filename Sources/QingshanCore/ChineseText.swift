import Foundation

/// Summaries and reading time for Chinese (and mixed) text.
public enum ChineseText {
    /// The first `limit` characters of `text`, cut after the last 。！？ inside the limit when
    /// there is one past a third of it, with an ellipsis whenever text was cut.
    public static func summary(of text: String, limit: Int = 120) -> String {
        let collapsed = collapseWhitespace(text)
        guard collapsed.count > limit else { return collapsed }
        let head = collapsed.prefix(limit)
        if let end = head.lastIndex(where: CJK.isSentenceEnd),
            head.distance(from: head.startIndex, to: end) >= limit / 3
        {
            let cut = String(head[...end])
            return cut + "……"
        }
        var cut = String(head)
        while let last = cut.last, last == "，" || last == "、" || last == "：" || last == " " || last == "," {
            cut.removeLast()
        }
        return cut + "……"
    }

    /// Runs of whitespace become one space; spaces between two CJK characters vanish.
    public static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if CJK.isWhitespace(s) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, let last = out.last, !(CJK.isWide(last) && CJK.isWide(s)) {
                out.append(" ")
            }
            pendingSpace = false
            out.append(s)
        }
        return String(out)
    }

    /// Reading time in whole minutes (at least 1): Han characters count one by one at
    /// 400 a minute, other words at 200 a minute.
    public static func readingMinutes(_ text: String) -> Int {
        var han = 0
        var words = 0
        var inWord = false
        for s in text.unicodeScalars {
            if CJK.isLetter(s) {
                han += 1
                inWord = false
            } else if s.isASCII
                ? (s.properties.isAlphabetic || (0x30...0x39).contains(s.value))
                : (s.properties.isAlphabetic || s.properties.numericType != nil)
            {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        let minutes = Double(han) / 400 + Double(words) / 200
        return max(1, Int(minutes.rounded(.up)))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (Unicode ones too: 全角空格); returns
    /// at once when there are none, which is nearly always.
    public func trimmingSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        let spaces = CharacterSet.whitespaces
        if !spaces.contains(first) && !spaces.contains(last) { return String(self) }
        return trimmingCharacters(in: spaces)
    }
}
