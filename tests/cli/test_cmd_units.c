/* Unit tests for the pieces of cmd/ that have no visible output of their own:
 * the option table and parser, the CSV reader and writer, the string set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "csvwrite.h"
#include "options.h"
#include "strset.h"

static int failures;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, __func__, #cond); \
            failures++;                                                               \
        }                                                                             \
    } while (0)

static ng_status parse(ng_opts *o, const char *const *args)
{
    char *argv[32];
    int argc = 0;
    for (; args[argc]; argc++)
        argv[argc] = (char *)args[argc];
    argv[argc] = NULL;
    ng_diag d = {0}; /* silent */
    return ng_opts_parse(o, argc, argv, &d);
}

static void option_table_is_sorted_and_shorts_unique(void)
{
    CHECK(ng_opts_self_check() == 0);
}

static void typos_are_close_and_words_are_far(void)
{
    CHECK(ng_edit_distance("lexicn", "lexicon") == 1);
    CHECK(ng_edit_distance("lexcion", "lexicon") == 1); /* transposition */
    CHECK(ng_edit_distance("kitten", "sitting") == 3);
    CHECK(ng_edit_distance("", "abc") == 3);
    CHECK(ng_edit_distance("same", "same") == 0);
}

static void both_value_forms_and_repeats_are_read(void)
{
    ng_opts o;
    const char *args[] = {"newsgraph", "build", "a.txt", "--lexicon=x.csv", "--lexicon", "y.csv",
                          "-o", "g.gv", "--modality", "asserted,planned", "--date=17 April 2023",
                          "b.txt", NULL};
    CHECK(parse(&o, args) == NG_OK);
    CHECK(o.command == NG_CMD_BUILD);
    CHECK(o.inputs.n == 2 && strcmp(o.inputs.v[1], "b.txt") == 0);
    CHECK(o.lexicons.n == 2 && strcmp(o.lexicons.v[0], "x.csv") == 0);
    CHECK(o.format == NG_FMT_DOT);
    CHECK(o.modalities == 3u);
    CHECK(strcmp(o.date_iso, "2023-04-17") == 0);
    ng_opts_free(&o);
}

static void short_options_bundle_and_attach(void)
{
    ng_opts o;
    const char *args[] = {"newsgraph", "extract", "-qoout.csv", "-j", "4", "--", "-odd.txt", NULL};
    CHECK(parse(&o, args) == NG_OK);
    CHECK(o.quiet == 1);
    CHECK(o.output && strcmp(o.output, "out.csv") == 0);
    CHECK(o.jobs == 4);
    CHECK(o.inputs.n == 1 && strcmp(o.inputs.v[0], "-odd.txt") == 0);
    CHECK(o.format == NG_FMT_CSV);
    ng_opts_free(&o);
}

static void format_defaults_follow_the_output_name(void)
{
    static const struct {
        const char *out;
        int fmt;
    } cases[] = {{"g.graphml", NG_FMT_GRAPHML}, {"g.jsonld", NG_FMT_JSONLD},
                 {"g.json", NG_FMT_JSONLD},     {"g.nq", NG_FMT_NQUADS},
                 {"t.csv", NG_FMT_CSV},         {"g.txt", NG_FMT_GRAPHML},
                 {"-", NG_FMT_GRAPHML},         {"dir.dot/g", NG_FMT_GRAPHML}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ng_opts o;
        const char *args[] = {"newsgraph", "merge", "t.csv", "-o", cases[i].out, NULL};
        CHECK(parse(&o, args) == NG_OK && o.format == cases[i].fmt);
        ng_opts_free(&o);
    }
}

static void usage_errors_are_refused(void)
{
    static const char *const bad[][8] = {
        {"newsgraph", NULL},
        {"newsgraph", "build", NULL},
        {"newsgraph", "build", "a.txt", "-O", "d", "-f", "dot", NULL},
        {"newsgraph", "build", "a.txt", "-O", "d", "-o", "g.dot", NULL},
        {"newsgraph", "extract", "a.txt", "--roles", "r1", "--roles", "r2", NULL},
        {"newsgraph", "extract", "-", "-", NULL},
        {"newsgraph", "extract", "a.txt", "--quiet=yes", NULL},
        {"newsgraph", "extract", "a.txt", "--date", "2023-02-29", NULL},
        {"newsgraph", "build", "a.txt", "--modality", "asserted,,planned", NULL},
        {"newsgraph", "build", "a.txt", "--base-iri", "example.org/x", NULL},
        {"newsgraph", "build", "a.txt", "--base-iri", "https://b\xc3\xa9.example/", NULL},
        {"newsgraph", "merge", "t.csv", "--csv", NULL},
        {"newsgraph", "extract", "a.txt", "--jobs", "1x", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ng_opts o;
        ng_status s = parse(&o, bad[i]);
        if (s != NG_EUSAGE)
            fprintf(stderr, "case %zu accepted\n", i);
        CHECK(s == NG_EUSAGE);
        ng_opts_free(&o);
    }
}

/* ---- CSV writer ---- */

static char *write_triple(const ng_triple *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    int rc = ng_csvw_triple(f, t);
    fclose(f);
    if (rc != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void csv_quotes_only_where_needed(void)
{
    const char evidence[] = "He said \"yes\",\nthen left.";
    ng_triple t = {"doc-1", "2023-04-17", "Anna Berg", "Person", "met-with", "Carl, Jr.",
                   "Person", NG_MOD_PLANNED, 2, 10, 37, "r7", evidence, sizeof evidence - 1};
    char *row = write_triple(&t);
    CHECK(row && strcmp(row, "doc-1,2023-04-17,Anna Berg,Person,met-with,\"Carl, Jr.\",Person,"
                             "planned,2,10,37,r7,\"He said \"\"yes\"\",\nthen left.\"\n") == 0);
    free(row);
}

/* ---- CSV reader ---- */

typedef struct {
    size_t records;
    char seen[512];
} collected;

static ng_status collect(const ng_csv_record *rec, void *user)
{
    collected *c = user;
    size_t used = strlen(c->seen);
    snprintf(c->seen + used, sizeof c->seen - used, "%zu:", rec->record);
    for (size_t i = 0; i < rec->n; i++) {
        used = strlen(c->seen);
        snprintf(c->seen + used, sizeof c->seen - used, "[%s]", rec->field[i]);
    }
    used = strlen(c->seen);
    snprintf(c->seen + used, sizeof c->seen - used, ";");
    c->records++;
    return NG_OK;
}

/* Feeds text one byte at a time: chunk borders must not matter. */
static ng_status read_bytewise(const char *text, size_t len, collected *c, ng_diag *d)
{
    ng_csvr *r = ng_csvr_new("t.csv", collect, c, d);
    ng_status s = r ? NG_OK : NG_ENOMEM;
    for (size_t i = 0; s == NG_OK && i < len; i++)
        s = ng_csvr_feed(r, text + i, 1);
    if (s == NG_OK)
        s = ng_csvr_finish(r);
    ng_csvr_free(r);
    return s;
}

static void reader_handles_bom_quotes_and_crlf(void)
{
    const char text[] = "\xEF\xBB\xBFid,text\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n2,plain";
    collected c = {0};
    ng_diag d = {0};
    CHECK(read_bytewise(text, sizeof text - 1, &c, &d) == NG_OK);
    CHECK(d.warnings == 0);
    CHECK(strcmp(c.seen, "0:[id][text];1:[1][two\r\nlines, \"quoted\"];2:[2][plain];") == 0);
}

static void reader_skips_ragged_records_and_counts_on(void)
{
    const char text[] = "a,b\n1,2\n3\n4,5,6\n7,8\n";
    collected c = {0};
    ng_diag d = {0};
    CHECK(read_bytewise(text, sizeof text - 1, &c, &d) == NG_OK);
    CHECK(d.warnings == 2);
    CHECK(strcmp(c.seen, "0:[a][b];1:[1][2];4:[7][8];") == 0);
}

static void reader_drops_a_quote_left_open(void)
{
    const char text[] = "a,b\n1,2\n3,\"open\n4,5\n";
    collected c = {0};
    ng_diag d = {0};
    CHECK(read_bytewise(text, sizeof text - 1, &c, &d) == NG_OK);
    CHECK(d.warnings == 1);
    CHECK(strcmp(c.seen, "0:[a][b];1:[1][2];") == 0);
}

static void reader_warns_on_empty_input_and_stops_under_strict(void)
{
    collected c = {0};
    ng_diag d = {0};
    CHECK(read_bytewise("", 0, &c, &d) == NG_OK && d.warnings == 1 && c.records == 0);
    ng_diag strict = {.strict = 1};
    CHECK(read_bytewise("a\n1\n2,3\n4\n", 10, &c, &strict) == NG_EINPUT);
}

/* ---- string set ---- */

static void set_keeps_each_string_once(void)
{
    ng_strset set = {0};
    char key[32];
    int ok = 1;
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "entity %d", i);
        ok &= ng_strset_add(&set, key) == 1;
    }
    for (int i = 0; i < 1000; i += 7) {
        snprintf(key, sizeof key, "entity %d", i);
        ok &= ng_strset_add(&set, key) == 0;
    }
    CHECK(ok && set.n == 1000);
    ng_strset_free(&set);
    CHECK(set.n == 0 && set.slots == NULL);
}

int main(void)
{
    option_table_is_sorted_and_shorts_unique();
    typos_are_close_and_words_are_far();
    both_value_forms_and_repeats_are_read();
    short_options_bundle_and_attach();
    format_defaults_follow_the_output_name();
    usage_errors_are_refused();
    csv_quotes_only_where_needed();
    reader_handles_bom_quotes_and_crlf();
    reader_skips_ragged_records_and_counts_on();
    reader_drops_a_quote_left_open();
    reader_warns_on_empty_input_and_stops_under_strict();
    set_keeps_each_string_once();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
