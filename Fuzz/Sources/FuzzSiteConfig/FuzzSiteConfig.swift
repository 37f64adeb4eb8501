import FuzzEntry
import FuzzSupport
import QingshanCore
import QingshanLoad

/// site.yaml: Yams, the alias budget, and every key's validation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = FuzzInput.utf8(data, size) else { return 0 }
    _ = SiteConfigLoader.parse(text, diagnostics: Diagnostics())
    return 0
}

/// SwiftPM links executables with `--defsym main=FuzzSiteConfig_main`: hand over to libFuzzer.
@_cdecl("FuzzSiteConfig_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    qingshan_fuzz_main(argc, argv)
}
