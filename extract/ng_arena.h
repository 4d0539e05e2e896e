/* A bump-pointer arena for many small strings, freed all at once (like
 * git's mem-pool): no per-string malloc, no per-string free.  The
 * extractor keeps one per document, the graph one for its labels, ids and
 * evidence. */
#ifndef NG_ARENA_H
#define NG_ARENA_H

#include <stddef.h>

typedef struct ng_arena_block ng_arena_block;
typedef struct {
    ng_arena_block *head;
} ng_arena;

/* n bytes aligned for any type, or NULL (out of memory, or n too large). */
void *ng_arena_alloc(ng_arena *a, size_t n);
/* A NUL-terminated copy of s[0, n). */
char *ng_arena_strndup(ng_arena *a, const char *s, size_t n);
char *ng_arena_strdup(ng_arena *a, const char *s);
/* Forgets everything but keeps the first block for reuse. */
void ng_arena_reset(ng_arena *a);
void ng_arena_free(ng_arena *a);

#endif
