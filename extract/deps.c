/* What a document asks of the state learned across the corpus, and the
 * answers it got.
 *
 * Resolution reads the learned state through two questions only
 * (ng_corpus_spelling, ng_corpus_binding), and everything else it does
 * depends on the document and the knowledge alone.  So triples found while
 * only part of the corpus was learned are exactly the triples the whole
 * corpus gives whenever the whole corpus answers every question the same:
 * ng_deps_hold checks that, and the caller extracts again only when it
 * does not.
 *
 * A record: the kind (DEP_*), its words (NUL-terminated), its key bytes,
 * then 1 and the answer, or 0 and an empty string when there was none. */
#include <stdlib.h>
#include <string.h>

#include "docstate.h"

enum { BINDING_KEY = 3 * sizeof(int32_t) };

static void put(ng_docstate *d, const void *p, size_t n)
{
    if (d->deps_lost || n == 0)
        return;
    if (d->cap_deps - d->ndeps < n) {
        size_t cap = d->cap_deps ? d->cap_deps : 256;
        while (cap - d->ndeps < n && cap < SIZE_MAX / 2)
            cap *= 2;
        char *grown = cap - d->ndeps >= n ? realloc(d->deps, cap) : NULL;
        if (!grown) {
            d->deps_lost = 1; /* the caller extracts again */
            return;
        }
        d->deps = grown;
        d->cap_deps = cap;
    }
    memcpy(d->deps + d->ndeps, p, n);
    d->ndeps += n;
}

void ng_note_dep(ng_docstate *d, int kind, const char *const *words, size_t nwords,
                 const void *key, size_t key_len, const char *answer)
{
    char c = (char)kind, found = answer != NULL;
    put(d, &c, 1);
    for (size_t i = 0; i < nwords; i++)
        put(d, words[i], strlen(words[i]) + 1);
    put(d, key, key_len);
    put(d, &found, 1);
    put(d, answer ? answer : "", answer ? strlen(answer) + 1 : 1);
}

/* The NUL-terminated string at *p, or NULL when the record is cut short. */
static const char *take(const char **p, const char *end)
{
    const char *s = *p, *nul = s < end ? memchr(s, '\0', (size_t)(end - s)) : NULL;
    if (nul)
        *p = nul + 1;
    return nul ? s : NULL;
}

/* The answer d gives now to the question at *p; *ok = 0 when the record is
 * malformed. */
static const char *ask_again(const ng_docstate *d, const char **p, const char *end, int *ok)
{
    char kind = *(*p)++;
    if (kind == DEP_SPELLING) {
        const char *first = take(p, end), *last = first ? take(p, end) : NULL;
        const char *label = last ? take(p, end) : NULL;
        *ok = label != NULL;
        return label ? ng_corpus_spelling(d, first, last, label) : NULL;
    }
    int32_t key[3];
    *ok = kind == DEP_BINDING && end - *p >= BINDING_KEY;
    if (!*ok)
        return NULL;
    memcpy(key, *p, BINDING_KEY);
    *p += BINDING_KEY;
    return ng_corpus_binding(d, key[0], key[1], key[2]);
}

int ng_deps_hold(const ng_docstate *d, const char *deps, size_t len)
{
    const char *p = deps, *end = deps + len;
    while (p < end) {
        int ok;
        const char *now = ask_again(d, &p, end, &ok);
        if (!ok || p >= end)
            return 0;
        int found = *p++;
        const char *then = take(&p, end);
        if (!then || found != (now != NULL) || (now && strcmp(now, then) != 0))
            return 0;
    }
    return 1;
}
