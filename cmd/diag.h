/* Messages for the user: the only place in newsgraph that prints to stderr.
 *
 * Every message is one line "newsgraph: ..." (the prefix and the newline are
 * added here; control characters in file names are shown as '?', so a
 * message stays one line).  The function that detects a problem reports it
 * and returns a status; its callers only pass the status up. */
#ifndef NG_DIAG_H
#define NG_DIAG_H

#include <stdio.h>
#include "ng_common.h"

typedef struct {
    FILE *out;       /* where messages go; NULL prints nothing (fuzzers) */
    int quiet;       /* --quiet: warnings are counted, not printed; no summary */
    int strict;      /* --strict: the first warning is fatal */
    size_t warnings; /* warnings reported so far */
} ng_diag;

/* An error: always printed.  Returns s, so that callers can write
 * `return ng_diag_error(d, NG_EIO, "%s: %s", path, strerror(errno));`. */
ng_status ng_diag_error(ng_diag *d, ng_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A warning: the input is usable but not as it should be.  Returns NG_OK to
 * go on, or NG_EINPUT under --strict (the line then ends "(an error with
 * --strict)" instead of "; skipped", and is printed even with --quiet). */
ng_status ng_diag_warn(ng_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Information such as the summary line: not printed with --quiet. */
void ng_diag_note(ng_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The exit status for a status: 0 ok, 2 usage error, 1 anything else. */
int ng_diag_exit_code(ng_status s);

#endif
