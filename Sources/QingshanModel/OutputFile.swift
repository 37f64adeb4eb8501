import Foundation

/// One file of the output tree, path relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
    /// Where the content came from, for the privacy guard's messages.
    public var origin: String

    public init(path: String, data: Data, origin: String = "") {
        self.path = path
        self.data = data
        self.origin = origin
    }

    public init(path: String, text: String, origin: String = "") {
        self.init(path: path, data: Data(text.utf8), origin: origin)
    }

    /// An HTML page of the output: its path ends in `index.html` (compared as bytes).
    public static func isPage(_ path: String) -> Bool {
        let utf8 = path.utf8
        return utf8.count >= 10 && utf8.suffix(10).elementsEqual("index.html".utf8)
    }
}
