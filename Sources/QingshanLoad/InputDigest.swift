import Foundation
import QingshanCore

/// A digest of what a build reads besides the articles: site.yaml, templates/ and
/// content/data/. While it stays the same, a page made from the same articles is the same page.
public enum InputDigest {
    public static func nonArticleInputs(siteRoot: String) -> Digest {
        var digest = Digest()
        let fm = FileManager.default
        func add(_ relative: String) {
            digest.add(relative)
            digest.add(bytes: fm.contents(atPath: siteRoot + "/" + relative) ?? Data())
        }
        add(SiteConfigLoader.file)
        for folder in ["templates", "content/data"] {
            for file in FileTree.files(under: siteRoot + "/" + folder).keys.sorted() { add(folder + "/" + file) }
        }
        return digest
    }
}
