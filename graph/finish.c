/* Finishing a graph: everything that depends on the whole set of triples
 * (slugs, canonical ends of symmetric edges, sorting, de-duplication) happens
 * here, once, so the result cannot depend on the order of the triples. */
#include <stdlib.h>
#include <string.h>

#include "ng_graph_i.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_pair(const void *a, const void *b)
{
    const ng_i_pair *x = a, *y = b;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return strcmp(x->str, y->str);
}

/* The most frequent type; ties go to the alphabetically first. */
static const char *vote_type(const ng_i_entity *e)
{
    const char *best = "";
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->ntypes; i++) {
        const ng_i_type_count *t = &e->types[i];
        if (t->n > n || (t->n == n && strcmp(t->type, best) < 0)) {
            best = t->type;
            n = t->n;
        }
    }
    return best;
}

typedef struct {
    const char *id;
    uint32_t entity;
} vertex_sort;

static int cmp_vertex(const void *a, const void *b)
{
    return strcmp(((const vertex_sort *)a)->id, ((const vertex_sort *)b)->id);
}

/* Entities that make an edge become vertices, sorted by id. */
static ng_status make_vertices(ng_graph *g, ng_error *err)
{
    ng_status st = NG_ENOMEM;
    const char **labels = NULL, **ids = NULL;
    vertex_sort *vs = NULL;
    size_t n = 0;
    for (size_t i = 0; i < g->nentities; i++)
        n += g->entities[i].mentions > 0;
    labels = malloc((n ? n : 1) * sizeof *labels);
    ids = malloc((n ? n : 1) * sizeof *ids);
    vs = malloc((n ? n : 1) * sizeof *vs);
    g->vertices = calloc(n ? n : 1, sizeof *g->vertices);
    if (!labels || !ids || !vs || !g->vertices)
        goto fail;
    for (size_t i = 0, k = 0; i < g->nentities; i++)
        if (g->entities[i].mentions > 0)
            vs[k++].entity = (uint32_t)i;
    for (size_t k = 0; k < n; k++)
        labels[k] = g->entities[vs[k].entity].label;
    NG_TRY(ng_i_assign_slugs(labels, ids, n, &g->arena, err));
    for (size_t k = 0; k < n; k++)
        vs[k].id = ids[k];
    qsort(vs, n, sizeof *vs, cmp_vertex);
    for (size_t k = 0; k < n; k++) {
        ng_i_entity *e = &g->entities[vs[k].entity];
        e->vertex = (uint32_t)k;
        g->vertices[k] = (ng_i_vertex){.label = e->label, .id = vs[k].id,
                                       .type = vote_type(e), .mentions = e->mentions};
    }
    g->nvertices = n;
    st = NG_OK;
fail:
    free(labels);
    free(ids);
    free(vs);
    return st;
}

/* Rewrites the owners of entity pairs to vertices, drops the pairs of
 * entities that are no vertex, sorts and removes duplicates; returns the
 * new count. */
static size_t vertex_pairs(ng_graph *g, ng_i_pair *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = g->entities[p[i].owner].vertex;
        if (v != NG_I_NONE)
            p[k++] = (ng_i_pair){v, p[i].str};
    }
    if (k)
        qsort(p, k, sizeof *p, cmp_pair);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || p[u - 1].owner != p[i].owner || strcmp(p[u - 1].str, p[i].str) != 0)
            p[u++] = p[i];
    return u;
}

typedef struct {
    uint32_t src, rank, dst, mod, raw;
} edge_sort;

static int cmp_edge(const void *a, const void *b)
{
    const edge_sort *x = a, *y = b;
    if (x->src != y->src)
        return x->src < y->src ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->dst != y->dst)
        return x->dst < y->dst ? -1 : 1;
    return (x->mod > y->mod) - (x->mod < y->mod);
}

static int cmp_rel(const void *a, const void *b)
{
    const ng_i_relation *x = *(const ng_i_relation *const *)a;
    const ng_i_relation *y = *(const ng_i_relation *const *)b;
    return strcmp(x->name, y->name);
}

static ng_status order_relations(ng_graph *g)
{
    size_t n = g->nrelations;
    const ng_i_relation **tmp = malloc((n ? n : 1) * sizeof *tmp);
    g->relation_order = malloc((n ? n : 1) * sizeof *g->relation_order);
    if (!tmp || !g->relation_order) {
        free(tmp);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        tmp[i] = &g->relations[i];
    qsort(tmp, n, sizeof *tmp, cmp_rel);
    for (size_t i = 0; i < n; i++) {
        uint32_t r = (uint32_t)(tmp[i] - g->relations);
        g->relation_order[i] = r;
        g->relations[r].rank = (uint32_t)i;
    }
    free(tmp);
    return NG_OK;
}

/* Folds raw edge r into final edge e. */
static void merge_raw(ng_i_edge *e, const ng_i_raw_edge *r, int first)
{
    if (first) {
        e->mentions = r->mentions;
        e->first = r->first;
        e->last = r->last;
        e->ev = r->ev;
        return;
    }
    e->mentions += r->mentions;
    if (r->first && (!e->first || strcmp(r->first, e->first) < 0))
        e->first = r->first;
    if (r->last && (!e->last || strcmp(r->last, e->last) > 0))
        e->last = r->last;
    if (ng_i_evidence_cmp(&r->ev, &e->ev) < 0)
        e->ev = r->ev;
}

/* Symmetric relations get their ends in label order; then raw edges with
 * equal keys merge and the edges are sorted by (source id, relation, target
 * id, modality). */
static ng_status make_edges(ng_graph *g)
{
    edge_sort *es = malloc((g->nraw ? g->nraw : 1) * sizeof *es);
    g->edges = calloc(g->nraw ? g->nraw : 1, sizeof *g->edges);
    if (!es || !g->edges) {
        free(es);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < g->nraw; i++) {
        const ng_i_raw_edge *r = &g->raw[i];
        uint32_t s = r->s, o = r->o;
        if (g->relations[r->rel].symmetric &&
            strcmp(g->entities[s].label, g->entities[o].label) > 0)
            s = r->o, o = r->s;
        es[i] = (edge_sort){g->entities[s].vertex, g->relations[r->rel].rank,
                            g->entities[o].vertex, r->mod, (uint32_t)i};
    }
    qsort(es, g->nraw, sizeof *es, cmp_edge);
    size_t n = 0;
    for (size_t i = 0; i < g->nraw; i++) {
        int first = i == 0 || cmp_edge(&es[i - 1], &es[i]) != 0;
        if (first)
            n++;
        ng_i_edge *e = &g->edges[n - 1];
        ng_i_raw_edge *r = &g->raw[es[i].raw];
        if (first)
            *e = (ng_i_edge){.src = es[i].src, .dst = es[i].dst, .rel = r->rel, .mod = r->mod};
        merge_raw(e, r, first);
        r->final = (uint32_t)(n - 1);
    }
    g->nedges = n;
    free(es);
    return NG_OK;
}

/* Sorted unique sources per edge, and sorted unique aliases per vertex, in
 * one array that edges and vertices point into. */
static ng_status make_lists(ng_graph *g)
{
    for (size_t i = 0; i < g->nedge_docs; i++)
        g->edge_docs[i].owner = g->raw[g->edge_docs[i].owner].final;
    if (g->nedge_docs)
        qsort(g->edge_docs, g->nedge_docs, sizeof *g->edge_docs, cmp_pair);
    size_t u = 0;
    for (size_t i = 0; i < g->nedge_docs; i++) {
        ng_i_pair *p = &g->edge_docs[i];
        if (u == 0 || g->edge_docs[u - 1].owner != p->owner || g->edge_docs[u - 1].str != p->str)
            g->edge_docs[u++] = *p;
    }
    g->nedge_docs = u;
    g->naliases = vertex_pairs(g, g->aliases, g->naliases);
    size_t total = g->nedge_docs + g->naliases;
    g->lists = malloc((total ? total : 1) * sizeof *g->lists);
    if (!g->lists)
        return NG_ENOMEM;
    for (size_t i = 0; i < g->nedge_docs; i++) {
        ng_i_edge *e = &g->edges[g->edge_docs[i].owner];
        if (e->nsources++ == 0)
            e->sources = &g->lists[i];
        g->lists[i] = g->edge_docs[i].str;
    }
    for (size_t i = 0; i < g->naliases; i++) {
        ng_i_vertex *v = &g->vertices[g->aliases[i].owner];
        const char **slot = &g->lists[g->nedge_docs + i];
        if (v->naliases++ == 0)
            v->aliases = slot;
        *slot = g->aliases[i].str;
    }
    return NG_OK;
}

static void count_documents(ng_graph *g)
{
    size_t n = vertex_pairs(g, g->entity_docs, g->nentity_docs);
    for (size_t i = 0; i < n; i++)
        g->vertices[g->entity_docs[i].owner].documents++;
    g->nentity_docs = n;
}

/* The documents behind the edges, sorted, with their dates. */
static ng_status make_docs(ng_graph *g)
{
    const char **tmp = malloc((g->nedge_docs ? g->nedge_docs : 1) * sizeof *tmp);
    g->docs = malloc((g->nedge_docs ? g->nedge_docs : 1) * sizeof *g->docs);
    if (!tmp || !g->docs) {
        free(tmp);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < g->nedge_docs; i++)
        tmp[i] = g->edge_docs[i].str;
    qsort(tmp, g->nedge_docs, sizeof *tmp, cmp_str);
    size_t n = 0;
    for (size_t i = 0; i < g->nedge_docs; i++) {
        if (n && g->docs[n - 1].id == tmp[i])
            continue;
        uint32_t id = ng_i_str_find(g, tmp[i], strlen(tmp[i]));
        g->docs[n++] = (ng_i_doc){tmp[i], id == NG_I_NONE ? NULL : g->strs[id].date};
    }
    g->ndocs = n;
    free(tmp);
    return NG_OK;
}

ng_status ng_i_finish(ng_graph *g, ng_error *err)
{
    ng_status st;
    NG_TRY(make_vertices(g, err));
    NG_TRY(order_relations(g));
    NG_TRY(ng_i_assign_props(g, err));
    NG_TRY(make_edges(g));
    NG_TRY(make_lists(g));
    count_documents(g);
    NG_TRY(make_docs(g));
    return NG_OK;
fail:
    if (st == NG_ENOMEM)
        ng_fail(err, st, "out of memory while finishing the graph");
    return st;
}
