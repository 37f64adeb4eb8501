import FuzzEntry
import FuzzSupport
import QingshanCore
import QingshanLoad
import QingshanModel

/// One ledger file (content/data/ledger.yaml): the chunked parallel parse, the whole-file
/// fallback, Yams, record validation, rounds, privacy strings; then the checks across records.
let loader = LedgerLoader(
    siteRoot: "/nonexistent",
    organization: Organization(
        departments: ["综合科", "执法监测科", "污染防治科", "项目管理科", "各街道环保办"],
        streets: ["兴仁街道", "兴城街道", "张范街道"]))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput.utf8(data, size) else { return 0 }
    _ = loader.parse(text, file: "content/data/ledger.yaml", diagnostics: Diagnostics())
    return 0
}

/// SwiftPM links executables with `--defsym main=FuzzLedger_main`: hand over to libFuzzer.
@_cdecl("FuzzLedger_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qingshan_fuzz_main(argc, argv)
}
