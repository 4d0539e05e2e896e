/* Reading the triples CSV that `extract` writes (for `merge`). */
#ifndef NG_TRIPLES_IN_H
#define NG_TRIPLES_IN_H

#include <stdio.h>
#include "diag.h"
#include "ng_triple.h"

/* Returns NG_OK to go on; another status stops the reader (the sink has
 * reported it). */
typedef ng_status (*ng_triple_sink)(const ng_triple *t, void *user);

/* Reads f to its end: the header must name every column of
 * NG_TRIPLE_CSV_HEADER (in any order; more columns are ignored).  A record
 * with a bad modality, number, date or empty name is a warning and skipped. */
ng_status ng_triples_read(FILE *f, const char *name, ng_triple_sink sink, void *user, ng_diag *d);

#endif
