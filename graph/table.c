/* An open-addressing hash index of uint32 ids.  It stores only the ids and
 * their hashes; the caller keeps the records and says when one matches a key.
 * Iteration order never leaks into any output: everything is sorted later. */
#include <stdlib.h>

#include "ng_graph_i.h"

#define SLOT_ID(s) ((uint32_t)((s) & 0xffffffffu) - 1u)
#define SLOT_HASH(s) ((uint32_t)((s) >> 32))

uint32_t ng_i_table_find(const ng_i_table *t, uint32_t hash, ng_i_eq_fn eq,
                         const void *ctx, const void *key)
{
    if (t->cap == 0)
        return NG_I_NONE;
    size_t mask = t->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        uint64_t s = t->slots[i];
        if (s == 0)
            return NG_I_NONE;
        if (SLOT_HASH(s) == hash && eq(ctx, SLOT_ID(s), key))
            return SLOT_ID(s);
    }
}

static void place(uint64_t *slots, size_t cap, uint64_t s)
{
    size_t mask = cap - 1;
    size_t i = SLOT_HASH(s) & mask;
    while (slots[i] != 0)
        i = (i + 1) & mask;
    slots[i] = s;
}

/* Keeps the load under 1/2 so probe runs stay short. */
static ng_status grow(ng_i_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    if (cap < t->cap || cap > SIZE_MAX / sizeof *t->slots)
        return NG_ENOMEM;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return NG_ENOMEM;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i] != 0)
            place(slots, cap, t->slots[i]);
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return NG_OK;
}

ng_status ng_i_table_insert(ng_i_table *t, uint32_t hash, uint32_t id)
{
    if (id == NG_I_NONE)
        return NG_ENOMEM; /* more records than ids: treat as exhausted */
    if ((t->count + 1) * 2 > t->cap) {
        ng_status st = grow(t);
        if (st != NG_OK)
            return st;
    }
    place(t->slots, t->cap, ((uint64_t)hash << 32) | ((uint64_t)id + 1u));
    t->count++;
    return NG_OK;
}

void ng_i_table_free(ng_i_table *t)
{
    free(t->slots);
    t->slots = NULL;
    t->cap = t->count = 0;
}
