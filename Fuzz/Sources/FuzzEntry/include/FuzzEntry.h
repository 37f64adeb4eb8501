#ifndef QINGSHAN_FUZZ_ENTRY_H
#define QINGSHAN_FUZZ_ENTRY_H

/// libFuzzer's own main, for SwiftPM executables: on Linux SwiftPM links every executable
/// with `--defsym main=<Module>_main`, so each target defines `<Module>_main` (a @_cdecl
/// function) that calls this, which runs libFuzzer on the target's LLVMFuzzerTestOneInput.
int qingshan_fuzz_main(int argc, char **argv);

#endif
