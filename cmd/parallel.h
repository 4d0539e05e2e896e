/* The two extraction passes on several threads (--jobs).
 *
 * The calling thread reads the inputs and copies their documents into
 * batches; worker threads, each with its own ng_extractor, learn (pass 1) or
 * extract (pass 2) whole batches; the calling thread takes the results back
 * in input order.  So the output does not depend on the number of threads,
 * and at most 2 x jobs batches are held at once.
 *
 * Pass 1 learns every batch into a fresh extractor and adds (absorbs) the
 * batches into one in input order.  The learned state then depends on the
 * batch boundaries, which depend only on the input, never on the threads:
 * what a document learns can depend on what was learned before it (a role
 * binding names the person in the corpus spelling known so far), so letting
 * each thread learn a share of the corpus would not give the same state for
 * every --jobs.
 *
 * Pass 1 also extracts the documents that may yield triples, with what
 * their batch has learned so far, and keeps the triples with the questions
 * they asked of the learned state (ng_extractor_deps).  Pass 2 uses those
 * triples when the whole corpus answers every question the same, and
 * extracts the document again otherwise, so its output is exactly that of
 * extracting every document after learning them all, for any --jobs.
 *
 * Everything user-visible (messages, callbacks) happens on the calling
 * thread; the workers only touch their batch and their extractor. */
#ifndef NG_PARALLEL_H
#define NG_PARALLEL_H

#include <stdio.h>

#include "diag.h"
#include "inputs.h"
#include "ng_extract.h"

/* A batch is sealed when it holds this many documents or this many bytes. */
enum { NG_PAR_BATCH_DOCS = 256, NG_PAR_BATCH_BYTES = 4 << 20 };

typedef struct {
    const ng_knowledge *k; /* compiled; shared read-only by the workers */
    size_t jobs;           /* worker threads; 1 runs everything on the caller */
    ng_diag *d;
    /* Pass 2, on the calling thread and in input order: once per document
     * (with an empty text when it cannot yield triples), then once per
     * triple of that document.  A status other than NG_OK
     * stops the run; the callback has reported it. */
    ng_status (*on_doc)(const ng_doc *doc, void *user);
    ng_status (*on_triple)(const ng_triple *t, void *user);
    void *user;
    /* Both passes, on the calling thread, as each document is read, with
     * the bytes of its text (for progress); may be NULL. */
    void (*on_read)(size_t bytes, void *user);
} ng_par;

/* What pass 1 hands pass 2: every document in an unlinked temporary file
 * in $TMPDIR (else /tmp), with its text, the triples found in it and what
 * they rest on only when it may yield triples (ng_extractor_may_yield) --
 * most news documents cannot, so pass 2 reads a fraction of the corpus,
 * extracts a fraction of that and parses no input again -- and the number
 * of sentences read.  Inputs are read once, so standard input
 * gets both passes too. */
typedef struct {
    FILE *spill;
    const char *dir;
    size_t ndocs;          /* documents written */
    size_t sentences;
} ng_par_plan;

/* Creates the temporary file.  Reports its errors. */
ng_status ng_par_plan_open(ng_par_plan *plan, ng_diag *d);
void ng_par_plan_free(ng_par_plan *plan);

/* Pass 1: learns every document of in, adds what was learned to learned
 * and fills plan.  Reports its errors. */
ng_status ng_par_learn(const ng_par *p, const ng_inputs *in, const ng_read_opts *ro,
                       ng_read_stats *st, ng_extractor *learned, ng_par_plan *plan);

/* Pass 2: extracts the documents of plan with extractors that have
 * absorbed learned.  Reports its errors. */
ng_status ng_par_extract(const ng_par *p, const ng_extractor *learned, ng_par_plan *plan);

/* The number of online processors, from 1 to 1024: the default --jobs. */
size_t ng_par_default_jobs(void);

#endif
