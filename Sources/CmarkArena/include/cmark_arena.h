#ifndef QINGSHAN_CMARK_ARENA_H
#define QINGSHAN_CMARK_ARENA_H

#include <cmark-gfm.h>

/// A cmark_mem that allocates from the calling thread's arena: blocks of power-of-two size
/// classes are carved off 256 KiB chunks, freed blocks are reused by class, and qs_arena_end
/// releases the whole document at once.
/// Parse, change, render and free one document with it on one thread, then call qs_arena_end.
/// Nodes added to the document must be made with it too (cmark_node_new_with_mem): cmark-gfm
/// links only nodes of one allocator.
cmark_mem *qs_arena_mem(void);

/// Ends the thread's arena: every block handed out since the last end is invalid.
/// Chunks are kept for the thread's next document (up to 2 MiB), and freed when the thread ends.
void qs_arena_end(void);

/// Bytes the calling thread's arena holds in chunks right now (tests).
size_t qs_arena_held(void);

#endif
