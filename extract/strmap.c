/* Open-addressing hash map from byte strings to integers. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

uint64_t ng_hash(const char *s, size_t n)
{
    uint64_t h = ng_hash_begin(n);
    for (size_t i = 0; i < n; i += 8) {
        uint64_t chunk = 0;
        memcpy(&chunk, s + i, n - i < 8 ? n - i : 8);
        h = ng_hash_chunk(h, chunk);
    }
    return ng_hash_end(h);
}

/* Whether two keys of n bytes with the same hash h are the same.  A key
 * of up to 8 bytes is one chunk, and for a given length every step of
 * ng_hash is a bijection of that chunk, so equal hashes mean equal keys --
 * except where ng_hash_end turned a 0 into 1.  Most keys are words of a
 * few letters: they need no memcmp. */
static int same_key(const char *a, const char *b, size_t n, uint64_t h)
{
    return (n <= 8 && h != 1) || memcmp(a, b, n) == 0;
}

/* The slot of key, or the free slot where it would go. */
static ng_strmap_slot *find_slot(ng_strmap_slot *slots, size_t cap, uint32_t gen,
                                 const char *key, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        ng_strmap_slot *s = &slots[i];
        if (s->hash == 0 || s->gen != gen)
            return s;
        if (s->hash == h && s->key_len == n && same_key(s->key, key, n, h))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

int ng_strmap_get(const ng_strmap *m, const char *key, size_t n, intptr_t *value)
{
    return ng_strmap_get_h(m, key, n, ng_hash(key, n), value);
}

int ng_strmap_get_h(const ng_strmap *m, const char *key, size_t n, uint64_t hash,
                    intptr_t *value)
{
    if (m->cap == 0 || n > UINT32_MAX)
        return 0;
    ng_strmap_slot *s = find_slot(m->slots, m->cap, m->gen, key, n, hash);
    if (!ng_strmap_used(m, s))
        return 0;
    if (value)
        *value = s->value;
    return 1;
}

static ng_status rehash(ng_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    ng_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return NG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        ng_strmap_slot *old = &m->slots[i];
        if (ng_strmap_used(m, old))
            *find_slot(slots, cap, m->gen, old->key, old->key_len, old->hash) = *old;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return NG_OK;
}

ng_status ng_strmap_put(ng_strmap *m, const char *key, size_t n, intptr_t value)
{
    return ng_strmap_put_h(m, key, n, ng_hash(key, n), value);
}

ng_status ng_strmap_put_h(ng_strmap *m, const char *key, size_t n, uint64_t h, intptr_t value)
{
    if (n > UINT32_MAX)
        return NG_EINPUT;
    if ((m->count + 1) * 2 > m->cap) {
        ng_status st = rehash(m);
        if (st)
            return st;
    }
    ng_strmap_slot *s = find_slot(m->slots, m->cap, m->gen, key, n, h);
    if (!ng_strmap_used(m, s)) {
        s->hash = h;
        s->gen = m->gen;
        s->key = key;
        s->key_len = (uint32_t)n;
        m->count++;
    }
    s->value = value;
    return NG_OK;
}

void ng_strmap_free(ng_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
    m->gen = 0;
}

int ng_grow(void **items, size_t *cap, size_t count, size_t elem)
{
    if (count < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    if (ncap > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*items, ncap * elem);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

void ng_strmap_clear(ng_strmap *m)
{
    if (++m->gen == 0 && m->slots) /* wrapped: old slots could look current */
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->count = 0;
}
