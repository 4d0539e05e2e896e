/* Fuzz target: the knowledge-file readers: entities (--lexicon), titles
 * (--titles) and roles (--roles), then the compiler and the extractor with
 * what they built.
 *
 * Input: byte 0 holds options: bits 0-1 pick the reader (0 lexicon, 1 titles,
 * 2 roles, 3 all three: the rest is split at NUL bytes into a lexicon, a
 * titles file and a roles file, added in the order the command line adds
 * them); bits 2 and 7 both set load the built-in knowledge first (slow:
 * a quarter of the inputs).  Each part is handed over
 * without a copy.
 *
 * A rejected file must come back as NG_EINPUT with a message naming it; an
 * accepted one must compile and extract the fixed sentences, and the aliases
 * of any label must be valid UTF-8. */
#include "fuzz_common.h"
#include "ng_extract.h"

static const char *const sentences[] = {
    "Brazilian President Ana Lima met Indian Prime Minister Rohan Mehta in Delhi on Monday. "
    "The Russian president later visited Atlantis City and Kenya.",
    "Ruritania's Defence Minister Karl Brenner arrived in Strelsau, where the defence minister "
    "met Grand Vizier Ali Pasha. Sanctions were imposed on Ruritania by the European Union.",
};

typedef ng_status (*add_fn)(ng_knowledge *, const char *, const char *, size_t, ng_error *);

static ng_status add(ng_knowledge *k, add_fn fn, const char *name, const uint8_t *p, size_t n)
{
    ng_error err = {0};
    ng_status s = fn(k, name, (const char *)p, n, &err);
    if (s != NG_OK) {
        FUZZ_CHECK(s == NG_EINPUT || s == NG_ENOMEM);
        FUZZ_CHECK(strncmp(err.msg, name, strlen(name)) == 0);
    }
    return s;
}

static int on_triple(const ng_triple *t, void *user)
{
    const ng_doc *doc = user;
    FUZZ_CHECK(fuzz_cstr_ok(t->subject) && t->subject[0] != '\0');
    FUZZ_CHECK(fuzz_cstr_ok(t->object) && t->object[0] != '\0');
    FUZZ_CHECK(t->start <= t->end && t->end <= doc->len);
    FUZZ_CHECK(memcmp(doc->text + t->start, t->evidence, t->evidence_len) == 0);
    return 0;
}

static void on_alias(const char *alias, void *user)
{
    size_t *n = user;
    FUZZ_CHECK(fuzz_cstr_ok(alias));
    (*n)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned opts = data[0];
    data++;
    size--;
    static const add_fn fns[3] = {ng_knowledge_add_lexicon_text, ng_knowledge_add_titles_text,
                                  ng_knowledge_add_roles_text};
    static const char *const names[3] = {"lexicon.csv", "titles.csv", "roles.csv"};
    ng_error err = {0};
    ng_knowledge *k = ng_knowledge_new();
    FUZZ_CHECK(k != NULL);
    if ((opts & 0x84) == 0x84)
        FUZZ_CHECK(ng_knowledge_load_defaults(k, &err) == NG_OK);

    ng_status s = NG_OK;
    unsigned which = opts & 3;
    if (which < 3) {
        s = add(k, fns[which], names[which], data, size);
    } else {
        const uint8_t *p = data, *end = data + size;
        for (int i = 0; i < 3 && s == NG_OK; i++) {
            const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
            const uint8_t *stop = nul ? nul : end;
            s = add(k, fns[i], names[i], p, (size_t)(stop - p));
            p = nul ? nul + 1 : end;
        }
    }
    if (s != NG_OK)
        goto done;
    s = ng_knowledge_compile(k, &err);
    if (s != NG_OK) {
        FUZZ_CHECK(s == NG_EINPUT || s == NG_ENOMEM);
        goto done;
    }
    ng_extractor *x = ng_extractor_new(k);
    FUZZ_CHECK(x != NULL);
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
        ng_doc doc = {"fixed", i ? "1999-05-01" : "2023-04-17", "", sentences[i],
                      strlen(sentences[i])};
        FUZZ_CHECK(ng_extractor_learn(x, &doc) == NG_OK);
        FUZZ_CHECK(ng_extract_doc(x, &doc, on_triple, &doc) == NG_OK);
    }
    ng_extractor_free(x);

    /* aliases of known labels, and of the input's first line as a label */
    size_t n = 0;
    ng_knowledge_aliases(k, "United States", on_alias, &n);
    ng_knowledge_aliases(k, "Atlantis City", on_alias, &n);
    char label[64];
    size_t len = 0;
    while (len < size && len < sizeof label - 1 && data[len] != '\n' && data[len] != ',' &&
           data[len] != '\0') {
        label[len] = (char)data[len];
        len++;
    }
    label[len] = '\0';
    ng_knowledge_aliases(k, label, on_alias, &n);
done:
    ng_knowledge_free(k);
    return 0;
}
