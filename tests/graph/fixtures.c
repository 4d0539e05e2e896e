/* Fixed triples for the graph tests.
 *
 * "small": four people, three countries, three cities, an organisation, the
 * four relations of the default rules, repeated across documents with
 * different dates; planned, negated and hypothetical triples that must not
 * become edges.  The golden files and the SPARQL answers are derived from
 * this list by hand: change one, change the other.
 *
 * "hostile": labels, evidence and document ids that break naive writers:
 * quotes, backslashes, "\N", markup, newlines, tabs, control characters,
 * invalid UTF-8, DOT keywords, a number, an empty label, Cyrillic, CJK,
 * emoji, a 10 kB label, labels whose slugs collide, a user relation whose
 * name has no ASCII letter; and every modality let in. */
#include <string.h>

#include "fixtures.h"

#define T(doc, date, s, st, rel, o, ot, mod, sent, ev) \
    {doc, date, s, st, rel, o, ot, NG_MOD_##mod, sent, 0, 0, "test", ev, sizeof ev - 1}

static const ng_triple small_triples[] = {
    T("nw-0001", "2024-03-01", "Marek Horváth", "Person", "met-with", "Anna Kovač", "Person",
      ASSERTED, 0, "Marek Horváth met Anna Kovač in Oslo on Friday."),
    T("nw-0001", "2024-03-01", "Anna Kovač", "Person", "visited", "Oslo", "City", ASSERTED, 1,
      "Kovač visited Oslo for two days."),
    T("nw-0002", "2024-03-05", "Anna Kovač", "Person", "met-with", "Marek Horváth", "Person",
      ASSERTED, 2, "Kovač and Horváth met again in Santiago."),
    T("nw-0002", "2024-03-05", "Marek Horváth", "Person", "visited", "Santiago", "City",
      ASSERTED, 3, "Horváth arrived in Santiago on Tuesday."),
    T("nw-0002", "2024-03-05", "Marek Horváth", "Person", "visited", "Santiago", "City",
      ASSERTED, 5, "During his visit to Santiago, Horváth toured the port."),
    T("nw-0003", "2024-02-20", "Anna Kovač", "Person", "met-with", "Marek Horváth", "Person",
      ASSERTED, 4, "Anna Kovač first met Marek Horváth in February."),
    T("nw-0003", "2024-02-20", "Norway", "Country", "held-exercise-with", "Chile", "Country",
      ASSERTED, 6, "Norway held a naval exercise with Chile."),
    T("nw-0004", "2024-04-02", "Chile", "Country", "held-exercise-with", "Norway", "Country",
      ASSERTED, 0, "Chile and Norway held joint drills in the Pacific."),
    T("nw-0004", "2024-04-02", "Omar Haddad", "Person", "sanctioned-by", "European Union",
      "Organization", ASSERTED, 1, "Omar Haddad was sanctioned by the European Union."),
    T("nw-0005", "", "Omar Haddad", "Person", "sanctioned-by", "Norway", "Country", ASSERTED, 2,
      "Norway also sanctioned Haddad."),
    T("nw-0005", "", "Lena Fischer", "Person", "visited", "Japan", "Country", PLANNED, 3,
      "Lena Fischer plans to visit Japan."),
    T("nw-0006", "2024-04-10", "Omar Haddad", "Person", "met-with", "Lena Fischer", "Person",
      NEGATED, 0, "Haddad did not meet Fischer."),
    T("nw-0006", "2024-04-10", "Marek Horváth", "Person", "visited", "São Paulo", "City",
      ASSERTED, 1, "Horváth later visited São Paulo."),
    T("nw-0007", "2024-13-45", "Anna Kovač", "Person", "visited", "Oslo", "Place", ASSERTED, 0,
      "Kovač was back in Oslo."),
    T("nw-0007", "2024-13-45", "Marek Horváth", "Person", "sanctioned-by", "European Union",
      "Organization", HYPOTHETICAL, 1, "Horváth could be sanctioned by the EU."),
    T("wire 2024/03/05 #7", "2024-03-05", "Omar Haddad", "Person", "visited", "Santiago",
      "Place", ASSERTED, 9, "Haddad was seen in Santiago."),
};

static const fixture_alias small_aliases[] = {
    {"Anna Kovač", "Kovač"},
    {"Anna Kovač", "A. Kovač"},
    {"Anna Kovač", "Kovač"},
    {"Anna Kovač", "Anna Kovač"},
    {"Marek Horváth", "Horváth"},
    {"Lena Fischer", "Fischer"},
    {"European Union", "EU"},
};

/* 10 kB of label, built once. */
static char long_label[10 * 1024 + 1];

#define H(doc, date, s, st, rel, o, ot, mod, ev) \
    {doc, date, s, st, rel, o, ot, NG_MOD_##mod, 0, 0, 0, "test", ev, sizeof ev - 1}

static ng_triple hostile_triples[] = {
    H("q\"uote", "2024-01-01", "He said \"hi\"", "Person", "met-with", "back\\slash", "Person",
      ASSERTED, "\"Hi,\" he said \\ to back\\slash."),
    H("d|pipe", "2024-01-02", "\\N", "Person", "visited", "\\G \\L \\E \\T \\H", "Place", ASSERTED,
      "\\N visited \\G; \\l\\n\\r"),
    H("<doc>&amp;", "2024-01-03", "<b>&amp;</b>", "Organization", "sanctioned-by", "a < b & c > d",
      "Organization", ASSERTED, "<script>alert('x')</script> & &amp; ]]> <!-- -->"),
    H("line\nbreak", "2024-01-04", "line\nbreak", "Person", "met-with", "tab\there", "Person",
      ASSERTED, "line one\nline two\r\nline three\ttabbed"),
    H("ctl", "2024-01-05", "ctl\x01\x02\x1f\x7f end", "Person", "visited", "bad\xff\xfe\xc3(utf8",
      "City", ASSERTED, "nul \0 inside, bell \a, escape \x1b[31m, bad \xc0\xaf \xed\xa0\x80"),
    H("keywords", "2024-01-06", "graph", "Organization", "met-with", "node", "Organization",
      ASSERTED, "graph met node"),
    H("keywords", "2024-01-06", "edge", "Organization", "held-exercise-with", "strict",
      "Organization", ASSERTED, "edge and strict drilled"),
    H("numbers", "2024-01-07", "1e6", "Organization", "visited", "-1.5", "Place", ASSERTED,
      "1e6 visited -1.5"),
    H("empty", "2024-01-08", "", "Person", "visited", "Москва", "City", ASSERTED,
      "Someone visited Moscow."),
    H("Москва-doc", "2024-01-09", "北京", "City", "held-exercise-with", "Москва", "City",
      ASSERTED, "北京和Москва举行了演习。"),
    H("emoji 🙂", "2024-01-10", "🙂 Smiley Org", "Organization", "встретился", "北京", "City",
      ASSERTED, "🙂🙃 emoji evidence 👍🏽"),
    H("long", "2024-01-11", long_label, "Person", "visited", "Zürich", "City", ASSERTED,
      "A very long name visited Zürich."),
    H("collide", "2024-01-12", "Zurich", "City", "held-exercise-with", "Zürich", "City",
      ASSERTED, "Zurich and Zürich collide."),
    H("collide", "2024-01-12", "Foo Bar", "Person", "met-with", "foo-bar", "Person", ASSERTED,
      "Foo Bar met foo-bar."),
    H("collide", "2024-01-12", "FOO BAR", "Person", "met-with", "Foo Bar", "Person", PLANNED,
      "FOO BAR will meet Foo Bar."),
    H("quote\"doc", "", "He said \"hi\"", "Person", "has \"quoted\" rel\\ation", "graph",
      "Organization", NEGATED, "He did not \"rel\\ate\" to graph."),
    H("quote\"doc", "not a date", "He said \"hi\"", "Person", "met-with", "back\\slash", "Person",
      HYPOTHETICAL, "He might meet back\\slash again."),
};

static const fixture_alias hostile_aliases[] = {
    {"He said \"hi\"", "\"hi\" guy"},
    {"back\\slash", "b\\s|pipe"},
    {"\\N", "\\N\\N"},
    {"Москва", "Moskva"},
    {"Москва", "Moscow"},
    {"ctl\x01\x02\x1f\x7f end", "ctl\x03"},
};

static const fixture fixtures[] = {
    {"small", small_triples, sizeof small_triples / sizeof small_triples[0], small_aliases,
     sizeof small_aliases / sizeof small_aliases[0], 0},
    {"hostile", hostile_triples, sizeof hostile_triples / sizeof hostile_triples[0],
     hostile_aliases, sizeof hostile_aliases / sizeof hostile_aliases[0],
     (1u << NG_MOD_COUNT) - 1u},
};

const fixture *fixture_get(const char *name)
{
    if (!long_label[0]) {
        static const char word[] = "Long-name ";
        for (size_t i = 0; i < sizeof long_label - 1; i++)
            long_label[i] = word[i % (sizeof word - 1)];
    }
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++)
        if (strcmp(fixtures[i].name, name) == 0)
            return &fixtures[i];
    return NULL;
}

/* The relations of the default rules, plus the hostile fixture's own. */
static ng_status declare(ng_graph *g)
{
    static const struct {
        const char *name;
        int symmetric;
        const char *label;
    } rels[] = {
        {"met-with", 1, "met with"},
        {"visited", 0, "visited"},
        {"sanctioned-by", 0, "sanctioned by"},
        {"held-exercise-with", 1, "held an exercise with"},
    };
    ng_status st = NG_OK;
    for (size_t i = 0; st == NG_OK && i < sizeof rels / sizeof rels[0]; i++)
        st = ng_graph_declare_relation(g, rels[i].name, rels[i].symmetric, rels[i].label);
    return st;
}

ng_status fixture_build(const fixture *f, const size_t *order, ng_graph **out, ng_error *err)
{
    ng_graph *g = ng_graph_new();
    ng_status st = g ? declare(g) : NG_ENOMEM;
    if (st == NG_OK && f->modalities)
        ng_graph_set_modalities(g, f->modalities);
    size_t n = f->ntriples + f->naliases;
    for (size_t k = 0; st == NG_OK && k < n; k++) {
        size_t i = order ? order[k] : k;
        if (i < f->ntriples)
            st = ng_graph_add_triple(g, &f->triples[i]);
        else
            st = ng_graph_add_alias(g, f->aliases[i - f->ntriples].label,
                                    f->aliases[i - f->ntriples].alias);
        if (st != NG_OK)
            ng_fail(err, st, "adding item %zu failed: %s", i, ng_strerror(st));
    }
    if (st == NG_OK)
        st = ng_graph_finish(g, err);
    if (st != NG_OK) {
        ng_graph_free(g);
        return st;
    }
    *out = g;
    return NG_OK;
}
