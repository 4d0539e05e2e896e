/* A bump allocator: many small strings, freed at once (like git's mem-pool). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ng_arena_block {
    ng_arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

enum { BLOCK_DEFAULT = 64 * 1024 };

void *ng_arena_alloc(ng_arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    ng_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > BLOCK_DEFAULT ? n : BLOCK_DEFAULT;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *ng_arena_strndup(ng_arena *a, const char *s, size_t n)
{
    char *p = ng_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ng_arena_strdup(ng_arena *a, const char *s)
{
    return ng_arena_strndup(a, s, strlen(s));
}

void ng_arena_reset(ng_arena *a)
{
    /* Keep the oldest block (the tail): per-document arenas reuse it. */
    ng_arena_block *b = a->head;
    while (b && b->next) {
        ng_arena_block *next = b->next;
        free(b);
        b = next;
    }
    if (b)
        b->used = 0;
    a->head = b;
}

void ng_arena_free(ng_arena *a)
{
    ng_arena_block *b = a->head;
    while (b) {
        ng_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
