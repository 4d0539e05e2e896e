/* The triples the graph tests build graphs from. */
#ifndef NG_TEST_FIXTURES_H
#define NG_TEST_FIXTURES_H

#include "ng_graph.h"

typedef struct {
    const char *label, *alias;
} fixture_alias;

typedef struct {
    const char *name;
    const ng_triple *triples;
    size_t ntriples;
    const fixture_alias *aliases;
    size_t naliases;
    unsigned modalities; /* 0: the default */
} fixture;

/* NULL when there is no fixture of that name ("small", "hostile"). */
const fixture *fixture_get(const char *name);

/* Builds the graph of f with its triples and aliases added in the order
 * order[] (indexes into triples, then aliases; NULL: as listed). */
ng_status fixture_build(const fixture *f, const size_t *order, ng_graph **out, ng_error *err);

#endif
