import Foundation
import QingshanCore
import XCTest

@testable import QingshanRender

final class ThemeTests: XCTestCase {
    /// The theme embedded in the binary is exactly templates/ (run `make theme` after edits).
    func testEmbeddedThemeMatchesTemplatesFolder() throws {
        let folder = Fixture.repositoryRoot.appendingPathComponent("templates")
        var onDisk: [String: String] = [:]
        for (path, data) in Fixture.tree(folder) {
            onDisk[path] = String(decoding: data, as: UTF8.self)
        }
        XCTAssertEqual(Set(onDisk.keys), Set(DefaultTheme.files.keys))
        for (path, text) in onDisk {
            XCTAssertEqual(DefaultTheme.files[path], text, "templates/\(path) differs from the embedded copy")
        }
    }

    func testBuiltInThemeLoadsWithoutASite() {
        let diagnostics = Diagnostics()
        XCTAssertNotNil(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.all, [])
    }

    func testPartialReferencesCarryPositions() {
        let refs = Theme.partialReferences(in: "a\n  {{> partials/x }}{{<base}}")
        XCTAssertEqual(
            refs,
            [
                Theme.PartialReference(name: "partials/x", line: 2, column: 3),
                Theme.PartialReference(name: "base", line: 2, column: 20),
            ])
    }
}
