// cmark-gfm allocates every node, literal and buffer of a document through the
// parser's cmark_mem and frees them one by one: a 10,000-page build spent a
// twentieth of its time in malloc and free for it. A document is parsed,
// rendered and freed on one thread, so each thread carves its blocks out of its
// own chunks, keeps freed blocks on free lists by size class for reuse (cmark-gfm's
// table extension allocates and frees a paragraph's rows again at every line that
// looks like a delimiter row: without reuse a 20 KB file held gigabytes), and
// lets everything go together when the document is done. (cmark-gfm's own arena
// allocator is one global arena, not safe for concurrent parsers.)
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmark_arena.h"

enum {
  HEADER = 16,          // a block's size class and requested size, before its bytes
  MIN_CLASS = 4,        // 16 bytes
  CLASSES = 48,         // up to 2^47 bytes: every size malloc could give
  CHUNK = 256 * 1024,
  KEPT_CHUNKS = 8,
};

typedef struct chunk {
  struct chunk *next;
  size_t size;
  size_t used;
  size_t padding;  // keeps data 16-byte aligned
  unsigned char data[];
} chunk;

typedef struct {
  uint32_t size_class;
  uint32_t unused;
  size_t size;
} header;

typedef struct {
  chunk *used;   // chunks of the current document, newest first
  chunk *spare;  // standard chunks kept for the next document
  int spare_count;
  int registered;                // the thread-exit destructor knows this arena
  void *free_blocks[CLASSES];    // freed blocks of the current document, by class
} arena;

static _Thread_local arena current;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void free_chunks(chunk *c) {
  while (c != NULL) {
    chunk *next = c->next;
    free(c);
    c = next;
  }
}

// A thread that ends (GCD retires idle workers) gives its chunks back.
static void thread_exit(void *value) {
  arena *a = value;
  free_chunks(a->used);
  free_chunks(a->spare);
  a->used = NULL;
  a->spare = NULL;
  a->spare_count = 0;
  memset(a->free_blocks, 0, sizeof a->free_blocks);
}

static void make_exit_key(void) { pthread_key_create(&exit_key, thread_exit); }

static void register_thread(void) {
  pthread_once(&exit_key_once, make_exit_key);
  pthread_setspecific(exit_key, &current);
  current.registered = 1;
}

// The smallest k (at least MIN_CLASS) with 2^k >= size, by counting leading zeros.
static unsigned size_class(size_t size) {
  if (size <= ((size_t)1 << MIN_CLASS)) return MIN_CLASS;
  unsigned k = 64 - (unsigned)__builtin_clzll((unsigned long long)(size - 1));
  if (k > CLASSES - 1) abort();  // beyond any real allocation
  return k;
}

static chunk *new_chunk(size_t need) {
  if (need <= CHUNK && current.spare != NULL) {
    chunk *c = current.spare;
    current.spare = c->next;
    current.spare_count--;
    c->used = 0;
    return c;
  }
  size_t size = need > CHUNK ? need : CHUNK;
  if (size > SIZE_MAX - sizeof(chunk)) abort();
  chunk *c = malloc(sizeof(chunk) + size);
  if (c == NULL) abort();
  c->size = size;
  c->used = 0;
  return c;
}

// A block of the size's class: from the class's free list, or carved off the newest chunk.
static void *allocate(size_t size) {
  if (!current.registered) register_thread();
  unsigned k = size_class(size);
  unsigned char *block = current.free_blocks[k];
  if (block != NULL) {
    current.free_blocks[k] = *(void **)block;
    ((header *)(block - HEADER))->size = size;
    return block;
  }
  size_t need = HEADER + ((size_t)1 << k);
  chunk *c = current.used;
  if (c == NULL || c->size - c->used < need) {
    c = new_chunk(need);
    c->next = current.used;
    current.used = c;
  }
  unsigned char *start = c->data + c->used;
  c->used += need;
  header *h = (header *)start;
  h->size_class = k;
  h->size = size;
  return start + HEADER;
}

static header *header_of(void *ptr) { return (header *)((unsigned char *)ptr - HEADER); }

static void *arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) abort();
  void *ptr = allocate(count * size);
  memset(ptr, 0, count * size);
  return ptr;
}

static void arena_free(void *ptr) {
  if (ptr == NULL) return;
  unsigned k = header_of(ptr)->size_class;
  *(void **)ptr = current.free_blocks[k];
  current.free_blocks[k] = ptr;
}

static void *arena_realloc(void *ptr, size_t size) {
  if (ptr == NULL) return allocate(size);
  header *h = header_of(ptr);
  if (size <= ((size_t)1 << h->size_class)) {
    h->size = size;
    return ptr;
  }
  void *moved = allocate(size);
  memcpy(moved, ptr, h->size);
  arena_free(ptr);
  return moved;
}

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
  memset(current.free_blocks, 0, sizeof current.free_blocks);
}

size_t qs_arena_held(void) {
  size_t total = 0;
  for (chunk *c = current.used; c != NULL; c = c->next) total += c->size;
  return total;
}
