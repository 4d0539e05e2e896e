/* Stable names: entity slugs (vertex ids, IRIs) and relation property names.
 *
 * A slug depends on the label alone (ASCII lower case, accents stripped, any
 * other run of characters -> '-'), so the same entity gets the same id in
 * every run and every corpus.  Only when that is impossible (an empty slug,
 * a slug cut to 64 characters, or several labels with one slug) do the
 * labels concerned get '-' and the
 * 8 hex digits of the FNV-1a hash of the label appended; should even that
 * collide, 16 hex digits of a 64-bit hash, then salted hashes.  The result
 * depends only on the set of labels, never on their order. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "ng_graph_i.h"

#define MAX_ROUNDS 16
/* Longer slugs are cut (and then get the hash, as they may now collide):
 * ids and IRIs stay readable even for a 10 kB label. */
#define MAX_SLUG 64

/* NFKD with the marks and default-ignorable characters stripped ("Sao Paulo"
 * from "São Paulo"), case folded too when casefold is set.  *out is
 * malloc'ed, or NULL when utf8proc refuses the text (it should not: the text
 * was cleaned) and the caller then uses the text as it is. */
static ng_status fold(const char *s, int casefold, char **out)
{
    utf8proc_option_t opt = UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                            UTF8PROC_IGNORE | (casefold ? UTF8PROC_CASEFOLD : 0);
    utf8proc_uint8_t *dst = NULL;
    *out = NULL;
    if (!*s)
        return NG_OK;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s),
                                      &dst, opt);
    if (n == UTF8PROC_ERROR_NOMEM)
        return NG_ENOMEM;
    *out = n < 0 ? NULL : (char *)dst;
    return NG_OK;
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* The slug of label, before any collision handling; *cut is set when it
 * had to be shortened. */
static ng_status base_slug(const char *label, ng_arena *a, const char **out, int *cut)
{
    char *f;
    ng_status st = fold(label, 1, &f);
    if (st != NG_OK)
        return st;
    const char *src = f ? f : label;
    size_t n = strlen(src);
    char *s = ng_arena_alloc(a, n + 1);
    if (!s) {
        free(f);
        return NG_ENOMEM;
    }
    size_t k = 0;
    int dash = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_alnum(src[i])) {
            dash = k > 0;
            continue;
        }
        if (dash)
            s[k++] = '-';
        s[k++] = lower(src[i]);
        dash = 0;
    }
    *cut = k > MAX_SLUG;
    if (*cut)
        for (k = MAX_SLUG; s[k - 1] == '-';)
            k--;
    s[k] = '\0';
    free(f);
    *out = s;
    return NG_OK;
}

/* The camelCase IRI local name of a relation: "held-exercise-with" ->
 * "heldExerciseWith".  Starts with a letter, so it is also a valid SPARQL
 * prefixed name and XML name. */
static ng_status base_prop(const char *name, ng_arena *a, const char **out)
{
    char *f;
    ng_status st = fold(name, 0, &f);
    if (st != NG_OK)
        return st;
    const char *src = f ? f : name;
    size_t n = strlen(src);
    char *s = ng_arena_alloc(a, n + 2);
    if (!s) {
        free(f);
        return NG_ENOMEM;
    }
    size_t k = 0;
    int word_start = 1;
    for (size_t i = 0; i < n; i++) {
        if (!is_alnum(src[i])) {
            word_start = 1;
            continue;
        }
        if (k == 0 && src[i] >= '0' && src[i] <= '9')
            s[k++] = 'r';
        char c = k == 0 ? lower(src[i]) : word_start ? upper(src[i]) : src[i];
        s[k++] = c;
        word_start = 0;
    }
    s[k] = '\0';
    free(f);
    *out = s;
    return NG_OK;
}

static const char *with_suffix(ng_arena *a, const char *base, const char *empty,
                               const char *label, int round)
{
    size_t len = strlen(label);
    char hex[24];
    if (round == 1) {
        snprintf(hex, sizeof hex, "%08lx", (unsigned long)ng_i_fnv1a32(label, len));
    } else {
        uint64_t h = ng_i_fnv1a64(label, len);
        for (int r = 2; r < round; r++) /* salted rehash, very unlikely */
            h = (h ^ (uint64_t)r) * 1099511628211u;
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    }
    const char *b = *base ? base : empty;
    size_t n = strlen(b) + 1 + strlen(hex);
    char *s = ng_arena_alloc(a, n + 1);
    if (s)
        snprintf(s, n + 1, "%s-%s", b, hex);
    return s;
}

typedef struct {
    const char *name;
    size_t i;
} name_ix;

static int cmp_name_ix(const void *a, const void *b)
{
    return strcmp(((const name_ix *)a)->name, ((const name_ix *)b)->name);
}

/* Bumps the round of every member of a group of equal names; returns how
 * many groups there were. */
static size_t bump_collisions(name_ix *ix, size_t n, int *round)
{
    size_t groups = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(ix[j].name, ix[i].name) == 0)
            j++;
        if (j - i > 1) {
            groups++;
            for (size_t k = i; k < j; k++)
                round[ix[k].i]++;
        }
        i = j;
    }
    return groups;
}

/* Makes out[i] unique: bases[i] itself where possible (see the top).
 * round[i] is 1 where the hash is due anyway (empty or cut), else 0; the
 * caller allocates it and this function uses it. */
static ng_status dedup(const char **labels, const char **bases, int *round, const char **out,
                       size_t n, const char *empty, ng_arena *a, ng_error *err)
{
    ng_status st = NG_ENOMEM;
    name_ix *ix = malloc((n ? n : 1) * sizeof *ix);
    if (!ix)
        goto fail;
    for (int pass = 0;; pass++) {
        if (pass == MAX_ROUNDS) {
            st = ng_fail(err, NG_EINTERNAL, "cannot make unique names for \"%.80s\"", labels[0]);
            goto fail;
        }
        for (size_t i = 0; i < n; i++) {
            out[i] = round[i] ? with_suffix(a, bases[i], empty, labels[i], round[i]) : bases[i];
            if (!out[i])
                goto fail;
            ix[i] = (name_ix){out[i], i};
        }
        qsort(ix, n, sizeof *ix, cmp_name_ix);
        if (bump_collisions(ix, n, round) == 0)
            break;
    }
    st = NG_OK;
fail:
    free(ix);
    return st;
}

ng_status ng_i_assign_slugs(const char **labels, const char **ids, size_t n,
                            ng_arena *arena, ng_error *err)
{
    const char **bases = malloc((n ? n : 1) * sizeof *bases);
    int *round = malloc((n ? n : 1) * sizeof *round);
    ng_status st = bases && round ? NG_OK : NG_ENOMEM;
    for (size_t i = 0; st == NG_OK && i < n; i++) {
        st = base_slug(labels[i], arena, &bases[i], &round[i]);
        round[i] |= *bases[i] == '\0';
    }
    if (st == NG_OK)
        st = dedup(labels, bases, round, ids, n, "", arena, err);
    free(bases);
    free(round);
    return st;
}

/* Local names the vocabulary itself uses (rdf.c): a relation named like one
 * of them ("source") gets "Relation" appended ("sourceRelation"). */
static const char *const reserved_props[] = {
    "community", "degree", "documents", "entityType", "evidence", "firstSeen", "lastSeen",
    "mentions", "modality", "pagerank", "relationName", "source", "weight", NULL,
};

static ng_status unreserve(const char **base, ng_arena *a)
{
    for (size_t i = 0; reserved_props[i]; i++) {
        if (strcmp(*base, reserved_props[i]) == 0) {
            size_t n = strlen(*base);
            char *s = ng_arena_alloc(a, n + sizeof "Relation");
            if (!s)
                return NG_ENOMEM;
            memcpy(s, *base, n);
            memcpy(s + n, "Relation", sizeof "Relation");
            *base = s;
            return NG_OK;
        }
    }
    return NG_OK;
}

ng_status ng_i_assign_props(ng_graph *g, ng_error *err)
{
    size_t n = g->nrelations;
    const char **names = malloc((n ? n : 1) * sizeof *names);
    const char **bases = malloc((n ? n : 1) * sizeof *bases);
    const char **props = malloc((n ? n : 1) * sizeof *props);
    int *round = malloc((n ? n : 1) * sizeof *round);
    ng_status st = names && bases && props && round ? NG_OK : NG_ENOMEM;
    for (size_t i = 0; st == NG_OK && i < n; i++) {
        names[i] = g->relations[i].name;
        st = base_prop(names[i], &g->arena, &bases[i]);
        if (st == NG_OK)
            st = unreserve(&bases[i], &g->arena);
        if (st == NG_OK)
            round[i] = *bases[i] == '\0';
    }
    if (st == NG_OK)
        st = dedup(names, bases, round, props, n, "relation", &g->arena, err);
    free(round);
    for (size_t i = 0; st == NG_OK && i < n; i++)
        g->relations[i].prop = props[i];
    free(names);
    free(bases);
    free(props);
    return st;
}
