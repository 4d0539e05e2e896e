/* The option table and the parser that reads it (curl's tool_getparam.c
 * idea: options are data; parsing, checking and --help all walk one table). */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ng_date.h"
#include "ng_graph.h"
#include "ng_triple.h"
#include "options.h"

/* An option that applies outside any command (--help, --version). */
#define ANYWHERE 0x100u
#define ALL_COMMANDS (NG_CMD_EXTRACT | NG_CMD_BUILD | NG_CMD_MERGE | NG_CMD_STATS)
#define READS_ARTICLES (NG_CMD_EXTRACT | NG_CMD_BUILD | NG_CMD_STATS)
#define WRITES_GRAPHS (NG_CMD_BUILD | NG_CMD_MERGE)

typedef struct option_def option_def;
typedef ng_status (*opt_setter)(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);

struct option_def {
    const char *name;    /* long name, without "--" */
    char short_name;     /* 0: none */
    const char *arg;     /* argument name shown by --help; NULL: a flag */
    unsigned commands;   /* ng_command bits (and ANYWHERE) it applies to */
    int repeatable;      /* may be given more than once */
    opt_setter set;
    size_t field;        /* offsetof the ng_opts member the setter fills */
    const char *help;
};

static ng_status set_flag(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_string(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_list(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_format(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_date(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_modality(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_analytics(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_jobs(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);
static ng_status set_iri(ng_opts *o, const option_def *def, const char *arg, ng_diag *d);

#define F(member) offsetof(ng_opts, member)

/* Sorted by name (bsearch); tests/cli/test_cmd_units.c checks the order. */
static const option_def options[] = {
    {"analytics", 0, "LIST", WRITES_GRAPHS, 0, set_analytics, F(analytics),
     "what to compute: degree,pagerank,community,layout, all (default) or none"},
    {"base-iri", 0, "IRI", WRITES_GRAPHS, 0, set_iri, F(base_iri),
     "base IRI of entities and documents in JSON-LD and N-Quads"},
    {"csv", 0, NULL, READS_ARTICLES, 0, set_flag, F(csv),
     "read every INPUT as a CSV corpus (default: only *.csv files)"},
    {"date", 0, "DATE", READS_ARTICLES, 0, set_date, F(date),
     "the date of every article (overrides the text and the date column)"},
    {"date-column", 0, "NAME", READS_ARTICLES, 0, set_string, F(date_column),
     "CSV column with the article date"},
    {"format", 'f', "FORMAT", WRITES_GRAPHS, 0, set_format, F(format),
     "graphml, dot, jsonld, nquads, csv, gexf, svg or png (default: from -o's extension)"},
    {"help", 'h', NULL, ALL_COMMANDS | ANYWHERE, 0, set_flag, F(help),
     "show this help and exit"},
    {"id-column", 0, "NAME", READS_ARTICLES, 0, set_string, F(id_column),
     "CSV column with the document id"},
    {"jobs", 'j', "N", ALL_COMMANDS, 0, set_jobs, F(jobs),
     "worker threads, 1 to 1024 (default: the number of online cores)"},
    {"lexicon", 0, "FILE", ALL_COMMANDS, 1, set_list, F(lexicons),
     "add the entities of a lexicon CSV (repeatable)"},
    {"modality", 0, "LIST", WRITES_GRAPHS, 0, set_modality, F(modalities),
     "modalities that become edges: asserted,planned,negated,hypothetical,all"},
    {"names", 0, "FILE", READS_ARTICLES, 1, set_list, F(names),
     "add the personal names of a names CSV (name,kind; repeatable)"},
    {"output", 'o', "FILE", ALL_COMMANDS, 0, set_string, F(output),
     "write to FILE ('-': standard output, the default)"},
    {"output-dir", 'O', "DIR", WRITES_GRAPHS, 0, set_string, F(outdir),
     "write every format into DIR (created if missing)"},
    {"quiet", 'q', NULL, ALL_COMMANDS, 0, set_flag, F(quiet),
     "no warnings and no summary (warnings are still counted)"},
    {"roles", 0, "FILE", READS_ARTICLES, 0, set_string, F(roles),
     "add the dated roles of a roles CSV"},
    {"rules", 0, "FILE", ALL_COMMANDS, 1, set_list, F(rules),
     "add the relations and patterns of a rule file (repeatable)"},
    {"strict", 0, NULL, ALL_COMMANDS, 0, set_flag, F(strict),
     "make every warning an error (exit status 1)"},
    {"text-column", 0, "NAME", READS_ARTICLES, 0, set_string, F(text_column),
     "CSV column with the article text"},
    {"title-column", 0, "NAME", READS_ARTICLES, 0, set_string, F(title_column),
     "CSV column with the headline"},
    {"titles", 0, "FILE", READS_ARTICLES, 1, set_list, F(titles),
     "add the titles of a titles CSV (title,role,kind; repeatable)"},
    {"version", 'V', NULL, ALL_COMMANDS | ANYWHERE, 0, set_flag, F(version),
     "print the version and exit"},
};
#define N_OPTIONS (sizeof options / sizeof options[0])

typedef struct {
    const char *name;
    ng_command cmd;
    const char *operands;
    const char *summary;
} command_def;

static const command_def commands[] = {
    {"extract", NG_CMD_EXTRACT, "INPUT...", "write the triples found in news articles as CSV"},
    {"build", NG_CMD_BUILD, "INPUT...", "extract triples and write the knowledge graph"},
    {"merge", NG_CMD_MERGE, "TRIPLES.csv...",
     "build the graph from triples CSV files written by 'extract'"},
    {"stats", NG_CMD_STATS, "FILE...",
     "summarise triples CSV files or a corpus: documents, dates, relations, top entities"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char *const format_names[NG_FMT_COUNT] = {"graphml", "dot", "jsonld", "nquads",
                                                       "csv", "gexf", "svg", "png"};
static const char *const format_files[NG_FMT_COUNT] = {
    "graph.graphml", "graph.dot", "graph.jsonld", "graph.nq", "triples.csv", "graph.gexf",
    "graph.svg", "graph.png"};

const char *ng_format_name(ng_format f) { return format_names[f]; }
const char *ng_format_file(ng_format f) { return format_files[f]; }

const char *ng_command_name(ng_command cmd)
{
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (commands[i].cmd == cmd)
            return commands[i].name;
    }
    return "newsgraph";
}

/* ---- setters: each validates its argument and stores it ---- */

static void *field_of(ng_opts *o, const option_def *def) { return (char *)o + def->field; }

static ng_status set_flag(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)arg;
    (void)d;
    *(int *)field_of(o, def) = 1;
    return NG_OK;
}

static ng_status set_string(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    if (arg[0] == '\0')
        return ng_diag_error(d, NG_EUSAGE, "--%s: empty value", def->name);
    *(const char **)field_of(o, def) = arg;
    return NG_OK;
}

/* The lists have room for argc entries (ng_opts_parse allocates them). */
static ng_status set_list(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    if (arg[0] == '\0')
        return ng_diag_error(d, NG_EUSAGE, "--%s: empty value", def->name);
    ng_strlist *l = field_of(o, def);
    l->v[l->n++] = arg;
    return NG_OK;
}

static int format_by_name(const char *name)
{
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        if (strcmp(name, format_names[f]) == 0)
            return f;
    }
    return -1;
}

static ng_status set_format(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)def;
    if ((o->format = format_by_name(arg)) < 0)
        return ng_diag_error(d, NG_EUSAGE,
                             "--format: unknown format '%s' (use graphml, dot, jsonld, nquads, csv, gexf, "
                             "svg or png)",
                             arg);
    return NG_OK;
}

static ng_status set_date(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)def;
    if (ng_date_normalize(arg, strlen(arg), o->date_iso) != 0)
        return ng_diag_error(d, NG_EUSAGE,
                             "--date: '%s' is not a valid date (e.g. 2023-04-17 or 17 April 2023)",
                             arg);
    o->date = arg;
    return NG_OK;
}

typedef struct {
    const char *name;
    unsigned bits;
} list_word;

/* A comma-separated list of words -> the union of their bits.  Returns -1
 * and the offending word (*bad, *bad_len) when one is not in words. */
static int parse_word_list(const char *arg, const list_word *words, size_t nwords,
                           unsigned *mask, const char **bad, size_t *bad_len)
{
    *mask = 0;
    for (const char *p = arg;; p++) {
        size_t n = strcspn(p, ","), i;
        for (i = 0; i < nwords; i++)
            if (strlen(words[i].name) == n && strncmp(words[i].name, p, n) == 0)
                break;
        if (i == nwords) {
            *bad = p;
            *bad_len = n;
            return -1;
        }
        *mask |= words[i].bits;
        p += n;
        if (*p == '\0')
            return 0;
    }
}

static ng_status set_modality(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)def;
    static const list_word words[] = {
        {"asserted", 1u << NG_MOD_ASSERTED}, {"planned", 1u << NG_MOD_PLANNED},
        {"negated", 1u << NG_MOD_NEGATED},   {"hypothetical", 1u << NG_MOD_HYPOTHETICAL},
        {"all", (1u << NG_MOD_COUNT) - 1},
    };
    const char *bad;
    size_t n;
    if (parse_word_list(arg, words, sizeof words / sizeof words[0], &o->modalities, &bad, &n))
        return ng_diag_error(d, NG_EUSAGE,
                             "--modality: unknown modality '%.*s' (use asserted, planned, "
                             "negated, hypothetical or all, separated by commas)",
                             (int)n, bad);
    return NG_OK;
}

static ng_status set_analytics(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)def;
    static const list_word words[] = {
        {"degree", NG_ANALYTICS_DEGREE}, {"pagerank", NG_ANALYTICS_PAGERANK},
        {"community", NG_ANALYTICS_COMMUNITY}, {"layout", NG_ANALYTICS_LAYOUT},
        {"all", NG_ANALYTICS_ALL}, {"none", 0},
    };
    const char *bad;
    size_t n;
    if (parse_word_list(arg, words, sizeof words / sizeof words[0], &o->analytics, &bad, &n))
        return ng_diag_error(d, NG_EUSAGE,
                             "--analytics: unknown analysis '%.*s' (use degree, pagerank, "
                             "community, layout, all or none, separated by commas)",
                             (int)n, bad);
    o->analytics_given = 1;
    return NG_OK;
}

static ng_status set_jobs(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)def;
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > 1024)
        return ng_diag_error(d, NG_EUSAGE, "--jobs: '%s' is not a number from 1 to 1024", arg);
    o->jobs = n;
    return NG_OK;
}

/* An absolute ASCII IRI: a scheme, ':', and none of the characters IRIs
 * forbid (RFC 3987), since the writers put it between <> in N-Quads and
 * the graph writers accept only ASCII. */
static ng_status set_iri(ng_opts *o, const option_def *def, const char *arg, ng_diag *d)
{
    (void)def;
    size_t scheme = strspn(arg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    int ok = scheme > 0 && arg[scheme] == ':' &&
             ((arg[0] | 0x20) >= 'a' && (arg[0] | 0x20) <= 'z');
    for (const unsigned char *p = (const unsigned char *)arg; ok && *p; p++)
        ok = *p > 0x20 && *p < 0x7f && !strchr("<>\"{}|\\^`", *p);
    if (!ok)
        return ng_diag_error(d, NG_EUSAGE,
                             "--base-iri: '%s' is not an absolute IRI (e.g. https://example.org/news/)",
                             arg);
    o->base_iri = arg;
    return NG_OK;
}

/* ---- lookup and suggestions ---- */

size_t ng_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) /* suggestions are for typos, not essays */
        return n > m ? n : m;
    size_t dist[65][65];
    for (size_t i = 0; i <= n; i++)
        dist[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        dist[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t best = dist[i - 1][j - 1] + cost;
            if (dist[i - 1][j] + 1 < best)
                best = dist[i - 1][j] + 1;
            if (dist[i][j - 1] + 1 < best)
                best = dist[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                dist[i - 2][j - 2] + 1 < best)
                best = dist[i - 2][j - 2] + 1;
            dist[i][j] = best;
        }
    }
    return dist[n][m];
}

/* The closest of names[0..count) to word (names are `stride` bytes apart),
 * or NULL when none is close enough to be a plausible typo. */
static const char *closest(const char *word, const void *names, size_t count, size_t stride)
{
    const char *best = NULL;
    size_t best_dist = 1 + strlen(word) / 4; /* the largest distance still suggested */
    for (size_t i = 0; i < count; i++) {
        const char *name = *(const char *const *)((const char *)names + i * stride);
        size_t dist = ng_edit_distance(word, name);
        if (word[0] && strncmp(name, word, strlen(word)) == 0)
            dist = 1; /* an abbreviation is as good as a one-letter typo */
        if (dist <= best_dist && (!best || dist < best_dist)) {
            best = name;
            best_dist = dist;
        }
    }
    return best;
}

static int compare_name(const void *key, const void *elem)
{
    return strcmp(key, ((const option_def *)elem)->name);
}

static const option_def *find_long(const char *name)
{
    return bsearch(name, options, N_OPTIONS, sizeof options[0], compare_name);
}

static const option_def *find_short(char c)
{
    for (size_t i = 0; i < N_OPTIONS; i++) {
        if (options[i].short_name == c)
            return &options[i];
    }
    return NULL;
}

static ng_status unknown_long(const char *name, ng_diag *d)
{
    const char *near = closest(name, options, N_OPTIONS, sizeof options[0]);
    if (near)
        return ng_diag_error(d, NG_EUSAGE, "unknown option '--%s'; did you mean '--%s'?", name,
                             near);
    return ng_diag_error(d, NG_EUSAGE, "unknown option '--%s'; see 'newsgraph --help'", name);
}

static ng_status unknown_command(const char *name, ng_diag *d)
{
    const char *near = closest(name, commands, N_COMMANDS, sizeof commands[0]);
    if (near)
        return ng_diag_error(d, NG_EUSAGE, "unknown command '%s'; did you mean '%s'?", name, near);
    return ng_diag_error(d, NG_EUSAGE,
                         "unknown command '%s'; the commands are extract, build and merge", name);
}

/* ---- the parser ---- */

typedef struct {
    ng_opts *o;
    ng_diag *d;
    int argc;
    char **argv;
    int i;                       /* index of the argument being read */
    unsigned char seen[N_OPTIONS];
    char short_spelled[N_OPTIONS][3]; /* "-o" when the user wrote that, for messages */
} parser;

static ng_status apply(parser *p, const option_def *def, const char *spelled, const char *arg)
{
    size_t k = (size_t)(def - options);
    if (p->seen[k] && !def->repeatable)
        return ng_diag_error(p->d, NG_EUSAGE, "option '%s' given twice", spelled);
    p->seen[k] = 1;
    if (spelled[1] != '-' && !p->short_spelled[k][0])
        memcpy(p->short_spelled[k], spelled, 3);
    return def->set(p->o, def, arg, p->d);
}

/* The value of an option that takes one: attached ("--x=v", "-ov") or the
 * next argument. */
static ng_status take_value(parser *p, const char *attached, const char *spelled, const char **out)
{
    if (attached) {
        *out = attached;
        return NG_OK;
    }
    if (p->i + 1 >= p->argc)
        return ng_diag_error(p->d, NG_EUSAGE, "option '%s' needs a value", spelled);
    *out = p->argv[++p->i];
    return NG_OK;
}

static ng_status parse_long(parser *p, const char *a)
{
    char name[64];
    const char *eq = strchr(a + 2, '=');
    size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
    if (n >= sizeof name)
        n = sizeof name - 1;
    memcpy(name, a + 2, n);
    name[n] = '\0';
    const option_def *def = find_long(name);
    if (!def)
        return unknown_long(name, p->d);
    char spelled[70];
    snprintf(spelled, sizeof spelled, "--%s", def->name);
    if (!def->arg && eq)
        return ng_diag_error(p->d, NG_EUSAGE, "option '%s' takes no value", spelled);
    const char *value = "";
    if (def->arg) {
        ng_status s = take_value(p, eq ? eq + 1 : NULL, spelled, &value);
        if (s)
            return s;
    }
    return apply(p, def, spelled, value);
}

/* "-q", "-o FILE", "-oFILE", and bundled flags such as "-qh". */
static ng_status parse_short(parser *p, const char *a)
{
    for (const char *c = a + 1; *c; c++) {
        const option_def *def = find_short(*c);
        char spelled[3] = {'-', *c, '\0'};
        if (!def)
            return ng_diag_error(p->d, NG_EUSAGE, "unknown option '%s'; see 'newsgraph --help'",
                                 spelled);
        if (!def->arg) {
            ng_status s = apply(p, def, spelled, "");
            if (s)
                return s;
            continue;
        }
        const char *value = "";
        ng_status s = take_value(p, c[1] ? c + 1 : NULL, spelled, &value);
        return s ? s : apply(p, def, spelled, value);
    }
    return NG_OK;
}

static ng_status parse_operand(parser *p, const char *a)
{
    if (p->o->command != NG_CMD_NONE) {
        p->o->inputs.v[p->o->inputs.n++] = a;
        return NG_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(a, commands[i].name) == 0) {
            p->o->command = commands[i].cmd;
            return NG_OK;
        }
    }
    return unknown_command(a, p->d);
}

static const char *spelled_name(const parser *p, size_t k)
{
    static char buf[70];
    if (p->short_spelled[k][0])
        return p->short_spelled[k];
    snprintf(buf, sizeof buf, "--%s", options[k].name);
    return buf;
}

/* Options that make no sense for the command are refused rather than
 * ignored: a user who passes --modality to extract expects it to matter. */
static ng_status check_applicable(const parser *p)
{
    for (size_t k = 0; k < N_OPTIONS; k++) {
        if (p->seen[k] && !(options[k].commands & p->o->command))
            return ng_diag_error(p->d, NG_EUSAGE, "option '%s' does not apply to '%s'",
                                 spelled_name(p, k), ng_command_name(p->o->command));
    }
    return NG_OK;
}

static int format_from_extension(const char *path)
{
    static const struct {
        const char *ext;
        ng_format fmt;
    } exts[] = {{".graphml", NG_FMT_GRAPHML}, {".dot", NG_FMT_DOT},       {".gv", NG_FMT_DOT},
                {".jsonld", NG_FMT_JSONLD},   {".json", NG_FMT_JSONLD},   {".nq", NG_FMT_NQUADS},
                {".csv", NG_FMT_CSV},         {".gexf", NG_FMT_GEXF},     {".svg", NG_FMT_SVG},
                {".png", NG_FMT_PNG}};
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot && (!slash || dot > slash)) {
        for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
            if (strcmp(dot, exts[i].ext) == 0)
                return (int)exts[i].fmt;
        }
    }
    return NG_FMT_GRAPHML;
}

static ng_status check_operands(parser *p)
{
    ng_opts *o = p->o;
    const char *cmd = ng_command_name(o->command);
    if (o->inputs.n == 0)
        return ng_diag_error(p->d, NG_EUSAGE, "no input files; see 'newsgraph %s --help'", cmd);
    size_t stdin_count = 0;
    for (size_t i = 0; i < o->inputs.n; i++)
        stdin_count += strcmp(o->inputs.v[i], "-") == 0;
    if (stdin_count > 1)
        return ng_diag_error(p->d, NG_EUSAGE, "standard input ('-') given more than once");
    if (o->output && o->outdir)
        return ng_diag_error(p->d, NG_EUSAGE, "-o and -O cannot be used together");
    if (o->outdir && o->format >= 0)
        return ng_diag_error(p->d, NG_EUSAGE, "-f and -O cannot be used together (-O writes every format)");
    if (o->command == NG_CMD_EXTRACT || o->command == NG_CMD_STATS)
        o->format = NG_FMT_CSV; /* stats: its text goes where the CSV would */
    else if (o->format < 0)
        o->format = o->output && strcmp(o->output, "-") != 0 ? format_from_extension(o->output)
                                                             : NG_FMT_GRAPHML;
    return NG_OK;
}

static ng_status alloc_lists(ng_opts *o, int argc)
{
    size_t n = argc > 0 ? (size_t)argc : 1;
    o->inputs.v = calloc(n, sizeof *o->inputs.v);
    o->lexicons.v = calloc(n, sizeof *o->lexicons.v);
    o->rules.v = calloc(n, sizeof *o->rules.v);
    o->titles.v = calloc(n, sizeof *o->titles.v);
    o->names.v = calloc(n, sizeof *o->names.v);
    return o->inputs.v && o->lexicons.v && o->rules.v && o->titles.v && o->names.v
               ? NG_OK : NG_ENOMEM;
}

ng_status ng_opts_parse(ng_opts *o, int argc, char **argv, ng_diag *d)
{
    memset(o, 0, sizeof *o);
    o->format = -1;
    if (alloc_lists(o, argc) != NG_OK)
        return ng_diag_error(d, NG_ENOMEM, "out of memory");
    parser p = {.o = o, .d = d, .argc = argc, .argv = argv};
    int operands_only = 0;
    for (p.i = 1; p.i < argc; p.i++) {
        const char *a = argv[p.i];
        ng_status s;
        if (operands_only || a[0] != '-' || a[1] == '\0')
            s = parse_operand(&p, a);
        else if (strcmp(a, "--") == 0)
            s = (operands_only = 1, NG_OK);
        else if (a[1] == '-')
            s = parse_long(&p, a);
        else
            s = parse_short(&p, a);
        if (s)
            return s;
    }
    if (o->help || o->version)
        return NG_OK;
    if (o->command == NG_CMD_NONE)
        return ng_diag_error(d, NG_EUSAGE, "missing command; see 'newsgraph --help'");
    ng_status s = check_applicable(&p);
    return s ? s : check_operands(&p);
}

void ng_opts_free(ng_opts *o)
{
    free(o->inputs.v);
    free(o->lexicons.v);
    free(o->rules.v);
    free(o->titles.v);
    free(o->names.v);
    o->inputs.v = o->lexicons.v = o->rules.v = o->titles.v = o->names.v = NULL;
}

/* ---- help, generated from the tables ---- */

enum { HELP_COLUMN = 29, HELP_WIDTH = 79 };

/* Prints text from column HELP_COLUMN, wrapped at HELP_WIDTH. */
static int print_wrapped(FILE *f, const char *text)
{
    int bad = 0;
    size_t col = HELP_COLUMN;
    while (*text) {
        size_t word = strcspn(text, " ");
        if (col > HELP_COLUMN && col + 1 + word > HELP_WIDTH) {
            bad |= fprintf(f, "\n%*s", HELP_COLUMN, "") < 0;
            col = HELP_COLUMN;
        } else if (col > HELP_COLUMN) {
            bad |= putc(' ', f) == EOF;
            col++;
        }
        bad |= fprintf(f, "%.*s", (int)word, text) < 0;
        col += word;
        text += word;
        text += strspn(text, " ");
    }
    return bad | (putc('\n', f) == EOF);
}

static int print_option(FILE *f, const option_def *def)
{
    char left[64];
    if (def->short_name)
        snprintf(left, sizeof left, "-%c, --%s%s%s", def->short_name, def->name,
                 def->arg ? " " : "", def->arg ? def->arg : "");
    else
        snprintf(left, sizeof left, "    --%s%s%s", def->name, def->arg ? " " : "",
                 def->arg ? def->arg : "");
    return (fprintf(f, "  %-*s", HELP_COLUMN - 2, left) < 0) | print_wrapped(f, def->help);
}

static int print_commands(FILE *f)
{
    int bad = fputs("Commands:\n", f) < 0;
    for (size_t i = 0; i < N_COMMANDS; i++)
        bad |= fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary) < 0;
    return bad;
}

static const char input_rule[] =
    "INPUT is a text file, a directory (every *.txt file below it), a CSV corpus\n"
    "(*.csv, or any file with --csv) or '-' for standard input.\n";
static const char triples_rule[] =
    "TRIPLES.csv is a triples CSV written by 'newsgraph extract' (one shard of a\n"
    "corpus), or '-' for standard input.  The graph equals 'build' over the same\n"
    "documents when the same --lexicon and --rules are given.\n";
static const char exit_rule[] =
    "Exit status: 0 success; 1 input or output error, or any warning with --strict;\n"
    "2 usage error.\n";

ng_status ng_opts_help(FILE *f, ng_command cmd)
{
    int bad = 0;
    const command_def *c = NULL;
    for (size_t i = 0; i < N_COMMANDS; i++)
        c = commands[i].cmd == cmd ? &commands[i] : c;
    if (c) {
        bad |= fprintf(f, "Usage: newsgraph %s [OPTION]... %s\n%c%s.\n\n", c->name, c->operands,
                       c->summary[0] - 'a' + 'A', c->summary + 1) < 0;
        bad |= fprintf(f, "%s\n", cmd == NG_CMD_MERGE ? triples_rule : input_rule) < 0;
    } else {
        bad |= fputs("Usage: newsgraph COMMAND [OPTION]... INPUT...\n"
                     "Extracts subject-relation-object triples from news articles and builds a "
                     "knowledge graph.\n\n", f) < 0;
        bad |= print_commands(f);
        bad |= fprintf(f, "\n%s\n", input_rule) < 0;
    }
    bad |= fputs(c ? "Options:\n" : "Options (each command takes a subset; see 'newsgraph COMMAND --help'):\n", f) < 0;
    for (size_t i = 0; i < N_OPTIONS; i++) {
        if (!c || (options[i].commands & cmd))
            bad |= print_option(f, &options[i]);
    }
    bad |= fprintf(f, "\n%s", exit_rule) < 0;
    return bad ? NG_EIO : NG_OK;
}

int ng_opts_self_check(void)
{
    for (size_t i = 1; i < N_OPTIONS; i++) {
        if (strcmp(options[i - 1].name, options[i].name) >= 0)
            return -1;
        for (size_t j = 0; j < i; j++) {
            if (options[i].short_name && options[i].short_name == options[j].short_name)
                return -1;
        }
    }
    return 0;
}
