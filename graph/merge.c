/* Merging triples into raw edges, one (subject, relation, object, modality)
 * each, as they arrive.  Only order-independent summaries are kept here
 * (counts, minima, maxima, sets), so the finished graph cannot depend on the
 * order of the triples. */
#include <string.h>

#include "ng_graph_i.h"

typedef struct {
    uint32_t s, o, rel;
    uint8_t mod;
} edge_key;

static int edge_eq(const void *ctx, uint32_t id, const void *key)
{
    const ng_i_raw_edge *e = &((const ng_graph *)ctx)->raw[id];
    const edge_key *k = key;
    return e->s == k->s && e->o == k->o && e->rel == k->rel && e->mod == k->mod;
}

static uint32_t edge_hash(const edge_key *k)
{
    uint32_t words[4] = {k->s, k->o, k->rel, k->mod};
    return ng_i_fnv1a32((const char *)words, sizeof words);
}

/* Dates compare as strings (ISO order); a missing date sorts last, because
 * a dated sentence is the better evidence. */
static int date_cmp(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

int ng_i_evidence_cmp(const ng_i_evidence *a, const ng_i_evidence *b)
{
    int c = date_cmp(a->date, b->date);
    if (c == 0)
        c = strcmp(a->doc, b->doc);
    if (c == 0 && a->sentence != b->sentence)
        c = a->sentence < b->sentence ? -1 : 1;
    if (c == 0) {
        /* Same place, different text: only a confused caller does this, but
         * the choice must still not depend on the order. */
        size_t n = a->len < b->len ? a->len : b->len;
        c = memcmp(a->text, b->text, n);
        if (c == 0 && a->len != b->len)
            c = a->len < b->len ? -1 : 1;
    }
    return c;
}

static ng_status add_pair(ng_i_pair **a, size_t *n, size_t *cap, uint32_t owner, const char *s)
{
    ng_status st = ng_i_grow(a, cap, *n + 1, sizeof **a);
    if (st == NG_OK)
        (*a)[(*n)++] = (ng_i_pair){owner, s};
    return st;
}

static ng_status count_type(ng_i_entity *e, const char *type)
{
    if (!*type)
        return NG_OK; /* an unknown type is not a vote */
    for (uint32_t i = 0; i < e->ntypes; i++) {
        if (e->types[i].type == type) {
            e->types[i].n++;
            return NG_OK;
        }
    }
    size_t cap = e->captypes;
    ng_status st = ng_i_grow(&e->types, &cap, (size_t)e->ntypes + 1, sizeof *e->types);
    if (st != NG_OK)
        return st;
    e->captypes = (uint32_t)cap;
    e->types[e->ntypes++] = (ng_i_type_count){type, 1};
    return NG_OK;
}

/* One mention of an entity in an edge-making triple. */
static ng_status mention(ng_graph *g, uint32_t entity, const char *type, const char *doc)
{
    ng_i_entity *e = &g->entities[entity];
    e->mentions++;
    ng_status st = count_type(e, type);
    if (st == NG_OK && e->last_doc != doc) {
        st = add_pair(&g->entity_docs, &g->nentity_docs, &g->capentity_docs, entity, doc);
        e->last_doc = doc;
    }
    return st;
}

static ng_status raw_edge_of(ng_graph *g, const edge_key *k, uint32_t *out)
{
    uint32_t h = edge_hash(k);
    uint32_t id = ng_i_table_find(&g->edge_index, h, edge_eq, g, k);
    if (id == NG_I_NONE) {
        if (g->nraw >= NG_I_NONE)
            return NG_ENOMEM;
        ng_status st = ng_i_grow(&g->raw, &g->capraw, g->nraw + 1, sizeof *g->raw);
        if (st == NG_OK)
            st = ng_i_table_insert(&g->edge_index, h, (uint32_t)g->nraw);
        if (st != NG_OK)
            return st;
        id = (uint32_t)g->nraw++;
        g->raw[id] = (ng_i_raw_edge){.s = k->s, .o = k->o, .rel = k->rel, .mod = k->mod};
    }
    *out = id;
    return NG_OK;
}

/* Keeps the evidence if it beats the edge's current one; the sentence is
 * copied into the arena only then. */
static ng_status offer_evidence(ng_graph *g, ng_i_raw_edge *e, ng_i_evidence cand, int first)
{
    cand.text = g->ev_scratch.data ? g->ev_scratch.data : "";
    cand.len = g->ev_scratch.len;
    if (!first && ng_i_evidence_cmp(&cand, &e->ev) >= 0)
        return NG_OK;
    char *copy = ng_arena_strndup(&g->arena, cand.text, cand.len);
    if (!copy)
        return NG_ENOMEM;
    cand.text = copy;
    e->ev = cand;
    return NG_OK;
}

static ng_status add_to_edge(ng_graph *g, uint32_t id, const char *doc, const char *date,
                             size_t sentence)
{
    ng_i_raw_edge *e = &g->raw[id];
    int first = e->mentions == 0;
    e->mentions++;
    if (date && (!e->first || strcmp(date, e->first) < 0))
        e->first = date;
    if (date && (!e->last || strcmp(date, e->last) > 0))
        e->last = date;
    ng_i_evidence cand = {.date = date, .doc = doc, .sentence = sentence};
    ng_status st = offer_evidence(g, e, cand, first);
    if (st == NG_OK && e->last_doc != doc) {
        st = add_pair(&g->edge_docs, &g->nedge_docs, &g->capedge_docs, id, doc);
        e->last_doc = doc;
    }
    return st;
}

typedef struct {
    uint32_t doc, date, subject, stype, relation, object, otype;
} interned;

static ng_status intern_triple(ng_graph *g, const ng_triple *t, interned *in)
{
    ng_status st = NG_OK;
    const char *fields[7] = {t->doc, t->date, t->subject, t->subject_type,
                             t->relation, t->object, t->object_type};
    uint32_t *outs[7] = {&in->doc, &in->date, &in->subject, &in->stype,
                         &in->relation, &in->object, &in->otype};
    for (int i = 0; st == NG_OK && i < 7; i++)
        st = ng_i_intern(g, fields[i], fields[i] ? strlen(fields[i]) : 0, outs[i]);
    if (st == NG_OK) {
        g->ev_scratch.len = 0;
        st = ng_i_clean_utf8(&g->ev_scratch, t->evidence ? t->evidence : "",
                             t->evidence ? t->evidence_len : 0);
    }
    return st;
}

static ng_status check_triple(const ng_graph *g, const ng_triple *t)
{
    if (!g || !t || !t->subject || !t->object || !t->relation || g->finished)
        return NG_EUSAGE;
    if (!t->evidence && t->evidence_len)
        return NG_EUSAGE;
    if (!*t->relation || (unsigned)t->modality >= NG_MOD_COUNT)
        return NG_EINPUT;
    return NG_OK;
}

ng_status ng_graph_add_triple(ng_graph *g, const ng_triple *t)
{
    ng_status st = check_triple(g, t);
    if (st != NG_OK)
        return st;
    g->triples_added++;
    if (!(g->modalities & (1u << t->modality))) {
        g->triples_skipped++;
        return NG_OK;
    }
    interned in;
    edge_key k = {.mod = (uint8_t)t->modality};
    uint32_t id;
    NG_TRY(intern_triple(g, t, &in));
    const char *doc = g->strs[in.doc].s;
    const char *date = ng_i_is_iso_date(g->strs[in.date].s) ? g->strs[in.date].s : NULL;
    ng_i_str *d = &g->strs[in.doc];
    if (date && (!d->date || strcmp(date, d->date) < 0))
        d->date = date;
    NG_TRY(ng_i_relation_of(g, in.relation, &k.rel));
    NG_TRY(ng_i_entity_of(g, in.subject, &k.s));
    NG_TRY(ng_i_entity_of(g, in.object, &k.o));
    g->relations[k.rel].used = 1;
    NG_TRY(mention(g, k.s, g->strs[in.stype].s, doc));
    if (k.o != k.s)
        NG_TRY(mention(g, k.o, g->strs[in.otype].s, doc));
    NG_TRY(raw_edge_of(g, &k, &id));
    NG_TRY(add_to_edge(g, id, doc, date, t->sentence));
    return NG_OK;
fail:
    return st;
}
