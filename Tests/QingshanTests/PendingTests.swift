import QingshanCore
import XCTest

/// Work started early and collected later (`Pending`).
final class PendingTests: XCTestCase {
    /// `take` hands the result over and keeps no reference to it: the caller's copy is the only
    /// one, so changing it copies nothing.
    func testTakeLeavesTheCallerTheOnlyReference() {
        final class Box: Sendable {}
        let pending = Pending { [Box()] }
        var taken = pending.take()
        XCTAssertTrue(isKnownUniquelyReferenced(&taken[0]))
        let waited = Pending { [Box()] }
        var kept = waited.wait()
        XCTAssertFalse(isKnownUniquelyReferenced(&kept[0]), "wait keeps the result for later waits")
    }
}
