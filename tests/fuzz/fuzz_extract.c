/* Fuzz target: the document extractor over arbitrary bytes.
 *
 * Input: byte 0 picks the document date (one of a few, "" included), whether
 * the extractor learns the document before extracting it (the first pass of
 * a run) and whether it has a title; the rest is the article text, handed
 * over without a copy so that any read past its end is caught.
 *
 * Besides "no crash, no leak, no undefined behaviour", every triple must hold
 * what ng_extract.h promises: text[start, end) of the cleaned text is the
 * evidence, every string is valid UTF-8, triples come in text order; and a
 * second extraction with a fresh extractor gives the same triples. */
#include "fuzz_common.h"
#include "ng_extract.h"
#include "ng_text.h"

static const char *const dates[8] = {"",           "2023-04-17", "1987-06-30", "2024-02-29",
                                     "1999-12-31", "2031-01-01", "0001-01-01", "9999-12-31"};

static ng_knowledge *knowledge(void)
{
    static ng_knowledge *k;
    if (!k) {
        ng_error err = {0};
        k = ng_knowledge_new();
        FUZZ_CHECK(k != NULL);
        if (ng_knowledge_load_defaults(k, &err) != NG_OK || ng_knowledge_compile(k, &err) != NG_OK) {
            fprintf(stderr, "default knowledge: %s\n", err.msg);
            abort();
        }
    }
    return k;
}

typedef struct {
    const ng_doc *doc;
    const char *clean; /* the text the offsets refer to */
    size_t clean_len;
    size_t count, last_sentence, last_start;
    uint64_t hash;
} sink;

static int is_type(const char *t)
{
    static const char *const types[] = {"Person", "Country", "City", "Place", "Organization"};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        if (strcmp(t, types[i]) == 0)
            return 1;
    }
    return 0;
}

static int on_triple(const ng_triple *t, void *user)
{
    sink *s = user;
    FUZZ_CHECK(t->doc && strcmp(t->doc, s->doc->id) == 0);
    FUZZ_CHECK(t->date && strcmp(t->date, s->doc->date) == 0);
    FUZZ_CHECK(fuzz_cstr_ok(t->subject) && t->subject[0] != '\0');
    FUZZ_CHECK(fuzz_cstr_ok(t->object) && t->object[0] != '\0');
    FUZZ_CHECK(fuzz_cstr_ok(t->relation) && t->relation[0] != '\0');
    FUZZ_CHECK(fuzz_cstr_ok(t->rule));
    FUZZ_CHECK(t->subject_type && is_type(t->subject_type));
    FUZZ_CHECK(t->object_type && is_type(t->object_type));
    FUZZ_CHECK((unsigned)t->modality < NG_MOD_COUNT);
    FUZZ_CHECK(t->start <= t->end && t->end <= s->clean_len);
    FUZZ_CHECK(t->evidence && t->evidence_len == t->end - t->start);
    FUZZ_CHECK(memcmp(s->clean + t->start, t->evidence, t->evidence_len) == 0);
    FUZZ_CHECK(fuzz_utf8_ok(t->evidence, t->evidence_len));
    /* text order */
    FUZZ_CHECK(s->count == 0 || t->sentence >= s->last_sentence);
    FUZZ_CHECK(s->count == 0 || t->sentence > s->last_sentence || t->start == s->last_start);
    s->last_sentence = t->sentence;
    s->last_start = t->start;
    s->count++;

    uint64_t h = s->hash;
    h = fuzz_hash_str(h, t->subject);
    h = fuzz_hash_str(h, t->relation);
    h = fuzz_hash_str(h, t->object);
    h = fuzz_hash_str(h, t->rule);
    h = fuzz_hash(h, &t->modality, sizeof t->modality);
    h = fuzz_hash(h, &t->start, sizeof t->start);
    h = fuzz_hash(h, &t->end, sizeof t->end);
    s->hash = h;
    return 0;
}

static void extract(const ng_doc *doc, int learn, sink *s)
{
    ng_extractor *x = ng_extractor_new(knowledge());
    FUZZ_CHECK(x != NULL);
    if (learn)
        FUZZ_CHECK(ng_extractor_learn(x, doc) == NG_OK);
    FUZZ_CHECK(ng_extract_doc(x, doc, on_triple, s) == NG_OK);
    ng_extractor_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    ng_doc doc = {"fuzz", dates[mode & 7], (mode & 16) ? "Leaders meet" : "", text, len};

    char *owned = NULL;
    size_t clean_len = len;
    if (!ng_text_is_clean(text, len))
        FUZZ_CHECK(ng_text_clean(text, len, &owned, &clean_len, NULL) == NG_OK);
    FUZZ_CHECK(ng_text_is_clean(owned ? owned : text, clean_len));

    sink a = {&doc, owned ? owned : text, clean_len, 0, 0, 0, 0};
    sink b = a;
    extract(&doc, mode & 8, &a);
    extract(&doc, mode & 8, &b);
    FUZZ_CHECK(a.count == b.count && a.hash == b.hash);
    free(owned);
    return 0;
}
