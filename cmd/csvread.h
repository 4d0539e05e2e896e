/* A CSV record reader over libcsv: bytes in (any chunk size, like libcsv
 * itself), one callback per complete record out.  It never holds more than
 * one record, so a corpus of any size streams through it.
 *
 * It handles what every CSV input needs: a leading byte-order mark, the
 * header (record 0), records whose field count differs from the header's
 * (warning, skipped), a quoted field still open at the end of the input
 * (warning naming the record where it started, skipped), an empty input
 * (warning) and records too large to be real (error).  Record numbers in
 * messages count data records from 1, as users see them.  No file I/O except
 * in ng_csvr_read_stream, so fuzzers can feed it memory. */
#ifndef NG_CSVREAD_H
#define NG_CSVREAD_H

#include <stdio.h>
#include "diag.h"
#include "ng_common.h"

typedef struct {
    size_t record; /* 0: the header; 1: the first data record */
    size_t n;      /* number of fields */
    char **field;  /* field[i] holds len[i] bytes and a NUL (it may hold NULs too) */
    const size_t *len;
} ng_csv_record;

/* Returns NG_OK to go on; any other status stops the reader, which returns it
 * (the callback reports its own errors). */
typedef ng_status (*ng_csv_record_cb)(const ng_csv_record *rec, void *user);

typedef struct ng_csvr ng_csvr;

/* The largest record accepted (all its fields together). */
#define NG_CSV_MAX_RECORD ((size_t)256 << 20)

/* name is used in messages and must outlive the reader.  NULL when out of
 * memory. */
ng_csvr *ng_csvr_new(const char *name, ng_csv_record_cb cb, void *user, ng_diag *d);
ng_status ng_csvr_feed(ng_csvr *r, const void *buf, size_t len);
/* The end of the input: delivers the last record. */
ng_status ng_csvr_finish(ng_csvr *r);
void ng_csvr_free(ng_csvr *r); /* NULL-safe */

/* Reads f to its end in fixed-size chunks through a reader. */
ng_status ng_csvr_read_stream(FILE *f, const char *name, ng_csv_record_cb cb, void *user,
                              ng_diag *d);

#endif
