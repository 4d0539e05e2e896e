/* The state of one newsgraph run, shared by cli.c (the commands) and
 * outputs.c (where the results go). */
#ifndef NG_RUN_H
#define NG_RUN_H

#include <time.h>
#include "diag.h"
#include "inputs.h"
#include "ng_extract.h"
#include "ng_graph.h"
#include "options.h"
#include "outfile.h"
#include "progress.h"
#include "stats.h"
#include "strset.h"

typedef struct {
    char *path;
    int slot;                     /* ng_cleanup_dir_add's */
} ng_made_dir;

typedef struct {
    char *name;
    size_t count;
} ng_relcount;

typedef struct {
    ng_opts *o;
    ng_diag *d;
    ng_knowledge *k;
    ng_extractor *x;
    ng_graph *g;                  /* build and merge */
    ng_inputs in;
    /* outputs, indexed by format; path[f] NULL when f is not written */
    const char *path[NG_FMT_COUNT];
    char *owned_path[NG_FMT_COUNT];
    ng_out out[NG_FMT_COUNT];
    ng_made_dir *made_dirs;       /* directories -O created, to remove on failure */
    size_t n_made_dirs;
    char *render_dir;             /* svg, png: the private directory of the DOT file */
    int render_slots[2];          /* its cleanup slots: the DOT file, the directory */
    /* extraction */
    int csv_started;              /* the CSV header is written */
    /* counts for the summary */
    size_t docs, triples;
    size_t sentences;             /* of the articles extracted */
    int extracted;                /* articles were read (not triples files) */
    ng_relcount *rels;
    size_t n_rels, cap_rels;
    ng_strset labels;             /* entities whose aliases were added */
    ng_strset doc_ids;            /* merge: documents seen in the triples */
    ng_read_stats stats;
    ng_stats *summary;            /* stats: what is counted instead of written */
    ng_progress progress;
    struct timespec started;
} ng_run;

/* Decides the output paths from -o, -O and -f and refuses an output that is
 * also an input (NG_EUSAGE).  Reports its errors. */
ng_status ng_run_plan_outputs(ng_run *r);

/* Creates the -O directory and opens every output (temporary files). */
ng_status ng_run_open_outputs(ng_run *r);

/* Closes every output, and only when all closed well renames them all over
 * their targets. */
ng_status ng_run_commit_outputs(ng_run *r);

/* On failure: removes the temporary files and the directories -O created. */
void ng_run_discard_outputs(ng_run *r);

#endif
