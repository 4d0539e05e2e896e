/* A bump-pointer arena for many small strings, freed all at once (like
 * git's mem-pool): no per-string malloc, no per-string free.  The
 * extractor keeps one per document, the graph one for its labels, ids and
 * evidence. */
#ifndef NG_ARENA_H
#define NG_ARENA_H

#include <stddef.h>

typedef struct ng_arena_block ng_arena_block;
struct ng_arena_block {
    ng_arena_block *next;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
};
typedef struct {
    ng_arena_block *head;
} ng_arena;

/* The slow path of ng_arena_alloc: a new block. */
void *ng_arena_alloc_block(ng_arena *a, size_t need);

/* n bytes aligned for any type, or NULL (out of memory, or n too large).
 * Inline: the tokenizer allocates once per word. */
static inline void *ng_arena_alloc(ng_arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    size_t need = (n + align - 1) / align * align;
    if (need < n)
        return NULL;
    ng_arena_block *b = a->head;
    if (!b || b->size - b->used < need)
        return ng_arena_alloc_block(a, need);
    void *p = b->data + b->used;
    b->used += need;
    return p;
}
/* A NUL-terminated copy of s[0, n). */
char *ng_arena_strndup(ng_arena *a, const char *s, size_t n);
char *ng_arena_strdup(ng_arena *a, const char *s);
/* Forgets everything but keeps the first block for reuse. */
void ng_arena_reset(ng_arena *a);
void ng_arena_free(ng_arena *a);

#endif
