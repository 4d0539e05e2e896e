/* Progress on stderr for long runs: documents, MB, MB/s and an ETA when the
 * total size is known.  Only when stderr is a terminal and not --quiet; the
 * line is rewritten in place and cleared at the end. */
#ifndef NG_PROGRESS_H
#define NG_PROGRESS_H

#include <stddef.h>
#include <time.h>

typedef struct {
    int enabled;
    int pass, passes;
    double total;        /* bytes of all inputs, 0 when unknown (stdin) */
    double bytes;        /* text read in this pass */
    size_t docs;
    struct timespec started, shown;
    int dirty;           /* a line is on the screen */
    double interval;     /* seconds between refreshes */
} ng_progress;

void ng_progress_init(ng_progress *p, int enabled, double total_bytes, int passes);
void ng_progress_pass(ng_progress *p, int pass);
void ng_progress_doc(ng_progress *p, size_t bytes);
void ng_progress_done(ng_progress *p);

#endif
