/* The triples CSV: RFC 4180, quoting only the fields that need it. */
#ifndef NG_CSVWRITE_H
#define NG_CSVWRITE_H

#include <stdio.h>
#include "ng_triple.h"

/* Each returns 0, or -1 when a write fails (errno says why). */
int ng_csvw_header(FILE *f);
int ng_csvw_field(FILE *f, const char *s, size_t len);
int ng_csvw_triple(FILE *f, const ng_triple *t);

#endif
