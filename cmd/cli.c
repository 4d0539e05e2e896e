/* The commands: extract, build, merge.  This file and its neighbours in cmd/
 * own every message and exit status; extract/ and graph/ only return
 * statuses (the jq split). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csvwrite.h"
#include "parallel.h"
#include "run.h"
#include "triples_in.h"

/* ---- knowledge ---- */

/* The library reports unreadable files too, but checking here first gives
 * one consistent message ("FILE: No such file or directory") for every
 * file the user names. */
static ng_status check_data_file(ng_run *r, const char *path)
{
    struct stat st;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return ng_diag_error(r->d, NG_EIO, "%s: %s", path, strerror(errno));
    int ok = fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode);
    close(fd);
    if (!ok)
        return ng_diag_error(r->d, NG_EIO, "%s: is a directory, not a data file", path);
    return NG_OK;
}

static ng_status knowledge_error(ng_run *r, ng_status s, const ng_error *err, const char *what)
{
    if (err->msg[0])
        return ng_diag_error(r->d, s, "%s", err->msg);
    return ng_diag_error(r->d, s, "%s: %s", what, ng_strerror(s));
}

typedef ng_status (*add_file_fn)(ng_knowledge *k, const char *path, ng_error *err);

static ng_status add_files(ng_run *r, const ng_strlist *files, add_file_fn add)
{
    for (size_t i = 0; i < files->n; i++) {
        ng_error err = {""};
        ng_status s = check_data_file(r, files->v[i]);
        if (s == NG_OK && (s = add(r->k, files->v[i], &err)) != NG_OK)
            s = knowledge_error(r, s, &err, files->v[i]);
        if (s)
            return s;
    }
    return NG_OK;
}

/* Built-in data, then the user's files in the order given, then compile. */
static ng_status load_knowledge(ng_run *r)
{
    ng_error err = {""};
    ng_status s;
    if (!(r->k = ng_knowledge_new()))
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    if ((s = ng_knowledge_load_defaults(r->k, &err)) != NG_OK)
        return knowledge_error(r, s, &err, "built-in knowledge");
    if ((s = add_files(r, &r->o->lexicons, ng_knowledge_add_lexicon)) != NG_OK ||
        (s = add_files(r, &r->o->rules, ng_knowledge_add_rules)) != NG_OK ||
        (s = add_files(r, &r->o->titles, ng_knowledge_add_titles)) != NG_OK ||
        (s = add_files(r, &r->o->names, ng_knowledge_add_names)) != NG_OK)
        return s;
    if (r->o->roles) {
        const char *one[1] = {r->o->roles};
        ng_strlist roles = {one, 1};
        if ((s = add_files(r, &roles, ng_knowledge_add_roles)) != NG_OK)
            return s;
    }
    if ((s = ng_knowledge_compile(r->k, &err)) != NG_OK)
        return knowledge_error(r, s, &err, "knowledge");
    return NG_OK;
}

/* ---- triples: counted, written as CSV, added to the graph ---- */

static ng_status count_relation(ng_run *r, const char *name)
{
    for (size_t i = 0; i < r->n_rels; i++) {
        if (strcmp(r->rels[i].name, name) == 0) {
            r->rels[i].count++;
            return NG_OK;
        }
    }
    if (r->n_rels == r->cap_rels) {
        size_t cap = r->cap_rels ? r->cap_rels * 2 : 8;
        ng_relcount *v = realloc(r->rels, cap * sizeof *v);
        if (!v)
            return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
        r->rels = v;
        r->cap_rels = cap;
    }
    if (!(r->rels[r->n_rels].name = strdup(name)))
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    r->rels[r->n_rels++].count = 1;
    return NG_OK;
}

typedef struct {
    ng_graph *g;
    const char *label;
    ng_status s;
} alias_ctx;

static void on_alias(const char *alias, void *user)
{
    alias_ctx *a = user;
    if (a->s == NG_OK)
        a->s = ng_graph_add_alias(a->g, a->label, alias);
}

/* Each entity gets the aliases the lexicon knows, once. */
static ng_status add_aliases(ng_run *r, const char *label)
{
    int added = ng_strset_add(&r->labels, label);
    if (added < 0)
        return NG_ENOMEM;
    alias_ctx a = {r->g, label, NG_OK};
    if (added)
        ng_knowledge_aliases(r->k, label, on_alias, &a);
    return a.s;
}

static ng_status graph_triple(ng_run *r, const ng_triple *t)
{
    ng_status s = ng_graph_add_triple(r->g, t);
    if (s == NG_OK)
        s = add_aliases(r, t->subject);
    if (s == NG_OK)
        s = add_aliases(r, t->object);
    if (s)
        return ng_diag_error(r->d, s, "%s: cannot add a triple to the graph: %s", t->doc,
                             ng_strerror(s));
    return NG_OK;
}

/* The CSV header is written with the first triple (or at the end), so that
 * a run that fails early leaves nothing on standard output. */
static ng_status start_csv(ng_run *r)
{
    ng_out *csv = &r->out[NG_FMT_CSV];
    if (r->csv_started || !csv->f || r->summary)
        return NG_OK;
    r->csv_started = 1;
    return ng_csvw_header(csv->f) != 0 ? ng_out_write_error(csv, r->d) : NG_OK;
}

static ng_status take_triple(const ng_triple *t, void *user)
{
    ng_run *r = user;
    ng_out *csv = &r->out[NG_FMT_CSV];
    if (r->summary) {
        r->triples++;
        return ng_stats_add(r->summary, t) == NG_OK ? NG_OK
                                                    : ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    }
    ng_status s = start_csv(r);
    if (s == NG_OK)
        s = count_relation(r, t->relation);
    r->triples++;
    if (s == NG_OK && csv->f && ng_csvw_triple(csv->f, t) != 0)
        s = ng_out_write_error(csv, r->d);
    if (s == NG_OK && r->g)
        s = graph_triple(r, t);
    return s;
}

/* ---- documents ---- */

static void read_opts_from(const ng_opts *o, ng_read_opts *ro)
{
    memset(ro, 0, sizeof *ro);
    ro->force_csv = o->csv;
    ro->date = o->date ? o->date_iso : NULL;
    ro->id_column = o->id_column;
    ro->date_column = o->date_column;
    ro->title_column = o->title_column;
    ro->text_column = o->text_column;
}

static ng_status count_doc(const ng_doc *doc, void *user)
{
    ng_run *r = user;
    r->docs++;
    if (r->summary && ng_stats_add_doc(r->summary, doc->id, doc->date) != NG_OK)
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    return NG_OK;
}

static void on_read(size_t bytes, void *user)
{
    ng_progress_doc(&((ng_run *)user)->progress, bytes);
}

/* The bytes of every input that is a regular file: 0 when one is not. */
static double total_input_bytes(const ng_inputs *in)
{
    double total = 0;
    for (size_t i = 0; i < in->n; i++) {
        struct stat st;
        if (strcmp(in->v[i].path, "-") == 0 || stat(in->v[i].path, &st) != 0 ||
            !S_ISREG(st.st_mode))
            return 0;
        total += (double)st.st_size;
    }
    return total;
}

/* Role bindings ("the Chinese defence minister") and name spellings are
 * learned from every document before any is extracted: two passes, both on
 * --jobs threads (parallel.h); the first hands the second the documents
 * that may yield triples with what it found in them, so every input,
 * standard input too, is read once and most documents are tokenised once. */
static ng_status extract_all(ng_run *r)
{
    ng_read_opts ro;
    read_opts_from(r->o, &ro);
    if (!(r->x = ng_extractor_new(r->k)))
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    r->extracted = 1;
    ng_progress_init(&r->progress, !r->o->quiet && isatty(STDERR_FILENO),
                     total_input_bytes(&r->in), 2);
    ng_par p = {r->k, r->o->jobs > 0 ? (size_t)r->o->jobs : ng_par_default_jobs(), r->d,
                count_doc, take_triple, r, on_read};
    ng_par_plan plan;
    ng_status s = ng_par_plan_open(&plan, r->d);
    if (s == NG_OK)
        s = ng_par_learn(&p, &r->in, &ro, &r->stats, r->x, &plan);
    if (s == NG_OK) {
        r->sentences = plan.sentences;
        ng_progress_pass(&r->progress, 2);
        s = ng_par_extract(&p, r->x, &plan);
    }
    ng_par_plan_free(&plan);
    ng_progress_done(&r->progress);
    return s;
}

static ng_status merge_triple(const ng_triple *t, void *user)
{
    ng_run *r = user;
    if (ng_strset_add(&r->doc_ids, t->doc) < 0)
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    return take_triple(t, r);
}

static ng_status merge_all(ng_run *r)
{
    ng_status s = NG_OK;
    for (size_t i = 0; s == NG_OK && i < r->in.n; i++) {
        FILE *f;
        if ((s = ng_input_open(&r->in.v[i], &f, r->d)) != NG_OK)
            break;
        s = ng_triples_read(f, ng_input_name(&r->in.v[i]), merge_triple, r, r->d);
        ng_input_close(&r->in.v[i], f);
    }
    r->docs = r->doc_ids.n;
    return s;
}

/* ---- the graph ---- */

static ng_status new_graph(ng_run *r)
{
    if (!(r->g = ng_graph_new()))
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    for (size_t i = 0; i < ng_knowledge_relation_count(r->k); i++) {
        ng_status s = ng_graph_declare_relation(r->g, ng_knowledge_relation_name(r->k, i),
                                                ng_knowledge_relation_symmetric(r->k, i),
                                                ng_knowledge_relation_label(r->k, i));
        if (s)
            return ng_diag_error(r->d, s, "cannot declare relation '%s': %s",
                                 ng_knowledge_relation_name(r->k, i), ng_strerror(s));
    }
    if (r->o->modalities)
        ng_graph_set_modalities(r->g, r->o->modalities);
    if (r->o->analytics_given)
        ng_graph_set_analytics(r->g, r->o->analytics);
    return NG_OK;
}

typedef ng_status (*graph_writer)(const ng_graph *g, FILE *out, const ng_write_options *o,
                                  ng_error *err);

static ng_status write_graphs(ng_run *r)
{
    static const graph_writer writers[NG_FMT_COUNT] = {
        [NG_FMT_GRAPHML] = ng_graph_write_graphml, [NG_FMT_DOT] = ng_graph_write_dot,
        [NG_FMT_JSONLD] = ng_graph_write_jsonld, [NG_FMT_NQUADS] = ng_graph_write_nquads};
    ng_error err = {""};
    ng_status s = ng_graph_finish(r->g, &err);
    if (s)
        return knowledge_error(r, s, &err, "graph");
    ng_write_options wo = {r->o->base_iri};
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        if (!writers[f] || !r->out[f].f)
            continue;
        errno = 0;
        if ((s = writers[f](r->g, r->out[f].f, &wo, &err)) == NG_OK)
            continue;
        if (s == NG_EIO && errno)
            return ng_out_write_error(&r->out[f], r->d);
        return ng_diag_error(r->d, s, "%s: %s", r->out[f].path,
                             err.msg[0] ? err.msg : ng_strerror(s));
    }
    return NG_OK;
}

/* ---- summary ---- */

static int by_count(const void *a, const void *b)
{
    const ng_relcount *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static size_t put(char *buf, size_t size, size_t used, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static size_t put(char *buf, size_t size, size_t used, const char *fmt, ...)
{
    if (used >= size)
        return used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
    return n < 0 ? used : used + (size_t)n;
}

static void summary(ng_run *r)
{
    char line[2048];
    size_t u = put(line, sizeof line, 0, "%zu document%s", r->docs, r->docs == 1 ? "" : "s");
    if (r->stats.empty)
        u = put(line, sizeof line, u, " (%zu record%s without text skipped", r->stats.empty,
                r->stats.empty == 1 ? "" : "s");
    if (r->stats.bad_dates)
        u = put(line, sizeof line, u, "%s%zu unparseable date%s", r->stats.empty ? ", " : " (",
                r->stats.bad_dates, r->stats.bad_dates == 1 ? "" : "s");
    if (r->stats.empty || r->stats.bad_dates)
        u = put(line, sizeof line, u, ")");
    if (r->extracted)
        u = put(line, sizeof line, u, ", %zu sentence%s", r->sentences,
                r->sentences == 1 ? "" : "s");
    u = put(line, sizeof line, u, ", %zu warning%s, %zu triple%s", r->d->warnings,
            r->d->warnings == 1 ? "" : "s", r->triples, r->triples == 1 ? "" : "s");
    if (r->n_rels) /* qsort(NULL, 0, ...) is undefined */
        qsort(r->rels, r->n_rels, sizeof r->rels[0], by_count);
    for (size_t i = 0; i < r->n_rels; i++)
        u = put(line, sizeof line, u, "%s%s %zu", i ? ", " : " (", r->rels[i].name,
                r->rels[i].count);
    if (r->n_rels)
        u = put(line, sizeof line, u, ")");
    if (r->g)
        u = put(line, sizeof line, u, ", %zu entities, %zu edges", ng_graph_vertex_count(r->g),
                ng_graph_edge_count(r->g));
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - r->started.tv_sec) +
                  (double)(now.tv_nsec - r->started.tv_nsec) / 1e9;
    put(line, sizeof line, u, ", %.2f s", secs);
    ng_diag_note(r->d, "%s", line);
}

/* ---- the run ---- */

/* stats reads triples CSV files when every input is one (its first line is
 * the triples header), and articles otherwise. */
static int all_triples_files(const ng_opts *o)
{
    for (size_t i = 0; i < o->inputs.n; i++) {
        FILE *f = strcmp(o->inputs.v[i], "-") == 0 ? NULL : fopen(o->inputs.v[i], "rb");
        char head[64] = "";
        int is = f && fgets(head, sizeof head, f) && strncmp(head, "doc,date,subject,", 17) == 0;
        if (f)
            fclose(f);
        if (!is)
            return 0;
    }
    return o->inputs.n > 0;
}

static int reads_triples(const ng_run *r)
{
    return r->o->command == NG_CMD_MERGE ||
           (r->o->command == NG_CMD_STATS && all_triples_files(r->o));
}

static ng_status collect_inputs(ng_run *r)
{
    ng_input_kind kind = reads_triples(r) ? NG_IN_TRIPLES : NG_IN_ARTICLES;
    for (size_t i = 0; i < r->o->inputs.n; i++) {
        ng_status s = ng_inputs_add(&r->in, r->o->inputs.v[i], kind, r->o->csv, r->d);
        if (s)
            return s;
    }
    return NG_OK;
}

static ng_status run_command(ng_run *r)
{
    /* Usage problems first: an output that is an input is refused before
     * any file is parsed. */
    ng_status s = collect_inputs(r);
    if (s == NG_OK)
        s = ng_run_plan_outputs(r);
    if (s == NG_OK)
        s = load_knowledge(r);
    if (s == NG_OK)
        s = ng_run_open_outputs(r);
    if (s == NG_OK && (r->o->command == NG_CMD_BUILD || r->o->command == NG_CMD_MERGE))
        s = new_graph(r);
    if (s == NG_OK && r->o->command == NG_CMD_STATS && !(r->summary = ng_stats_new()))
        s = ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    if (s == NG_OK)
        s = reads_triples(r) ? merge_all(r) : extract_all(r);
    if (s == NG_OK && r->summary && ng_stats_print(r->summary, r->out[NG_FMT_CSV].f, 15) != 0)
        s = ng_out_write_error(&r->out[NG_FMT_CSV], r->d);
    if (s == NG_OK && r->g)
        s = write_graphs(r);
    if (s == NG_OK)
        s = start_csv(r);
    if (s == NG_OK)
        s = ng_run_commit_outputs(r);
    if (s == NG_OK)
        summary(r);
    return s;
}

static void run_free(ng_run *r)
{
    ng_run_discard_outputs(r);
    ng_graph_free(r->g);
    ng_extractor_free(r->x);
    ng_knowledge_free(r->k);
    ng_inputs_free(&r->in);
    for (size_t i = 0; i < r->n_rels; i++)
        free(r->rels[i].name);
    free(r->rels);
    ng_strset_free(&r->labels);
    ng_strset_free(&r->doc_ids);
    ng_stats_free(r->summary);
}

static ng_status print_help_or_version(const ng_opts *o, ng_diag *d)
{
    ng_status s = NG_OK;
    if (o->help)
        s = ng_opts_help(stdout, o->command);
    else if (fputs("newsgraph " NG_VERSION "\n", stdout) < 0)
        s = NG_EIO;
    if (fflush(stdout) != 0 || ferror(stdout))
        s = NG_EIO;
    if (s)
        return ng_diag_error(d, s, "standard output: %s", strerror(errno ? errno : EIO));
    return NG_OK;
}

int ng_cli_main(int argc, char **argv)
{
    ng_diag d = {.out = stderr};
    ng_opts o;
    ng_status s = ng_opts_parse(&o, argc, argv, &d);
    if (s == NG_OK && (o.help || o.version)) {
        s = print_help_or_version(&o, &d);
    } else if (s == NG_OK) {
        ng_graph_init_library(); /* igraph's non-aborting error handler */
        ng_run r = {.o = &o, .d = &d};
        clock_gettime(CLOCK_MONOTONIC, &r.started);
        d.quiet = o.quiet;
        d.strict = o.strict;
        s = run_command(&r);
        run_free(&r);
    }
    ng_opts_free(&o);
    return ng_diag_exit_code(s);
}
