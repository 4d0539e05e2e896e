/* A bump-pointer arena for the many small strings of a graph (labels,
 * document ids, evidence), freed all at once like git's mem-pool: no
 * per-string malloc, no per-string free. */
#include <stdlib.h>
#include <string.h>

#include "ng_graph_i.h"

#define NG_BLOCK_SIZE (64 * 1024)

struct ng_i_block {
    ng_i_block *next;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
};

static ng_i_block *block_new(size_t size, ng_i_block *next)
{
    ng_i_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = next;
    b->used = 0;
    b->size = size;
    return b;
}

void *ng_i_arena_alloc(ng_i_arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    size_t need = (n + align - 1) / align * align;
    if (need < n)
        return NULL;
    ng_i_block *b = a->head;
    if (!b || b->size - b->used < need) {
        /* A big request gets a block of its own behind the current one, so
         * the space left in the current block is not wasted. */
        if (need > NG_BLOCK_SIZE / 4 && b) {
            ng_i_block *big = block_new(need, b->next);
            if (!big)
                return NULL;
            b->next = big;
            big->used = need;
            return big->data;
        }
        b = block_new(need > NG_BLOCK_SIZE ? need : NG_BLOCK_SIZE, a->head);
        if (!b)
            return NULL;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    return p;
}

char *ng_i_arena_strndup(ng_i_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = ng_i_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void ng_i_arena_free(ng_i_arena *a)
{
    ng_i_block *b = a->head;
    while (b) {
        ng_i_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
