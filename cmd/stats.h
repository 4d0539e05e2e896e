/* `newsgraph stats`: a summary of triples (read from triples CSV files or
 * extracted from a corpus): documents, date range, triples by relation and
 * modality, the entities named most. */
#ifndef NG_STATS_H
#define NG_STATS_H

#include <stdio.h>

#include "ng_common.h"
#include "ng_triple.h"

typedef struct ng_stats ng_stats;

ng_stats *ng_stats_new(void);
void ng_stats_free(ng_stats *st); /* NULL-safe */
/* Counts one triple (copies what it keeps). */
ng_status ng_stats_add(ng_stats *st, const ng_triple *t);
/* Counts a document that may have no triples. */
ng_status ng_stats_add_doc(ng_stats *st, const char *id, const char *date);
/* Writes the summary; returns 0, or -1 when a write fails. */
int ng_stats_print(const ng_stats *st, FILE *out, size_t top);

#endif
