/* A set of strings (open addressing, FNV-1a): the entity labels already
 * given their aliases, the document ids merge has seen. */
#ifndef NG_STRSET_H
#define NG_STRSET_H

#include <stddef.h>

typedef struct {
    char **slots; /* cap slots, NULL when free; each a malloc'd copy */
    size_t cap, n;
} ng_strset;

/* 1 when s was added, 0 when it was already there, -1 when out of memory.
 * A zeroed ng_strset is an empty set. */
int ng_strset_add(ng_strset *set, const char *s);
void ng_strset_free(ng_strset *set);

#endif
