#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void ng_progress_init(ng_progress *p, int enabled, double total_bytes, int passes)
{
    memset(p, 0, sizeof *p);
    p->enabled = enabled;
    p->total = total_bytes;
    p->passes = passes > 0 ? passes : 1;
    p->pass = 1;
    /* NG_PROGRESS_INTERVAL: seconds between refreshes (tests use 0) */
    const char *iv = getenv("NG_PROGRESS_INTERVAL");
    p->interval = iv && *iv ? atof(iv) : 0.25;
    clock_gettime(CLOCK_MONOTONIC, &p->started);
    p->shown = p->started;
}

void ng_progress_pass(ng_progress *p, int pass)
{
    p->pass = pass;
    p->bytes = 0;
    p->docs = 0;
}

static void show(ng_progress *p, const struct timespec *now)
{
    double elapsed = seconds_between(&p->started, now);
    double done = (p->pass - 1) * p->total + p->bytes; /* bytes over all passes */
    double rate = elapsed > 0 ? done / elapsed : 0;
    char eta[32] = "";
    if (p->total > 0 && rate > 0) {
        double left = (p->passes * p->total - done) / rate;
        snprintf(eta, sizeof eta, ", ETA %d:%02d", (int)(left / 60), (int)left % 60);
    }
    char of[32] = "";
    if (p->total > 0)
        snprintf(of, sizeof of, " of %.1f", p->total / 1e6);
    /* \r and "erase to end of line": the line is rewritten in place */
    fprintf(stderr, "\rnewsgraph: pass %d/%d: %zu documents, %.1f%s MB, %.1f MB/s%s\033[K",
            p->pass, p->passes, p->docs, p->bytes / 1e6, of, rate / 1e6, eta);
    fflush(stderr);
    p->dirty = 1;
    p->shown = *now;
}

void ng_progress_doc(ng_progress *p, size_t bytes)
{
    if (!p->enabled)
        return;
    p->docs++;
    p->bytes += (double)bytes;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (seconds_between(&p->shown, &now) >= p->interval)
        show(p, &now);
}

void ng_progress_done(ng_progress *p)
{
    if (p->enabled && p->dirty) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->dirty = 0;
}
