/* The two extraction passes on worker threads: a bounded, ordered pipeline.
 *
 *   calling thread:  read documents -> fill batch s -> queue it -> ... ->
 *                    take batch s back when done -> absorb / emit triples
 *   worker threads:  take the oldest queued batch -> learn or extract it
 *
 * Batches live in a ring of 2 x jobs slots; batch s uses slot s % nslots.
 * The caller fills one slot while the others are queued, being worked on or
 * done, and it empties them strictly in order, so a slot is reused only
 * after its batch was emitted.  With jobs = 1 no thread is started and each
 * batch is worked on and emitted as soon as it is sealed: the same batches,
 * the same learned state, the same output. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"
#include "parallel.h"

/* ---- buffers ---- */

typedef struct {
    char *p;
    size_t n, cap;
} bytes;

/* Makes room for len more bytes and a NUL. */
static int bytes_reserve(bytes *b, size_t len)
{
    if (len > SIZE_MAX - b->n - 1)
        return -1;
    size_t need = b->n + len + 1;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < need)
            cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    return 0;
}

/* Appends len bytes and a NUL; *off is where they start. */
static int bytes_put(bytes *b, const char *s, size_t len, size_t *off)
{
    if (bytes_reserve(b, len) != 0)
        return -1;
    if (len)
        memcpy(b->p + b->n, s, len);
    b->p[b->n + len] = '\0';
    *off = b->n;
    b->n += len + 1;
    return 0;
}

/* Empties b for reuse; a buffer a very large document grew is given back. */
static void bytes_clear(bytes *b)
{
    if (b->cap > 2 * (size_t)NG_PAR_BATCH_BYTES) {
        free(b->p);
        *b = (bytes){0};
    }
    b->n = 0;
}

/* Appends len bytes read from f and a NUL; *off is where they start. */
static int bytes_read(bytes *b, FILE *f, size_t len, size_t *off)
{
    if (bytes_reserve(b, len) != 0 || (len && fread(b->p + b->n, 1, len, f) != len))
        return -1;
    b->p[b->n + len] = '\0';
    *off = b->n;
    b->n += len + 1;
    return 0;
}

/* Makes room for one more element in *v (n used of *cap). */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 64;
    if (c > SIZE_MAX / size)
        return -1;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

/* ---- batches ---- */

/* Strings are kept as offsets into the batch's buffer, which may move while
 * it grows; pointers are made when a document or triple is handed on. */
typedef struct {
    size_t id, date, title, text, len;
    int yields; /* pass 1: may yield triples; pass 2: to be extracted */
    /* its triples were found in pass 1 (ng_extractor_extract_learned):
     * what they rest on (deps_len bytes at deps), and in pass 2 where they
     * are among the batch's stored triples */
    int found_early;
    size_t deps, deps_len;
    size_t stored_begin, stored_end;
} doc_ref;

typedef struct {
    size_t doc, date, subject, subject_type, relation, object, object_type, rule, evidence;
    size_t evidence_len, sentence, start, end;
    ng_modality modality;
} triple_ref;

/* Triples, their strings in a buffer of their own. */
typedef struct {
    bytes buf;
    triple_ref *t;
    size_t n, cap;
    int failed; /* a triple could not be kept (out of memory) */
} triples;

typedef enum { SLOT_FREE, SLOT_QUEUED, SLOT_DONE } slot_state;

typedef struct {
    slot_state state;     /* guarded by the pipeline's mutex once queued */
    bytes docbuf;
    doc_ref *docs;
    size_t ndocs, cap_docs;
    /* results, written by the worker that took the batch */
    ng_status status;     /* NG_OK, or why document `failed` stopped the batch */
    size_t failed;
    ng_extractor *learned; /* pass 1: what this batch learned */
    size_t sentences;      /* pass 1: sentences of its documents */
    triples found;        /* the triples of the batch's documents */
    size_t *doc_end;      /* the triples of document i end at doc_end[i] */
    size_t cap_doc_end;
    bytes depbuf;         /* the documents' deps */
    triples stored;       /* pass 2: what pass 1 found, from the spill */
} batch;

static ng_doc doc_of(const batch *b, size_t i)
{
    const doc_ref *r = &b->docs[i];
    const char *p = b->docbuf.p;
    ng_doc doc = {p + r->id, p + r->date, p + r->title, p + r->text, r->len};
    return doc;
}

static ng_triple triple_of(const triples *l, size_t i)
{
    const triple_ref *r = &l->t[i];
    const char *p = l->buf.p;
    ng_triple t = {p + r->doc,        p + r->date,     p + r->subject,    p + r->subject_type,
                   p + r->relation,   p + r->object,   p + r->object_type, r->modality,
                   r->sentence,       r->start,        r->end,            p + r->rule,
                   p + r->evidence,   r->evidence_len};
    return t;
}

/* A document the plan skips is kept without its text. */
static int batch_add_doc(batch *b, const ng_doc *doc, int yields)
{
    doc_ref r = {0};
    r.len = yields ? doc->len : 0;
    r.yields = yields;
    r.stored_begin = r.stored_end = b->stored.n;
    if (grow((void **)&b->docs, &b->cap_docs, b->ndocs, sizeof *b->docs) ||
        bytes_put(&b->docbuf, doc->id, strlen(doc->id), &r.id) ||
        bytes_put(&b->docbuf, doc->date, strlen(doc->date), &r.date) ||
        bytes_put(&b->docbuf, doc->title, strlen(doc->title), &r.title) ||
        bytes_put(&b->docbuf, doc->text, r.len, &r.text))
        return -1;
    b->docs[b->ndocs++] = r;
    return 0;
}

static int batch_full(const batch *b)
{
    return b->ndocs >= NG_PAR_BATCH_DOCS || b->docbuf.n >= NG_PAR_BATCH_BYTES;
}

/* The extractor's callback (user: a triples list), on a worker thread. */
static int keep_triple(const ng_triple *t, void *user)
{
    triples *l = user;
    triple_ref r;
    bytes *s = &l->buf;
    if (grow((void **)&l->t, &l->cap, l->n, sizeof *l->t) ||
        bytes_put(s, t->doc, strlen(t->doc), &r.doc) ||
        bytes_put(s, t->date, strlen(t->date), &r.date) ||
        bytes_put(s, t->subject, strlen(t->subject), &r.subject) ||
        bytes_put(s, t->subject_type, strlen(t->subject_type), &r.subject_type) ||
        bytes_put(s, t->relation, strlen(t->relation), &r.relation) ||
        bytes_put(s, t->object, strlen(t->object), &r.object) ||
        bytes_put(s, t->object_type, strlen(t->object_type), &r.object_type) ||
        bytes_put(s, t->rule, strlen(t->rule), &r.rule) ||
        bytes_put(s, t->evidence, t->evidence_len, &r.evidence)) {
        l->failed = 1;
        return 1;
    }
    r.evidence_len = t->evidence_len;
    r.modality = t->modality;
    r.sentence = t->sentence;
    r.start = t->start;
    r.end = t->end;
    l->t[l->n++] = r;
    return 0;
}

/* Pass 2: what pass 1 found for the document just added (deps_len
 * bytes of deps, and its triples), from the spill. */
static int batch_add_early(batch *b, const char *deps, size_t deps_len, const triples *found)
{
    doc_ref *r = &b->docs[b->ndocs - 1];
    if (bytes_put(&b->depbuf, deps, deps_len, &r->deps) != 0)
        return -1;
    for (size_t t = 0; t < found->n; t++) {
        ng_triple tr = triple_of(found, t);
        if (keep_triple(&tr, &b->stored))
            return -1;
    }
    r->deps_len = deps_len;
    r->stored_end = b->stored.n;
    r->found_early = 1;
    return 0;
}

static void triples_reset(triples *l)
{
    bytes_clear(&l->buf);
    l->n = 0;
    l->failed = 0;
}

static void triples_free(triples *l)
{
    free(l->buf.p);
    free(l->t);
}

/* Emptied for reuse; buffers a very large document made are given back. */
static void batch_reset(batch *b)
{
    bytes_clear(&b->docbuf);
    bytes_clear(&b->depbuf);
    triples_reset(&b->found);
    triples_reset(&b->stored);
    b->ndocs = 0;
    b->status = NG_OK;
    b->failed = 0;
    ng_extractor_free(b->learned);
    b->learned = NULL;
    b->sentences = 0;
    b->state = SLOT_FREE;
}

static void batch_free(batch *b)
{
    ng_extractor_free(b->learned);
    free(b->docbuf.p);
    free(b->docs);
    triples_free(&b->found);
    triples_free(&b->stored);
    free(b->depbuf.p);
    free(b->doc_end);
}

/* ---- the pipeline ---- */

typedef struct pipeline pipeline;

typedef struct {
    pipeline *pl;
    size_t i; /* which extractor of pl->wx */
} worker;

struct pipeline {
    const ng_par *p;
    int learn;              /* pass 1 */
    ng_extractor *learned;  /* pass 1: batches are absorbed into it */
    const ng_extractor *from; /* pass 2: the learned state the workers copy */
    ng_par_plan *plan_out;  /* pass 1: filled in input order */
    ng_extractor **wx;      /* pass 2: one extractor per worker */
    size_t nwx;
    batch *slots;
    size_t nslots;
    worker *workers;
    pthread_t *threads;
    size_t nthreads;        /* started; 0: work on the calling thread */
    int sync_ready;
    pthread_mutex_t mu;
    pthread_cond_t work;    /* a batch was queued, or quit */
    pthread_cond_t done;    /* a batch is done */
    /* Batch numbers.  Batch `queued` is being filled; those before it are
     * queued.  `taken` is the next one a worker takes (guarded by mu), and
     * those before `emitted` are emitted and their slots free.  Only the
     * calling thread writes queued and emitted. */
    size_t queued, taken, emitted;
    int quit;               /* guarded by mu */
};

/* A mutex or condition call fails only when the program is wrong (an
 * uninitialised or foreign object); nothing sensible can go on then. */
static void check(int rc, const char *what)
{
    if (rc != 0) {
        fprintf(stderr, "newsgraph: internal error: %s: %s\n", what, strerror(rc));
        abort();
    }
}

static void lock(pipeline *pl)
{
    check(pthread_mutex_lock(&pl->mu), "pthread_mutex_lock");
}

static void unlock(pipeline *pl)
{
    check(pthread_mutex_unlock(&pl->mu), "pthread_mutex_unlock");
}

static batch *slot(const pipeline *pl, size_t seq)
{
    return &pl->slots[seq % pl->nslots];
}

/* Pass 1, after learning a document that may yield triples: its triples
 * as far as this batch has learned, and what they rest on, so that pass 2
 * need not read it again unless the whole corpus answers otherwise. */
static ng_status find_early(batch *b, size_t i, ng_extractor *x)
{
    size_t len;
    const char *deps = ng_extractor_deps(x, &len);
    if (!deps)
        return NG_OK; /* pass 2 extracts it */
    ng_status s = ng_extractor_extract_learned(x, keep_triple, &b->found);
    if (s)
        return b->found.failed ? NG_ENOMEM : s;
    if (bytes_put(&b->depbuf, deps, len, &b->docs[i].deps) != 0)
        return NG_ENOMEM;
    b->docs[i].deps_len = len;
    b->docs[i].found_early = 1;
    return NG_OK;
}

/* Pass 2: what pass 1 found stands when the whole corpus answers its
 * questions the same (ng_extractor_deps_hold); else the document is
 * extracted again. */
static ng_status extract_late(batch *b, size_t i, ng_extractor *x)
{
    const doc_ref *r = &b->docs[i];
    if (r->found_early && ng_extractor_deps_hold(x, b->depbuf.p + r->deps, r->deps_len)) {
        for (size_t t = r->stored_begin; t < r->stored_end; t++) {
            ng_triple tr = triple_of(&b->stored, t);
            if (keep_triple(&tr, &b->found))
                return NG_ENOMEM;
        }
        return NG_OK;
    }
    ng_doc doc = doc_of(b, i);
    ng_status s = ng_extract_doc(x, &doc, keep_triple, &b->found);
    return s && b->found.failed ? NG_ENOMEM : s;
}

/* Learns or extracts every document of b; stops at the first failure. */
static void run_batch(pipeline *pl, batch *b, ng_extractor *x)
{
    if (pl->learn) /* A fresh extractor per batch: see parallel.h. */
        x = b->learned = ng_extractor_new(pl->p->k);
    if (b->cap_doc_end < b->ndocs) {
        size_t *v = realloc(b->doc_end, b->ndocs * sizeof *v);
        if (v) {
            b->doc_end = v;
            b->cap_doc_end = b->ndocs;
        }
    }
    if (!x || b->cap_doc_end < b->ndocs) {
        b->status = NG_ENOMEM;
        b->failed = 0;
        return;
    }
    for (size_t i = 0; i < b->ndocs; i++) {
        ng_doc doc = doc_of(b, i);
        ng_status s = NG_OK;
        if (pl->learn) {
            s = ng_extractor_learn(x, &doc);
            b->docs[i].yields = ng_extractor_may_yield(x);
            b->sentences += ng_extractor_sentences(x);
            if (s == NG_OK && b->docs[i].yields)
                s = find_early(b, i, x);
        } else if (b->docs[i].yields) {
            s = extract_late(b, i, x);
        }
        b->doc_end[i] = b->found.n;
        if (s) {
            b->status = s;
            b->failed = i;
            return;
        }
    }
}

/* ---- the spill: pass 1 hands the documents to pass 2 ---- */

/* One document in the temporary file: this head, then its id, date and
 * title; then, when it may yield triples, its text, and when pass 1 found
 * its triples, its deps and those triples. */
typedef struct {
    uint64_t text_len; /* as read, for progress */
    uint64_t deps_len;
    uint32_t id_len, date_len, title_len;
    uint32_t yields;
    uint32_t found_early;
    uint32_t ntriples;
} spill_head;

/* A triple in the temporary file: this head, then its strings. */
enum { TRIPLE_STRINGS = 9 };
typedef struct {
    uint64_t sentence, start, end;
    uint32_t len[TRIPLE_STRINGS];
    uint32_t modality;
} spill_triple;

/* The strings of a triple_ref, in the order of spill_triple.len. */
static void triple_strings(triple_ref *r, size_t *at[TRIPLE_STRINGS])
{
    size_t *fields[TRIPLE_STRINGS] = {&r->doc,      &r->date,   &r->subject,
                                      &r->subject_type, &r->relation, &r->object,
                                      &r->object_type,  &r->rule,     &r->evidence};
    memcpy(at, fields, sizeof fields);
}

static int put_bytes(FILE *f, const char *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, f) == n ? 0 : -1;
}

static int spill_triples(FILE *f, const triples *l, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        triple_ref r = l->t[i];
        size_t *at[TRIPLE_STRINGS];
        triple_strings(&r, at);
        spill_triple h = {r.sentence, r.start, r.end, {0}, (uint32_t)r.modality};
        for (size_t k = 0; k < TRIPLE_STRINGS; k++) {
            size_t n = k == TRIPLE_STRINGS - 1 ? r.evidence_len : strlen(l->buf.p + *at[k]);
            if (n > UINT32_MAX) {
                errno = EOVERFLOW;
                return -1;
            }
            h.len[k] = (uint32_t)n;
        }
        if (put_bytes(f, (const char *)&h, sizeof h))
            return -1;
        for (size_t k = 0; k < TRIPLE_STRINGS; k++)
            if (put_bytes(f, l->buf.p + *at[k], h.len[k]))
                return -1;
    }
    return 0;
}

/* Document i of batch b, whose triples pass 1 found end at
 * b->doc_end[i]. */
static int spill_doc(FILE *f, const batch *b, size_t i)
{
    ng_doc doc = doc_of(b, i);
    const doc_ref *r = &b->docs[i];
    size_t id = strlen(doc.id), date = strlen(doc.date), title = strlen(doc.title);
    size_t first = i ? b->doc_end[i - 1] : 0, ntriples = b->doc_end[i] - first;
    if (id > UINT32_MAX || date > UINT32_MAX || title > UINT32_MAX || ntriples > UINT32_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    spill_head h = {doc.len, r->deps_len, (uint32_t)id, (uint32_t)date, (uint32_t)title,
                    r->yields != 0, r->found_early != 0, (uint32_t)ntriples};
    return put_bytes(f, (const char *)&h, sizeof h) || put_bytes(f, doc.id, id) ||
                   put_bytes(f, doc.date, date) || put_bytes(f, doc.title, title) ||
                   (r->yields && put_bytes(f, doc.text, doc.len)) ||
                   (r->found_early && (put_bytes(f, b->depbuf.p + r->deps, r->deps_len) ||
                                       spill_triples(f, &b->found, first, b->doc_end[i])))
               ? -1
               : 0;
}

/* Pass 1, in input order: the batch's documents go to the spill. */
static ng_status spill_batch(const pipeline *pl, const batch *b)
{
    ng_par_plan *plan = pl->plan_out;
    for (size_t i = 0; i < b->ndocs; i++) {
        if (spill_doc(plan->spill, b, i) != 0)
            return ng_diag_error(pl->p->d, NG_EIO, "cannot write a temporary file in %s: %s",
                                 plan->dir, strerror(errno));
        plan->ndocs++;
    }
    plan->sentences += b->sentences;
    return NG_OK;
}

ng_status ng_par_plan_open(ng_par_plan *plan, ng_diag *d)
{
    *plan = (ng_par_plan){0};
    plan->dir = ng_tmpdir();
    char *path = ng_path_join(plan->dir, "newsgraph-pass-XXXXXX");
    if (!path)
        return ng_diag_error(d, NG_ENOMEM, "out of memory");
    /* Unlinked at once, so it is gone when closed however the run ends;
     * signals wait until then, or one could leave the name behind. */
    sigset_t old;
    int masked = ng_signals_hold(&old);
    int fd = mkstemp(path);
    int err = errno;
    if (fd >= 0)
        unlink(path);
    if (masked)
        ng_signals_release(&old);
    free(path);
    if (fd < 0 || !(plan->spill = fdopen(fd, "w+b"))) {
        if (fd >= 0) {
            err = errno;
            close(fd);
        }
        return ng_diag_error(d, NG_EIO, "cannot create a temporary file in %s: %s", plan->dir,
                             strerror(err));
    }
    setvbuf(plan->spill, NULL, _IOFBF, 1 << 20); /* fewer system calls; optional */
    return NG_OK;
}

void ng_par_plan_free(ng_par_plan *plan)
{
    if (plan->spill)
        fclose(plan->spill);
    plan->spill = NULL;
}

/* On the calling thread, in input order: what the batch learned joins the
 * rest, or its triples go to the callbacks.  Reports a failure as the
 * one-thread run would have, at the same document. */
static ng_status emit(pipeline *pl, batch *b)
{
    const ng_par *p = pl->p;
    size_t n = b->status ? b->failed + 1 : b->ndocs;
    ng_status s = NG_OK;
    if (pl->learn && b->status == NG_OK) {
        if ((s = ng_extractor_absorb(pl->learned, b->learned)) != NG_OK)
            s = ng_diag_error(p->d, s, "learning roles failed: %s", ng_strerror(s));
        else
            s = spill_batch(pl, b);
    } else if (!pl->learn) {
        size_t t = 0;
        for (size_t i = 0; s == NG_OK && i < n; i++) {
            ng_doc doc = doc_of(b, i);
            s = p->on_doc(&doc, p->user);
            for (; s == NG_OK && t < b->doc_end[i]; t++) {
                ng_triple tr = triple_of(&b->found, t);
                s = p->on_triple(&tr, p->user);
            }
        }
    }
    if (s == NG_OK && b->status) {
        const char *id = doc_of(b, b->failed).id; /* a batch is never empty */
        if (b->status == NG_ENOMEM)
            s = ng_diag_error(p->d, b->status, "%s: out of memory", id);
        else
            s = ng_diag_error(p->d, b->status, "%s: %s failed: %s", id,
                              pl->learn ? "learning roles" : "extraction",
                              ng_strerror(b->status));
    }
    batch_reset(b);
    return s;
}

/* Emits the done batches at the head of the queue, in order, waiting for
 * them while more than max_in_flight batches are queued. */
static ng_status drain(pipeline *pl, size_t max_in_flight)
{
    while (pl->emitted < pl->queued) {
        batch *b = slot(pl, pl->emitted);
        int wait = pl->queued - pl->emitted > max_in_flight, ready;
        lock(pl);
        while (wait && b->state != SLOT_DONE)
            check(pthread_cond_wait(&pl->done, &pl->mu), "pthread_cond_wait");
        ready = b->state == SLOT_DONE;
        unlock(pl);
        if (!ready)
            return NG_OK;
        pl->emitted++;
        ng_status s = emit(pl, b);
        if (s)
            return s;
    }
    return NG_OK;
}

/* Hands the batch being filled to the workers (or works on it now, with no
 * workers), then makes sure the next batch has a free slot. */
static ng_status seal(pipeline *pl)
{
    batch *b = slot(pl, pl->queued);
    if (b->ndocs == 0)
        return NG_OK;
    if (pl->nthreads == 0) {
        run_batch(pl, b, pl->nwx ? pl->wx[0] : NULL);
        pl->queued++;
        pl->emitted++;
        return emit(pl, b);
    }
    lock(pl);
    b->state = SLOT_QUEUED;
    pl->queued++;
    check(pthread_cond_signal(&pl->work), "pthread_cond_signal");
    unlock(pl);
    return drain(pl, pl->nslots - 1);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    pipeline *pl = w->pl;
    for (;;) {
        lock(pl);
        while (!pl->quit && pl->taken == pl->queued)
            check(pthread_cond_wait(&pl->work, &pl->mu), "pthread_cond_wait");
        if (pl->quit) {
            unlock(pl);
            return NULL;
        }
        batch *b = slot(pl, pl->taken++);
        unlock(pl);
        run_batch(pl, b, pl->nwx ? pl->wx[w->i] : NULL);
        lock(pl);
        b->state = SLOT_DONE;
        check(pthread_cond_signal(&pl->done), "pthread_cond_signal");
        unlock(pl);
    }
}

/* What pass 1 found for a document, read back from the spill. */
typedef struct {
    const char *deps;
    size_t deps_len;
    const triples *found;
} early;

/* A copy of the document joins the batch being filled (without its text
 * when it cannot yield triples, with what pass 1 found when e is not NULL);
 * read counts the text for progress. */
static ng_status queue_doc(pipeline *pl, const ng_doc *doc, int yields, const early *e,
                           size_t read)
{
    if (pl->p->on_read)
        pl->p->on_read(read, pl->p->user);
    batch *b = slot(pl, pl->queued);
    if (batch_add_doc(b, doc, yields) != 0 ||
        (e && batch_add_early(b, e->deps, e->deps_len, e->found) != 0))
        return ng_diag_error(pl->p->d, NG_ENOMEM, "%s: out of memory", doc->id);
    return batch_full(b) ? seal(pl) : NG_OK;
}

/* Pass 1: the reader's callback. */
static ng_status take_doc(const ng_doc *doc, void *user)
{
    return queue_doc(user, doc, 1, NULL, doc->len);
}

/* Reads n triples of the spill into l. */
static int read_triples(FILE *f, triples *l, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        spill_triple h;
        triple_ref r;
        size_t *at[TRIPLE_STRINGS];
        triple_strings(&r, at);
        if (fread(&h, 1, sizeof h, f) != sizeof h || h.modality >= NG_MOD_COUNT ||
            grow((void **)&l->t, &l->cap, l->n, sizeof *l->t))
            return -1;
        for (size_t k = 0; k < TRIPLE_STRINGS; k++)
            if (bytes_read(&l->buf, f, h.len[k], at[k]))
                return -1;
        r.evidence_len = h.len[TRIPLE_STRINGS - 1];
        r.modality = (ng_modality)h.modality;
        r.sentence = (size_t)h.sentence;
        r.start = (size_t)h.start;
        r.end = (size_t)h.end;
        l->t[l->n++] = r;
    }
    return 0;
}

/* Pass 2: the documents of the spill, in input order; every one pass 1
 * wrote, or an error. */
static ng_status read_spill(pipeline *pl, const ng_par_plan *plan)
{
    FILE *f = plan->spill;
    bytes buf = {0};
    triples found = {0};
    ng_status s = NG_OK;
    size_t ndocs = 0;
    if (fflush(f) != 0) /* the last writes of pass 1 */
        return ng_diag_error(pl->p->d, NG_EIO, "cannot write a temporary file in %s: %s",
                             plan->dir, strerror(errno));
    errno = 0;
    if (fseek(f, 0, SEEK_SET) != 0)
        s = NG_EIO;
    for (spill_head h; s == NG_OK; ndocs++) {
        size_t got = fread(&h, 1, sizeof h, f), id, date, title, text = 0, deps = 0;
        if (got == 0 && !ferror(f))
            break; /* the end */
        buf.n = 0;
        triples_reset(&found);
        if (got != sizeof h || h.text_len > SIZE_MAX || h.deps_len > SIZE_MAX ||
            bytes_read(&buf, f, h.id_len, &id) || bytes_read(&buf, f, h.date_len, &date) ||
            bytes_read(&buf, f, h.title_len, &title) ||
            bytes_read(&buf, f, h.yields ? (size_t)h.text_len : 0, &text) ||
            (h.found_early && (bytes_read(&buf, f, (size_t)h.deps_len, &deps) ||
                               read_triples(f, &found, h.ntriples)))) {
            s = NG_EIO;
            break;
        }
        ng_doc doc = {buf.p + id, buf.p + date, buf.p + title, buf.p + text,
                      h.yields ? (size_t)h.text_len : 0};
        early e = {buf.p + deps, (size_t)h.deps_len, &found};
        if ((s = queue_doc(pl, &doc, (int)h.yields, h.found_early ? &e : NULL,
                           (size_t)h.text_len)) != NG_OK)
            goto done; /* reported */
    }
    if (s != NG_OK || ndocs != plan->ndocs)
        s = ng_diag_error(pl->p->d, NG_EIO, "cannot read back a temporary file in %s: %s",
                          plan->dir, errno ? strerror(errno) : "it is shorter than written");
done:
    free(buf.p);
    triples_free(&found);
    return s;
}

/* Signals are for the calling thread (outfile.c's clean-up), so the workers
 * start with them blocked. */
static void start_threads(pipeline *pl, size_t jobs)
{
    sigset_t old;
    if (!(pl->threads = calloc(jobs, sizeof *pl->threads)) ||
        !(pl->workers = calloc(jobs, sizeof *pl->workers)))
        return;
    int masked = ng_signals_hold(&old);
    for (size_t i = 0; i < jobs; i++) {
        pl->workers[i] = (worker){pl, i};
        if (pthread_create(&pl->threads[i], NULL, worker_main, &pl->workers[i]) != 0)
            break; /* run with the threads there are (or none) */
        pl->nthreads++;
    }
    if (masked)
        ng_signals_release(&old);
}

static void stop_threads(pipeline *pl)
{
    if (pl->nthreads) {
        lock(pl);
        pl->quit = 1;
        check(pthread_cond_broadcast(&pl->work), "pthread_cond_broadcast");
        unlock(pl);
        for (size_t i = 0; i < pl->nthreads; i++)
            check(pthread_join(pl->threads[i], NULL), "pthread_join");
        pl->nthreads = 0;
    }
}

static void pipeline_free(pipeline *pl)
{
    stop_threads(pl);
    if (pl->sync_ready) {
        check(pthread_cond_destroy(&pl->work), "pthread_cond_destroy");
        check(pthread_cond_destroy(&pl->done), "pthread_cond_destroy");
        check(pthread_mutex_destroy(&pl->mu), "pthread_mutex_destroy");
    }
    for (size_t i = 0; pl->slots && i < pl->nslots; i++)
        batch_free(&pl->slots[i]);
    for (size_t i = 0; i < pl->nwx; i++)
        ng_extractor_free(pl->wx[i]);
    free(pl->wx);
    free(pl->slots);
    free(pl->threads);
    free(pl->workers);
}

static ng_status init_sync(pipeline *pl)
{
    int rc = pthread_mutex_init(&pl->mu, NULL);
    if (rc == 0 && (rc = pthread_cond_init(&pl->work, NULL)) != 0)
        pthread_mutex_destroy(&pl->mu);
    if (rc == 0 && (rc = pthread_cond_init(&pl->done, NULL)) != 0) {
        pthread_cond_destroy(&pl->work);
        pthread_mutex_destroy(&pl->mu);
    }
    pl->sync_ready = rc == 0;
    return rc == 0 ? NG_OK : NG_ENOMEM;
}

/* One pass: pass 1 reads the inputs, learns into `into` and fills
 * plan_out; pass 2 reads plan's spill and extracts with copies of `from`
 * (absorbed into every worker's extractor). */
static ng_status run_pass(const ng_par *p, ng_extractor *into, const ng_extractor *from,
                          ng_par_plan *plan, const ng_inputs *in, const ng_read_opts *ro,
                          ng_read_stats *st)
{
    size_t jobs = p->jobs ? p->jobs : 1;
    int learn = into != NULL;
    pipeline pl = {.p = p, .learn = learn, .learned = into, .from = from, .plan_out = plan};
    ng_status s = NG_OK;
    pl.nslots = jobs == 1 ? 1 : 2 * jobs;
    if (!(pl.slots = calloc(pl.nslots, sizeof *pl.slots)))
        s = NG_ENOMEM;
    if (s == NG_OK && !learn) {
        /* Each worker extractor absorbs the same learned state, so every
         * worker resolves a document as any other would. */
        if (!(pl.wx = calloc(jobs, sizeof *pl.wx)))
            s = NG_ENOMEM;
        for (; s == NG_OK && pl.nwx < jobs; pl.nwx++) {
            if (!(pl.wx[pl.nwx] = ng_extractor_new(p->k)))
                s = NG_ENOMEM;
            else
                s = ng_extractor_absorb(pl.wx[pl.nwx], from);
        }
    }
    if (s == NG_OK && jobs > 1 && (s = init_sync(&pl)) == NG_OK)
        start_threads(&pl, jobs);
    if (s) {
        pipeline_free(&pl);
        return ng_diag_error(p->d, s, "cannot start the extraction: %s", ng_strerror(s));
    }
    if (learn)
        s = ng_inputs_each_doc(in, ro, take_doc, &pl, st, p->d);
    else
        s = read_spill(&pl, plan);
    if (s == NG_OK)
        s = seal(&pl);
    if (s == NG_OK)
        s = drain(&pl, 0);
    pipeline_free(&pl);
    return s;
}

ng_status ng_par_learn(const ng_par *p, const ng_inputs *in, const ng_read_opts *ro,
                       ng_read_stats *st, ng_extractor *learned, ng_par_plan *plan)
{
    return run_pass(p, learned, NULL, plan, in, ro, st);
}

ng_status ng_par_extract(const ng_par *p, const ng_extractor *learned, ng_par_plan *plan)
{
    return run_pass(p, NULL, learned, plan, NULL, NULL, NULL);
}

size_t ng_par_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (size_t)n;
}
