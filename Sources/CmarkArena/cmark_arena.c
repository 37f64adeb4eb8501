// cmark-gfm allocates every node, literal and buffer of a document through the
// parser's cmark_mem and frees them one by one: a 10,000-page build spent a
// twentieth of its time in malloc and free for it. A document is parsed,
// rendered and freed on one thread, so each thread bumps its blocks off its own
// chunks and lets them all go together when the document is done.
// (cmark-gfm's own arena allocator is one global arena, not safe for
// concurrent parsers.)
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmark_arena.h"

enum { ALIGNMENT = 16, HEADER = 16, CHUNK = 256 * 1024, KEPT_CHUNKS = 8 };

typedef struct chunk {
  struct chunk *next;
  size_t size;
  size_t used;
  size_t padding;  // keeps data 16-byte aligned
  unsigned char data[];
} chunk;

typedef struct {
  chunk *used;   // chunks of the current document, newest first
  chunk *spare;  // standard chunks kept for the next document
  int spare_count;
} arena;

static _Thread_local arena current;

static size_t rounded(size_t size) { return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1); }

static chunk *new_chunk(size_t need) {
  if (need <= CHUNK && current.spare != NULL) {
    chunk *c = current.spare;
    current.spare = c->next;
    current.spare_count--;
    c->used = 0;
    return c;
  }
  size_t size = need > CHUNK ? need : CHUNK;
  chunk *c = malloc(sizeof(chunk) + size);
  if (c == NULL) abort();
  c->size = size;
  c->used = 0;
  return c;
}

// A block: its requested size in the 16 bytes before it, then the bytes.
static void *allocate(size_t size) {
  size_t need = HEADER + rounded(size);
  if (need < size) abort();  // overflow
  chunk *c = current.used;
  if (c == NULL || c->size - c->used < need) {
    c = new_chunk(need);
    c->next = current.used;
    current.used = c;
  }
  unsigned char *block = c->data + c->used;
  c->used += need;
  *(size_t *)block = size;
  return block + HEADER;
}

static size_t block_size(void *ptr) { return *(size_t *)((unsigned char *)ptr - HEADER); }

static void *arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) abort();
  void *ptr = allocate(count * size);
  memset(ptr, 0, count * size);
  return ptr;
}

static void *arena_realloc(void *ptr, size_t size) {
  if (ptr == NULL) return allocate(size);
  size_t old = block_size(ptr);
  if (size <= old) return ptr;
  // The newest block of the newest chunk grows in place when the chunk has room.
  chunk *c = current.used;
  if (c != NULL && (unsigned char *)ptr + rounded(old) == c->data + c->used &&
      c->size - c->used >= rounded(size) - rounded(old)) {
    c->used += rounded(size) - rounded(old);
    *(size_t *)((unsigned char *)ptr - HEADER) = size;
    return ptr;
  }
  void *moved = allocate(size);
  memcpy(moved, ptr, old);
  return moved;
}

static void arena_free(void *ptr) { (void)ptr; }

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

cmark_mem *qs_arena_mem(void) { return &arena_mem; }

void qs_arena_end(void) {
  chunk *c = current.used;
  while (c != NULL) {
    chunk *next = c->next;
    if (c->size == CHUNK && current.spare_count < KEPT_CHUNKS) {
      c->next = current.spare;
      current.spare = c;
      current.spare_count++;
    } else {
      free(c);
    }
    c = next;
  }
  current.used = NULL;
}

size_t qs_arena_held(void) {
  size_t total = 0;
  for (chunk *c = current.used; c != NULL; c = c->next) total += c->size;
  return total;
}
