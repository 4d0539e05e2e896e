/* Output files that are never half-written.
 *
 * A regular file is written to a temporary file beside it
 * ("DIR/.NAME.XXXXXX"), flushed, fsync'ed and closed, and only then renamed
 * over the target; until ng_out_commit the old file is untouched.  Standard
 * output ("-") and special files (/dev/full, /dev/stdout, a FIFO) cannot be
 * replaced, so they are written directly.
 *
 * Life cycle: ng_out_open, write to o->f, ng_out_close, ng_out_commit; on any
 * error ng_out_discard, which also removes the temporary file.  Several
 * outputs can be closed first and committed together, so that an error leaves
 * every target as it was.  While a temporary file exists, SIGINT, SIGTERM and
 * SIGHUP remove it before the program dies. */
#ifndef NG_OUTFILE_H
#define NG_OUTFILE_H

#include <signal.h>
#include <stdio.h>
#include "diag.h"
#include "ng_common.h"

typedef struct {
    char *path;   /* as the user named it, for messages; "<stdout>" for "-" */
    char *target; /* the file that commit replaces (symlinks resolved); NULL when direct */
    char *tmp;    /* the temporary file; NULL when writing directly */
    FILE *f;      /* where to write; NULL once closed */
    int slot;     /* index in the signal handler's list, -1 when none */
} ng_out;

/* Opens path for writing ("-": standard output).  Reports errors. */
ng_status ng_out_open(ng_out *o, const char *path, ng_diag *d);

/* Reports a failed write on o (errno says why) and returns NG_EIO. */
ng_status ng_out_write_error(const ng_out *o, ng_diag *d);

/* Flushes, syncs and closes (standard output is flushed, not closed). */
ng_status ng_out_close(ng_out *o, ng_diag *d);

/* Renames the temporary file over the target; then o holds nothing. */
ng_status ng_out_commit(ng_out *o, ng_diag *d);

/* Closes without reporting, removes the temporary file, frees.  Safe on a
 * zeroed, failed, closed or committed ng_out, and more than once. */
void ng_out_discard(ng_out *o);

/* Where temporary files that belong to no output go: $TMPDIR, else /tmp. */
const char *ng_tmpdir(void);

/* Paths that a signal ending the run removes besides the temporary
 * outputs: files (unlinked), then directories (removed when empty).  The
 * path must stay valid until it is taken off again.  Returns a slot for
 * the matching _remove, or -1 when the table is full (only a signal could
 * then leave the path behind).  Call with the signals held back when the
 * path is created just before. */
int ng_cleanup_file_add(char *path);
int ng_cleanup_dir_add(char *path);
void ng_cleanup_file_remove(int slot);
void ng_cleanup_dir_remove(int slot);

/* Holds back, on this thread, the signals after which the run cleans up and
 * exits (SIGINT, SIGTERM, SIGHUP), for steps a signal must not cut in two
 * (creating a temporary file and recording or unlinking it), and for
 * threads to inherit.  Returns 0 when they could not be held back. */
int ng_signals_hold(sigset_t *old);
void ng_signals_release(const sigset_t *old);

#endif
