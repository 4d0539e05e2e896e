/* Fuzz target: the rule-file parser (ng_knowledge_add_rules_text), the rule
 * compiler (ng_knowledge_compile) and the matcher running the rules it built.
 *
 * Input: byte 0 holds options: bits 0 and 7 both set load the built-in
 * knowledge first (so that the rules may use its relations, classes and
 * lexicon; a hundred times slower, hence two bits: a quarter of the
 * inputs), bit 1
 * splits the rest at its first NUL byte into two rule files added in order.
 * The rest is the rule text, handed over without a copy.
 *
 * A rejected file must come back as NG_EINPUT with a message naming it; an
 * accepted one must compile, declare well-formed relations, and extract the
 * fixed sentences below with triples of declared relations only. */
#include "fuzz_common.h"
#include "ng_extract.h"

static const char *const sentences[] = {
    "Brazilian President Ana Lima met Indian Prime Minister Rohan Mehta in Delhi on Monday. "
    "Lima later visited Mumbai and said the two leaders will meet again next month.",
    "The European Union imposed sanctions on Norway, and Japan held joint military exercises "
    "with Chile in the Pacific. He did not visit Kenya.",
};

static size_t relation_index(const ng_knowledge *k, const char *name)
{
    size_t n = ng_knowledge_relation_count(k);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(ng_knowledge_relation_name(k, i), name) == 0)
            return i;
    }
    return n;
}

typedef struct {
    const ng_knowledge *k;
    const char *text;
    size_t len;
} sink;

static int on_triple(const ng_triple *t, void *user)
{
    const sink *s = user;
    FUZZ_CHECK(relation_index(s->k, t->relation) < ng_knowledge_relation_count(s->k));
    FUZZ_CHECK(fuzz_cstr_ok(t->subject) && fuzz_cstr_ok(t->object) && fuzz_cstr_ok(t->rule));
    FUZZ_CHECK(t->start <= t->end && t->end <= s->len);
    FUZZ_CHECK(t->evidence_len == t->end - t->start);
    FUZZ_CHECK(memcmp(s->text + t->start, t->evidence, t->evidence_len) == 0);
    return 0;
}

static ng_status add(ng_knowledge *k, const char *name, const uint8_t *p, size_t n)
{
    ng_error err = {0};
    ng_status s = ng_knowledge_add_rules_text(k, name, (const char *)p, n, &err);
    if (s != NG_OK) {
        FUZZ_CHECK(s == NG_EINPUT || s == NG_ENOMEM);
        FUZZ_CHECK(strncmp(err.msg, name, strlen(name)) == 0);
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned opts = data[0];
    data++;
    size--;
    ng_error err = {0};
    ng_knowledge *k = ng_knowledge_new();
    FUZZ_CHECK(k != NULL);
    if ((opts & 0x81) == 0x81)
        FUZZ_CHECK(ng_knowledge_load_defaults(k, &err) == NG_OK);

    const uint8_t *nul = (opts & 2) ? memchr(data, 0, size) : NULL;
    ng_status s;
    if (nul) {
        size_t first = (size_t)(nul - data);
        s = add(k, "one.ngr", data, first);
        if (s == NG_OK)
            s = add(k, "two.ngr", nul + 1, size - first - 1);
    } else {
        s = add(k, "fuzz.ngr", data, size);
    }
    if (s != NG_OK)
        goto done;
    s = ng_knowledge_compile(k, &err);
    if (s != NG_OK) {
        FUZZ_CHECK(s == NG_EINPUT || s == NG_ENOMEM);
        goto done;
    }
    for (size_t i = 0; i < ng_knowledge_relation_count(k); i++) {
        const char *name = ng_knowledge_relation_name(k, i);
        FUZZ_CHECK(fuzz_cstr_ok(name) && name[0] != '\0');
        FUZZ_CHECK(relation_index(k, name) == i); /* declared once */
        FUZZ_CHECK(fuzz_cstr_ok(ng_knowledge_relation_label(k, i)));
        int sym = ng_knowledge_relation_symmetric(k, i);
        FUZZ_CHECK(sym == 0 || sym == 1);
    }
    ng_extractor *x = ng_extractor_new(k);
    FUZZ_CHECK(x != NULL);
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
        ng_doc doc = {"fixed", "2023-04-17", "", sentences[i], strlen(sentences[i])};
        sink sk = {k, doc.text, doc.len};
        FUZZ_CHECK(ng_extractor_learn(x, &doc) == NG_OK);
        FUZZ_CHECK(ng_extract_doc(x, &doc, on_triple, &sk) == NG_OK);
    }
    ng_extractor_free(x);
done:
    ng_knowledge_free(k);
    return 0;
}
