/* The arena of ng_arena.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ng_arena.h"

enum { BLOCK_SIZE = 64 * 1024 };

static ng_arena_block *block_new(size_t size, ng_arena_block *next)
{
    if (size > SIZE_MAX - sizeof(ng_arena_block))
        return NULL;
    ng_arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = next;
    b->used = 0;
    b->size = size;
    return b;
}

void *ng_arena_alloc_block(ng_arena *a, size_t need)
{
    ng_arena_block *b = a->head;
    /* A big request gets a block of its own behind the current one, so the
     * space left in the current block is not wasted. */
    if (need > BLOCK_SIZE / 4 && b) {
        ng_arena_block *big = block_new(need, b->next);
        if (!big)
            return NULL;
        b->next = big;
        big->used = need;
        return big->data;
    }
    b = block_new(need > BLOCK_SIZE ? need : BLOCK_SIZE, a->head);
    if (!b)
        return NULL;
    a->head = b;
    b->used = need;
    return b->data;
}

char *ng_arena_strndup(ng_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = ng_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
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
