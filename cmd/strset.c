#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strset.h"

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* The slot holding s, or the free slot where it belongs. */
static size_t probe(char **slots, size_t cap, const char *s)
{
    size_t i = hash(s) & (cap - 1);
    while (slots[i] && strcmp(slots[i], s) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

static int grow(ng_strset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 64;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < set->cap; i++) {
        if (set->slots[i])
            slots[probe(slots, cap, set->slots[i])] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return 0;
}

int ng_strset_add(ng_strset *set, const char *s)
{
    /* Keep the load under 3/4 so that probes stay short. */
    if ((set->n + 1) * 4 > set->cap * 3 && grow(set) != 0)
        return -1;
    size_t i = probe(set->slots, set->cap, s);
    if (set->slots[i])
        return 0;
    if (!(set->slots[i] = strdup(s)))
        return -1;
    set->n++;
    return 1;
}

void ng_strset_free(ng_strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
    set->slots = NULL;
    set->cap = set->n = 0;
}
