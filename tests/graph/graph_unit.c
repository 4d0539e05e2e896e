/* Unit tests of the graph library that need no consumer: slugs, relation
 * names, errors.  usage: graph_unit <test name>; exit 0 when it passes. */
#define _GNU_SOURCE /* open_memstream on older C libraries */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ng_graph.h"

static int failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static ng_triple triple(const char *s, const char *rel, const char *o, ng_modality m)
{
    return (ng_triple){"doc-1", "2024-05-01", s, "Person", rel, o, "Person", m, 0, 0, 0,
                       "unit", "Evidence.", 9};
}

static ng_graph *graph_of(const char *const *pairs, size_t n)
{
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    for (size_t i = 0; g && i < n; i += 2) {
        ng_triple t = triple(pairs[i], "met-with", pairs[i + 1], NG_MOD_ASSERTED);
        CHECK(ng_graph_add_triple(g, &t) == NG_OK);
    }
    CHECK(ng_graph_finish(g, &err) == NG_OK);
    return g;
}

static const char *id_of(const ng_graph *g, const char *label)
{
    for (size_t i = 0; i < ng_graph_vertex_count(g); i++)
        if (strcmp(ng_graph_vertex_label(g, i), label) == 0)
            return ng_graph_vertex_id(g, i);
    return "(no such vertex)";
}

static uint32_t fnv(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int id_is(const ng_graph *g, const char *label, const char *base, int hashed)
{
    char want[256];
    if (hashed)
        snprintf(want, sizeof want, "%s-%08lx", base, (unsigned long)fnv(label));
    else
        snprintf(want, sizeof want, "%s", base);
    if (strcmp(id_of(g, label), want) == 0)
        return 1;
    fprintf(stderr, "id of \"%.40s\": got \"%s\", want \"%s\"\n", label, id_of(g, label), want);
    return 0;
}

static void slugs_are_stable_and_unique(void)
{
    static char long_label[300];
    memset(long_label, 'x', sizeof long_label - 1);
    const char *pairs[] = {"Vladimir Putin", "São Paulo", "Émile Zola", "Straße",
                           "Zürich", "Zurich", "", "Москва", "  --Hello,, World!! ", "O'Brien",
                           long_label, "Ελλάδα Ø"};
    ng_graph *g = graph_of(pairs, sizeof pairs / sizeof pairs[0]);
    CHECK(ng_graph_vertex_count(g) == 12);
    CHECK(id_is(g, "Vladimir Putin", "vladimir-putin", 0));
    CHECK(id_is(g, "São Paulo", "sao-paulo", 0));
    CHECK(id_is(g, "Émile Zola", "emile-zola", 0));
    CHECK(id_is(g, "Straße", "strasse", 0));
    CHECK(id_is(g, "Zürich", "zurich", 1)); /* the two collide: both hashed */
    CHECK(id_is(g, "Zurich", "zurich", 1));
    CHECK(id_is(g, "", "", 1));
    CHECK(id_is(g, "Москва", "", 1));
    CHECK(id_is(g, "  --Hello,, World!! ", "hello-world", 0));
    CHECK(id_is(g, "O'Brien", "o-brien", 0));
    CHECK(id_is(g, "Ελλάδα Ø", "", 1));
    char cut[65];
    memset(cut, 'x', 64);
    cut[64] = '\0';
    CHECK(id_is(g, long_label, cut, 1));
    /* Vertices are in id order. */
    for (size_t i = 1; i < ng_graph_vertex_count(g); i++)
        CHECK(strcmp(ng_graph_vertex_id(g, i - 1), ng_graph_vertex_id(g, i)) < 0);
    ng_graph_free(g);
    /* Without its twin, Zurich keeps the plain slug: ids depend on the label
     * alone unless two labels share a slug. */
    const char *alone[] = {"Zurich", "Vladimir Putin"};
    g = graph_of(alone, 2);
    CHECK(id_is(g, "Zurich", "zurich", 0));
    CHECK(id_is(g, "Vladimir Putin", "vladimir-putin", 0));
    ng_graph_free(g);
}

/* The JSON-LD of g, in a malloc'ed string. */
static char *jsonld_of(const ng_graph *g, const ng_write_options *o, ng_status *st)
{
    char *buf = NULL;
    size_t len = 0;
    ng_error err = {""};
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    *st = ng_graph_write_jsonld(g, m, o, &err);
    fclose(m);
    return buf;
}

static void relation_names_become_camel_case(void)
{
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    const char *rels[] = {"met-with", "sanctioned-by", "held-exercise-with", "visited",
                          "co_operated with", "2nd-meeting", "source", "встретился", "Met With"};
    for (size_t i = 0; i < sizeof rels / sizeof rels[0]; i++) {
        ng_triple t = triple("A", rels[i], "B", NG_MOD_ASSERTED);
        CHECK(ng_graph_add_triple(g, &t) == NG_OK);
    }
    CHECK(ng_graph_declare_relation(g, "met-with", 1, "met with") == NG_OK);
    CHECK(ng_graph_finish(g, &err) == NG_OK);
    ng_status st = NG_EIO;
    char *j = jsonld_of(g, NULL, &st);
    CHECK(st == NG_OK && j);
    char bad[160];
    snprintf(bad, sizeof bad, "\"ng:relation-%08lx\"", (unsigned long)fnv("встретился"));
    const char *want[] = {"\"ng:sanctionedBy\"", "\"ng:heldExerciseWith\"", "\"ng:visited\"",
                          "\"ng:coOperatedWith\"", "\"ng:r2ndMeeting\"", "\"ng:sourceRelation\"",
                          bad};
    for (size_t i = 0; j && i < sizeof want / sizeof want[0]; i++) {
        if (!strstr(j, want[i])) {
            fprintf(stderr, "JSON-LD lacks %s\n", want[i]);
            failures++;
        }
    }
    /* "met-with" and "Met With" both want metWith: both get a hash. */
    snprintf(bad, sizeof bad, "\"@id\":\"ng:metWith-%08lx\",\"@type\":[\"rdf:Property\","
             "\"owl:SymmetricProperty\"]", (unsigned long)fnv("met-with"));
    CHECK(j && strstr(j, bad));
    snprintf(bad, sizeof bad, "\"ng:metWith-%08lx\"", (unsigned long)fnv("Met With"));
    CHECK(j && strstr(j, bad));
    free(j);
    ng_graph_free(g);
}

typedef ng_status (*writer_fn)(const ng_graph *, FILE *, const ng_write_options *, ng_error *);
static const writer_fn writers[] = {ng_graph_write_graphml, ng_graph_write_dot,
                                    ng_graph_write_jsonld, ng_graph_write_nquads,
                                    ng_graph_write_gexf};
#define NWRITERS (sizeof writers / sizeof writers[0])

static void writers_refuse_an_unfinished_graph(void)
{
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    ng_triple t = triple("A", "met-with", "B", NG_MOD_ASSERTED);
    CHECK(ng_graph_add_triple(g, &t) == NG_OK);
    for (size_t i = 0; i < NWRITERS; i++) {
        err.msg[0] = '\0';
        CHECK(writers[i](g, stdout, NULL, &err) == NG_EUSAGE);
        CHECK(err.msg[0] != '\0');
    }
    CHECK(ng_graph_vertex_count(g) == 0);
    CHECK(ng_graph_finish(g, &err) == NG_OK);
    CHECK(ng_graph_add_triple(g, &t) == NG_EUSAGE);
    CHECK(ng_graph_add_alias(g, "A", "a") == NG_EUSAGE);
    CHECK(ng_graph_declare_relation(g, "x", 0, "x") == NG_EUSAGE);
    CHECK(ng_graph_finish(g, &err) == NG_EUSAGE);
    CHECK(writers[0](g, NULL, NULL, &err) == NG_EUSAGE);
    ng_graph_free(g);
    ng_graph_free(NULL);
}

static void writers_report_a_full_disk(void)
{
    const char *pairs[] = {"A", "B", "C", "D"};
    ng_graph *g = graph_of(pairs, 4);
    for (size_t i = 0; i < NWRITERS; i++) {
        FILE *full = fopen("/dev/full", "w");
        CHECK(full != NULL);
        if (!full)
            break;
        ng_error err = {""};
        CHECK(writers[i](g, full, NULL, &err) == NG_EIO);
        CHECK(strstr(err.msg, "No space left") != NULL);
        fclose(full);
    }
    ng_graph_free(g);
}

static void bad_base_iri_is_refused(void)
{
    const char *pairs[] = {"A", "B"};
    ng_graph *g = graph_of(pairs, 2);
    const char *bad[] = {"not an iri", "ng:foo/", "schema:x/", "https://x.org/with space/",
                         "https://x.org/<>/", "", ":x", "https://x.org/é/"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ng_write_options o = {bad[i]};
        ng_status st = NG_OK;
        free(jsonld_of(g, &o, &st));
        if (st != NG_EUSAGE) {
            fprintf(stderr, "base \"%s\" accepted\n", bad[i]);
            failures++;
        }
    }
    ng_write_options o = {"https://kg.example.org/news"};
    ng_status st = NG_EIO;
    char *j = jsonld_of(g, &o, &st);
    CHECK(st == NG_OK && j && strstr(j, "\"https://kg.example.org/news/entity/a\""));
    CHECK(j && strstr(j, "\"ng\":\"https://newsgraph.example/vocab#\""));
    free(j);
    ng_graph_free(g);
}

static void empty_graph_writes_valid_files(void)
{
    ng_graph *g = graph_of(NULL, 0);
    CHECK(ng_graph_vertex_count(g) == 0 && ng_graph_edge_count(g) == 0);
    ng_status st = NG_EIO;
    char *j = jsonld_of(g, NULL, &st);
    CHECK(st == NG_OK && j && strstr(j, "\"@graph\":[\n]}\n"));
    free(j);
    for (size_t i = 0; i < NWRITERS; i++) {
        char *buf = NULL;
        size_t len = 0;
        ng_error err = {""};
        FILE *m = open_memstream(&buf, &len);
        CHECK(m && writers[i](g, m, NULL, &err) == NG_OK);
        if (m)
            fclose(m);
        free(buf);
    }
    ng_graph_free(g);
}

static void modalities_are_filtered(void)
{
    ng_error err = {""};
    for (int round = 0; round < 3; round++) {
        ng_graph *g = ng_graph_new();
        if (round == 1)
            ng_graph_set_modalities(g, (1u << NG_MOD_ASSERTED) | (1u << NG_MOD_PLANNED));
        if (round == 2)
            ng_graph_set_modalities(g, 0);
        ng_triple ts[] = {triple("A", "visited", "B", NG_MOD_ASSERTED),
                          triple("A", "visited", "B", NG_MOD_PLANNED),
                          triple("C", "visited", "D", NG_MOD_NEGATED),
                          triple("E", "visited", "F", NG_MOD_HYPOTHETICAL)};
        for (size_t i = 0; i < 4; i++)
            CHECK(ng_graph_add_triple(g, &ts[i]) == NG_OK);
        CHECK(ng_graph_finish(g, &err) == NG_OK);
        static const size_t edges[] = {1, 2, 0}, vertices[] = {2, 2, 0}, skipped[] = {3, 2, 4};
        CHECK(ng_graph_edge_count(g) == edges[round]);
        CHECK(ng_graph_vertex_count(g) == vertices[round]);
        CHECK(ng_graph_triples_added(g) == 4);
        CHECK(ng_graph_triples_skipped(g) == skipped[round]);
        ng_graph_free(g);
    }
}

static void bad_triples_are_refused(void)
{
    ng_graph *g = ng_graph_new();
    ng_triple t = triple("A", "met-with", "B", NG_MOD_ASSERTED);
    t.subject = NULL;
    CHECK(ng_graph_add_triple(g, &t) == NG_EUSAGE);
    t = triple("A", "", "B", NG_MOD_ASSERTED);
    CHECK(ng_graph_add_triple(g, &t) == NG_EINPUT);
    t = triple("A", "met-with", "B", (ng_modality)99);
    CHECK(ng_graph_add_triple(g, &t) == NG_EINPUT);
    t = triple("A", "met-with", "B", NG_MOD_ASSERTED);
    t.evidence = NULL;
    CHECK(ng_graph_add_triple(g, &t) == NG_EUSAGE);
    t.evidence_len = 0;
    t.doc = t.date = t.subject_type = NULL;
    CHECK(ng_graph_add_triple(g, &t) == NG_OK);
    CHECK(ng_graph_add_triple(g, NULL) == NG_EUSAGE);
    CHECK(ng_graph_add_triple(NULL, &t) == NG_EUSAGE);
    CHECK(ng_graph_triples_added(g) == 1);
    ng_graph_free(g);
}

/* Declaring a relation symmetric after its triples still merges A-B with
 * B-A: the ends are put in order when the graph is finished. */
static void symmetric_relation_declared_late_still_merges(void)
{
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    ng_triple ab = triple("Bob", "met-with", "Alice", NG_MOD_ASSERTED);
    ng_triple ba = triple("Alice", "met-with", "Bob", NG_MOD_ASSERTED);
    ba.doc = "doc-2";
    CHECK(ng_graph_add_triple(g, &ab) == NG_OK);
    CHECK(ng_graph_add_triple(g, &ba) == NG_OK);
    CHECK(ng_graph_declare_relation(g, "met-with", 1, "met with") == NG_OK);
    CHECK(ng_graph_finish(g, &err) == NG_OK);
    CHECK(ng_graph_edge_count(g) == 1);
    ng_status st = NG_EIO;
    char *j = jsonld_of(g, NULL, &st);
    CHECK(j && strstr(j, "statement/alice/metWith/bob\""));
    CHECK(j && strstr(j, "\"ng:weight\":2,\"ng:mentions\":2"));
    free(j);
    ng_graph_free(g);
}

static void analytics_can_be_switched_off(void)
{
    const char *pairs[] = {"A", "B"};
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    ng_graph_set_analytics(g, NG_ANALYTICS_DEGREE);
    ng_triple t = triple(pairs[0], "met-with", pairs[1], NG_MOD_ASSERTED);
    CHECK(ng_graph_add_triple(g, &t) == NG_OK);
    CHECK(ng_graph_finish(g, &err) == NG_OK);
    for (size_t i = 0; i < NWRITERS; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        CHECK(m && writers[i](g, m, NULL, &err) == NG_OK);
        if (m)
            fclose(m);
        CHECK(buf && strstr(buf, "degree"));
        CHECK(buf && !strstr(buf, "pagerank") && !strstr(buf, "community"));
        free(buf);
    }
    ng_graph_free(g);
}

/* GEXF: documents of consecutive days make one spell, a gap starts another,
 * an undated document adds none; the nodes start at the first date. */
static void gexf_spells_merge_consecutive_days(void)
{
    static const char *const docs[][2] = {
        {"d1", "2024-02-28"}, {"d2", "2024-02-29"}, {"d3", "2024-03-01"},
        {"d4", "2024-03-01"}, {"d5", "2024-03-09"}, {"d6", ""}};
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        ng_triple t = triple("Alice", "met-with", "Bob", NG_MOD_ASSERTED);
        t.doc = docs[i][0];
        t.date = docs[i][1];
        CHECK(ng_graph_add_triple(g, &t) == NG_OK);
    }
    CHECK(ng_graph_finish(g, &err) == NG_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CHECK(m && ng_graph_write_gexf(g, m, NULL, &err) == NG_OK);
    if (m)
        fclose(m);
    CHECK(buf && strstr(buf, "<spell start=\"2024-02-28\" end=\"2024-03-01\"/>"));
    CHECK(buf && strstr(buf, "<spell start=\"2024-03-09\" end=\"2024-03-09\"/>"));
    CHECK(buf && !strstr(buf, "<spell start=\"2024-02-29\""));
    CHECK(buf && strstr(buf, "label=\"Alice\" start=\"2024-02-28\""));
    free(buf);
    ng_graph_free(g);
}

static const struct {
    const char *name;
    void (*run)(void);
} tests[] = {
    {"gexf_spells_merge_consecutive_days", gexf_spells_merge_consecutive_days},
    {"symmetric_relation_declared_late_still_merges", symmetric_relation_declared_late_still_merges},
    {"analytics_can_be_switched_off", analytics_can_be_switched_off},
    {"slugs_are_stable_and_unique", slugs_are_stable_and_unique},
    {"relation_names_become_camel_case", relation_names_become_camel_case},
    {"writers_refuse_an_unfinished_graph", writers_refuse_an_unfinished_graph},
    {"writers_report_a_full_disk", writers_report_a_full_disk},
    {"bad_base_iri_is_refused", bad_base_iri_is_refused},
    {"empty_graph_writes_valid_files", empty_graph_writes_valid_files},
    {"modalities_are_filtered", modalities_are_filtered},
    {"bad_triples_are_refused", bad_triples_are_refused},
};

int main(int argc, char **argv)
{
    ng_graph_init_library();
    for (size_t i = 0; argc == 2 && i < sizeof tests / sizeof tests[0]; i++) {
        if (strcmp(argv[1], tests[i].name) == 0) {
            tests[i].run();
            if (failures == 0)
                printf("ok: %s\n", argv[1]);
            return failures != 0;
        }
    }
    fprintf(stderr, "usage: graph_unit <test name>\n");
    return 2;
}
