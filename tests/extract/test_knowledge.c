/* Knowledge files: dated roles, bindings learned across documents, user
 * rules with new relations, and clear errors for broken files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ng_extract.h"

static int failures;

static void check(int ok, const char *name, const char *detail)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", name);
    if (!ok) {
        printf("  %s\n", detail);
        failures++;
    }
}

typedef struct {
    char buf[2048];
    size_t len;
} out;

static int collect(const ng_triple *t, void *user)
{
    out *o = user;
    int n = snprintf(o->buf + o->len, sizeof o->buf - o->len, "%s %s %s %s\n", t->subject,
                     t->relation, t->object, ng_modality_name(t->modality));
    if (n > 0 && (size_t)n < sizeof o->buf - o->len)
        o->len += (size_t)n;
    return 0;
}

static ng_knowledge *knowledge(const char *roles, const char *rules)
{
    ng_error err = {0};
    ng_knowledge *k = ng_knowledge_new();
    if (!k || ng_knowledge_load_defaults(k, &err) ||
        (roles && ng_knowledge_add_roles_text(k, "roles.csv", roles, strlen(roles), &err)) ||
        (rules && ng_knowledge_add_rules_text(k, "extra.ngr", rules, strlen(rules), &err)) ||
        ng_knowledge_compile(k, &err)) {
        fprintf(stderr, "knowledge: %s\n", err.msg);
        exit(1);
    }
    return k;
}

/* Runs the documents through both passes and returns what they gave. */
static void run(const ng_knowledge *k, const ng_doc *docs, size_t n, out *o)
{
    ng_extractor *x = ng_extractor_new(k);
    memset(o, 0, sizeof *o);
    for (size_t i = 0; i < n; i++)
        ng_extractor_learn(x, &docs[i]);
    for (size_t i = 0; i < n; i++)
        ng_extract_doc(x, &docs[i], collect, o);
    ng_extractor_free(x);
}

static void roles_file_picks_the_holder_by_date(void)
{
    const char *roles = "role,country,person,from,to\n"
                        "president,United States,George Bush,1989-01-20,1993-01-20\n"
                        "president,United States,George W. Bush,2001-01-20,2009-01-20\n";
    ng_knowledge *k = knowledge(roles, NULL);
    const char *text = "The U.S. president flew to Tokyo on Monday.";
    ng_doc docs[2] = {{"a", "1990-05-01", "", text, strlen(text)},
                      {"b", "2005-05-01", "", text, strlen(text)}};
    out o;
    run(k, docs, 2, &o);
    check(strcmp(o.buf, "George Bush visited Tokyo asserted\n"
                        "George W. Bush visited Tokyo asserted\n") == 0,
          "roles_file_picks_the_holder_by_date", o.buf);
    ng_knowledge_free(k);
}

static void bindings_learned_from_other_documents(void)
{
    ng_knowledge *k = knowledge(NULL, NULL);
    const char *a = "Norwegian Defence Minister Lars Berg met Danish officials.";
    const char *b = "Norway's defence minister arrived in Helsinki on Tuesday.";
    const char *c = "Norway's defence minister arrived in Stockholm.";
    ng_doc docs[3] = {{"a", "2024-02-01", "", a, strlen(a)},
                      {"b", "2024-02-03", "", b, strlen(b)},
                      {"c", "2031-02-03", "", c, strlen(c)}};
    out o;
    run(k, docs, 3, &o);
    /* c is seven years later: the binding is too old to trust */
    check(strcmp(o.buf, "Lars Berg visited Helsinki asserted\n") == 0,
          "bindings_learned_from_other_documents", o.buf);
    ng_knowledge_free(k);
}

/* doc's triples from pass 1 with what x has learned by then (learning doc
 * too), and whether y, which learned everything, still answers the same. */
static int found_early(ng_extractor *x, const ng_extractor *y, const ng_doc *doc, out *o)
{
    memset(o, 0, sizeof *o);
    size_t len;
    const char *deps;
    if (ng_extractor_learn(x, doc) || ng_extractor_extract_learned(x, collect, o) ||
        !(deps = ng_extractor_deps(x, &len)))
        return -1;
    return ng_extractor_deps_hold(y, deps, len);
}

static void early_triples_stand_while_the_corpus_answers_the_same(void)
{
    ng_knowledge *k = knowledge(NULL, NULL);
    const char *bind = "Norwegian Defence Minister Lars Berg met Danish officials.";
    const char *role = "Norway's defence minister arrived in Helsinki on Tuesday.";
    const char *named = "Lars Berg flew to Oslo.";
    const char *common = "Foreign Minister Sofia Lind visited Riga.";
    const char *variant = "Foreign Minister Sophia Lind visited Vilnius.";
    ng_doc docs[5] = {{"role", "2024-02-03", "", role, strlen(role)},
                      {"bind", "2024-02-01", "", bind, strlen(bind)},
                      {"named", "2024-02-04", "", named, strlen(named)},
                      {"variant", "2024-02-05", "", variant, strlen(variant)},
                      {"common", "2024-02-06", "", common, strlen(common)}};
    ng_extractor *y = ng_extractor_new(k);
    for (size_t i = 0; i < 5; i++)
        ng_extractor_learn(y, &docs[i]);
    ng_extractor_learn(y, &docs[4]); /* "Sofia Lind" is the corpus spelling */
    const char *early_want[5] = {"", "", "Lars Berg visited Oslo asserted\n",
                                 "Sophia Lind visited Vilnius asserted\n",
                                 /* x has seen only "Sophia" by then */
                                 "Sophia Lind visited Riga asserted\n"};
    const int hold_want[5] = {0, 1, 1, 0, 0};
    char detail[5000] = "";
    int ok = 1;
    ng_extractor *x = ng_extractor_new(k); /* learns in order, as pass 1 does */
    for (size_t i = 0; i < 5; i++) {
        out early, late;
        int hold = found_early(x, y, &docs[i], &early);
        memset(&late, 0, sizeof late);
        ng_extract_doc(y, &docs[i], collect, &late);
        /* what the checks promise: when they hold, nothing changes */
        int good = hold == hold_want[i] && strcmp(early.buf, early_want[i]) == 0 &&
                   (hold != 1 || strcmp(early.buf, late.buf) == 0);
        if (!good) {
            snprintf(detail, sizeof detail, "%s: hold %d, early '%s', late '%s'", docs[i].id,
                     hold, early.buf, late.buf);
            ok = 0;
            break;
        }
    }
    check(ok, "early_triples_stand_while_the_corpus_answers_the_same", detail);
    ng_extractor_free(x);
    ng_extractor_free(y);
    ng_knowledge_free(k);
}

static void user_rules_add_a_relation(void)
{
    const char *rules = "relation signed-deal-with symmetric label=\"signed a deal with\" "
                        "subject=Country,Organization object=Country,Organization\n"
                        "class sign = signed | signs | sign\n"
                        "rule deal.sign signed-deal-with : S ..3 {sign} ..4 deal|agreement with O\n";
    ng_knowledge *k = knowledge(NULL, rules);
    const char *text = "Chile signed a trade agreement with Vietnam on Friday.";
    ng_doc doc = {"d", "2024-03-01", "", text, strlen(text)};
    out o;
    run(k, &doc, 1, &o);
    int declared = 0;
    for (size_t i = 0; i < ng_knowledge_relation_count(k); i++)
        declared |= strcmp(ng_knowledge_relation_name(k, i), "signed-deal-with") == 0 &&
                    ng_knowledge_relation_symmetric(k, i);
    check(declared && strcmp(o.buf, "Chile signed-deal-with Vietnam asserted\n") == 0,
          "user_rules_add_a_relation", o.buf);
    ng_knowledge_free(k);
}

static void expect_error(const char *name, int kind, const char *text, const char *want)
{
    ng_error err = {0};
    ng_knowledge *k = ng_knowledge_new();
    ng_knowledge_load_defaults(k, &err);
    ng_status st = kind == 0   ? ng_knowledge_add_rules_text(k, "my.ngr", text, strlen(text), &err)
                   : kind == 1 ? ng_knowledge_add_lexicon_text(k, "my.csv", text, strlen(text), &err)
                               : ng_knowledge_add_roles_text(k, "roles.csv", text, strlen(text), &err);
    check(st == NG_EINPUT && strcmp(err.msg, want) == 0, name, err.msg);
    ng_knowledge_free(k);
}

static void broken_files_are_reported_with_their_line(void)
{
    expect_error("rule_with_unknown_relation_names_its_line", 0,
                 "# mine\nrule x.y flew-with : S flew with O\n",
                 "my.ngr: line 2: unknown relation 'flew-with' (declare it with 'relation' first)");
    expect_error("rule_with_unknown_class_names_its_line", 0,
                 "rule x.y met-with : S {nothing} O\n",
                 "my.ngr: line 1: unknown class 'nothing' (define it with 'class' before the rule)");
    expect_error("lexicon_with_bad_type_names_its_line", 1,
                 "label,type,aliases,demonyms,country,metonym\nAtlantis,Continent,,,,\n",
                 "my.csv: line 2: type 'Continent' is not one of Person, Country, City, Place, "
                 "Organization");
    expect_error("lexicon_without_its_columns_says_which", 1, "name,kind\nx,y\n",
                 "my.csv: line 1: the header has no column 'label'");
    expect_error("lexicon_with_invalid_utf8_names_its_line", 1,
                 "label,type,aliases,demonyms,country,metonym\nAtlantis,Place,,,,\nBad\xff,Place,,,,\n",
                 "my.csv: line 3: not valid UTF-8 text (byte 0xFF)");
    expect_error("rules_with_invalid_utf8_name_their_line", 0, "# ok\n# bad \xc3\x28\n",
                 "my.ngr: line 2: not valid UTF-8 text (byte 0xC3)");
    expect_error("roles_with_bad_date_names_its_line", 2,
                 "role,country,person,from,to\npresident,France,A B,2020-13-01,\n",
                 "roles.csv: line 2: dates must be YYYY-MM-DD");
}

static void invalid_utf8_is_repaired_before_extraction(void)
{
    ng_knowledge *k = knowledge(NULL, NULL);
    const char text[] = "Irish Prime Minister Sean Byrne\xff\xfe arrived in Oslo.";
    ng_doc doc = {"u", "2024-03-01", "", text, sizeof text - 1};
    out o;
    run(k, &doc, 1, &o);
    check(strstr(o.buf, "visited Oslo asserted") != NULL && strchr(o.buf, '\xff') == NULL,
          "invalid_utf8_is_repaired_before_extraction", o.buf);
    ng_knowledge_free(k);
}

int main(void)
{
    roles_file_picks_the_holder_by_date();
    bindings_learned_from_other_documents();
    early_triples_stand_while_the_corpus_answers_the_same();
    user_rules_add_a_relation();
    broken_files_are_reported_with_their_line();
    invalid_utf8_is_repaired_before_extraction();
    printf("%d failed\n", failures);
    return failures != 0;
}
