// cmark-gfm 0.29.0.gfm.6 keeps its inline special-character tables in
// process-wide globals. Every parse adds the extensions' characters before its
// inline pass and removes them afterwards, so concurrent parsers wipe each
// other's tables and silently lose strikethrough, autolinks and table cells.
//
// The library calls cmark_manage_extensions_special_characters through its
// PLT, so a definition in the executable interposes it (ELF symbol
// interposition). Qingshan attaches one fixed set of extensions to every
// parser, so the tables are filled once and never cleared again: every parse
// then reads the same, immutable tables.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include "cmark_guard.h"

typedef void (*manage_fn)(cmark_parser *, int);

static atomic_long guard_calls;
static atomic_int tables_installed;
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  atomic_fetch_add(&guard_calls, 1);
  if (!add || atomic_load(&tables_installed)) {
    return;
  }
  pthread_mutex_lock(&install_lock);
  if (!atomic_load(&tables_installed)) {
    manage_fn original =
        (manage_fn)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (original != NULL) {
      original(parser, 1);
    }
    atomic_store(&tables_installed, 1);
  }
  pthread_mutex_unlock(&install_lock);
}

long qs_cmark_guard_calls(void) { return atomic_load(&guard_calls); }
