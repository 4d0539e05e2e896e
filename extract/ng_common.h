/* Status codes and error reports shared by every newsgraph module.
 *
 * Library code (extract/, graph/) never prints and never exits: it returns an
 * ng_status and, where a caller passes one, fills an ng_error with a sentence
 * that names the file and line or record.  cmd/ decides what to print. */
#ifndef NG_COMMON_H
#define NG_COMMON_H

#include <stddef.h>

typedef enum {
    NG_OK = 0,
    NG_ENOMEM,    /* an allocation failed */
    NG_EIO,       /* reading or writing failed */
    NG_EINPUT,    /* the input is malformed (a data file, a CSV record, ...) */
    NG_EUSAGE,    /* the caller asked for something that makes no sense */
    NG_EINTERNAL  /* a library (igraph, libxml2) reported an error */
} ng_status;

/* A short static description of a status, like csv_strerror(). */
const char *ng_strerror(ng_status s);

/* A message for the user, filled by functions that take one.  Always
 * NUL-terminated; empty when nothing went wrong. */
typedef struct {
    char msg[512];
} ng_error;

/* Fill err (when not NULL) printf-style and return status s. */
ng_status ng_fail(ng_error *err, ng_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
