/* The public entry points: one document through tokens, mentions,
 * coreference and rules. */
#include <stdlib.h>
#include <string.h>

#include "docstate.h"
#include "ng_text.h"

struct ng_extractor {
    ng_docstate d;
    char *clean;      /* repaired copy of the current text, when needed */
    int may_yield;    /* the document last learned */
};

ng_extractor *ng_extractor_new(const ng_knowledge *k)
{
    if (!k || !k->compiled)
        return NULL;
    ng_extractor *x = calloc(1, sizeof *x);
    if (x)
        x->d.k = k;
    return x;
}

void ng_extractor_free(ng_extractor *x)
{
    if (!x)
        return;
    ng_docstate *d = &x->d;
    ng_arena_free(&d->arena);
    ng_arena_free(&d->learned_arena);
    ng_tokens_free(&d->toks);
    ng_strmap_free(&d->lower_words);
    ng_strmap_free(&d->honorific_names);
    ng_strmap_free(&d->ent_by_label);
    free(d->mentions);
    free(d->sent_mentions);
    free(d->ents);
    free(d->bindings);
    free(d->spellings);
    ng_strmap_free(&d->spelling_by_last);
    free(d->deps);
    free(x->clean);
    free(x);
}

/* Tokens, mentions and their entities for one document. */
static ng_status read_doc(ng_extractor *x, const ng_doc *doc)
{
    ng_docstate *d = &x->d;
    free(x->clean);
    x->clean = NULL;
    d->doc = doc;
    d->text = doc->text;
    d->len = doc->len;
    if (!ng_text_is_clean(doc->text, doc->len)) {
        ng_status st = ng_text_clean(doc->text, doc->len, &x->clean, &d->len, NULL);
        if (st)
            return st;
        d->text = x->clean;
    }
    if (d->len > UINT32_MAX - 1)
        d->len = UINT32_MAX - 1; /* offsets are 32-bit: read the first 4 GiB */
    d->days = ng_iso_days(doc->date);
    ng_arena_reset(&d->arena);
    ng_strmap_clear(&d->lower_words);
    ng_strmap_clear(&d->honorific_names);
    ng_strmap_clear(&d->ent_by_label);
    d->nents = 0;
    d->nmentions = 0;
    d->ndeps = 0;
    d->deps_lost = 0;
    ng_status st = ng_tokenize(d->k, d->text, d->len, &d->arena, &d->toks);
    if (!st)
        st = ng_find_mentions(d);
    if (!st)
        st = ng_resolve(d);
    return st;
}

ng_status ng_extractor_learn(ng_extractor *x, const ng_doc *doc)
{
    ng_status st = read_doc(x, doc);
    if (st)
        return st;
    x->may_yield = ng_match_possible(&x->d);
    return ng_learn_bindings(&x->d);
}

int ng_extractor_may_yield(const ng_extractor *x)
{
    return x->may_yield;
}

size_t ng_extractor_sentences(const ng_extractor *x)
{
    return x->d.toks.nsents;
}

ng_status ng_extractor_absorb(ng_extractor *dst, const ng_extractor *src)
{
    ng_docstate *d = &dst->d;
    for (size_t i = 0; i < src->d.nbindings; i++) {
        ng_binding b = src->d.bindings[i];
        size_t j;
        for (j = 0; j < d->nbindings; j++) {
            ng_binding *c = &d->bindings[j];
            if (c->role == b.role && c->country == b.country && c->days == b.days &&
                strcmp(c->person, b.person) == 0) {
                c->count += b.count;
                break;
            }
        }
        if (j < d->nbindings)
            continue;
        if (!(b.person = ng_arena_strdup(&d->learned_arena, b.person)) ||
            NG_PUSH(d->bindings, d->nbindings, d->cap_bindings, b))
            return NG_ENOMEM;
    }
    for (size_t i = 0; i < src->d.nspellings; i++) {
        const ng_spelling *sp = &src->d.spellings[i];
        ng_status st = ng_learn_spelling(d, sp->label, sp->first, sp->last, sp->count);
        if (st)
            return st;
    }
    return NG_OK;
}

ng_status ng_extractor_extract_learned(ng_extractor *x, ng_triple_cb cb, void *user)
{
    int stopped = 0;
    ng_status st = ng_match_rules(&x->d, cb, user, &stopped);
    return st ? st : stopped ? NG_EIO : NG_OK;
}

const char *ng_extractor_deps(const ng_extractor *x, size_t *len)
{
    *len = x->d.deps_lost ? 0 : x->d.ndeps;
    return x->d.deps_lost ? NULL : x->d.deps ? x->d.deps : "";
}

int ng_extractor_deps_hold(const ng_extractor *x, const char *deps, size_t len)
{
    return ng_deps_hold(&x->d, deps, len);
}

ng_status ng_extract_doc(ng_extractor *x, const ng_doc *doc, ng_triple_cb cb, void *user)
{
    ng_status st = read_doc(x, doc);
    if (st)
        return st;
    int stopped = 0;
    st = ng_match_rules(&x->d, cb, user, &stopped);
    return st ? st : stopped ? NG_EIO : NG_OK;
}
