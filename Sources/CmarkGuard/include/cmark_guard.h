#ifndef QINGSHAN_CMARK_GUARD_H
#define QINGSHAN_CMARK_GUARD_H

/// How many times cmark-gfm called the guarded
/// cmark_manage_extensions_special_characters. Zero after a parse means the
/// interposition did not take effect and parses must be serialized.
long qs_cmark_guard_calls(void);

#endif
