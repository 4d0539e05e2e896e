/* Analytics with igraph: degree, PageRank and communities.
 *
 *   degree     edges at the vertex, any relation, either direction (the
 *              merged directed multigraph; a self-loop counts twice);
 *   pagerank   weighted PageRank (damping 0.85, PRPACK) on the directed
 *              graph in which a symmetric edge points both ways;
 *   community  Louvain (igraph_community_multilevel) on the undirected
 *              simple graph, an edge's weight being the sum of the weights
 *              of the edges between its two ends, self-loops dropped;
 *              numbered 0, 1, ... in the order of their first vertex.
 *
 * igraph reports errors as codes: ng_graph_init_library() makes sure its
 * handler does not abort.  Louvain visits vertices in a random order, so it
 * runs with a private, fixed-seed generator: the same graph always gets the
 * same communities, and the caller's igraph RNG state is left untouched. */
#include <stdlib.h>

#include <igraph.h>

#include "ng_graph_i.h"

#define NG_LOUVAIN_SEED 4242

static ng_status ig_fail(ng_error *err, igraph_error_t e, const char *what)
{
    return ng_fail(err, NG_EINTERNAL, "igraph: %s: %s", what, igraph_strerror(e));
}

/* The directed multigraph of the edges; with both_ways, symmetric edges
 * (other than self-loops) are added in both directions, with weights. */
static igraph_error_t build_directed(const ng_graph *g, int both_ways, igraph_t *out,
                                     igraph_vector_t *weights)
{
    igraph_vector_int_t ends;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    IGRAPH_CHECK(igraph_vector_int_reserve(&ends, (igraph_integer_t)g->nedges * 2));
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_i_edge *e = &g->edges[i];
        int twice = both_ways && e->src != e->dst && g->relations[e->rel].symmetric;
        for (int k = 0; k <= twice; k++) {
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, k ? e->dst : e->src));
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, k ? e->src : e->dst));
            if (weights)
                IGRAPH_CHECK(igraph_vector_push_back(weights, (double)e->nsources));
        }
    }
    IGRAPH_CHECK(igraph_create(out, &ends, (igraph_integer_t)g->nvertices, IGRAPH_DIRECTED));
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static ng_status degrees(ng_graph *g, ng_error *err)
{
    igraph_t ig;
    igraph_vector_int_t deg;
    igraph_error_t e = igraph_vector_int_init(&deg, 0);
    if (e != IGRAPH_SUCCESS)
        return ig_fail(err, e, "degree");
    e = build_directed(g, 0, &ig, NULL);
    if (e == IGRAPH_SUCCESS) {
        e = igraph_degree(&ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
        igraph_destroy(&ig);
    }
    for (size_t i = 0; e == IGRAPH_SUCCESS && i < g->nvertices; i++)
        g->vertices[i].degree = (uint32_t)VECTOR(deg)[i];
    igraph_vector_int_destroy(&deg);
    return e == IGRAPH_SUCCESS ? NG_OK : ig_fail(err, e, "degree");
}

static ng_status pagerank(ng_graph *g, ng_error *err)
{
    igraph_t ig;
    igraph_vector_t w, pr;
    igraph_error_t e = igraph_vector_init(&w, 0);
    if (e != IGRAPH_SUCCESS)
        return ig_fail(err, e, "pagerank");
    if ((e = igraph_vector_init(&pr, 0)) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        return ig_fail(err, e, "pagerank");
    }
    e = build_directed(g, 1, &ig, &w);
    if (e == IGRAPH_SUCCESS) {
        e = igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL, igraph_vss_all(),
                            IGRAPH_DIRECTED, 0.85, &w, NULL);
        igraph_destroy(&ig);
    }
    for (size_t i = 0; e == IGRAPH_SUCCESS && i < g->nvertices; i++)
        g->vertices[i].pagerank = VECTOR(pr)[i];
    igraph_vector_destroy(&pr);
    igraph_vector_destroy(&w);
    return e == IGRAPH_SUCCESS ? NG_OK : ig_fail(err, e, "pagerank");
}

typedef struct {
    uint32_t a, b;
    double w;
} wpair;

static int cmp_wpair(const void *x, const void *y)
{
    const wpair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* The undirected simple graph: one (a < b) pair per linked couple. */
static igraph_error_t build_simple(const ng_graph *g, igraph_t *out, igraph_vector_t *weights)
{
    wpair *p = malloc((g->nedges ? g->nedges : 1) * sizeof *p);
    IGRAPH_CHECK_OOM(p, "undirected graph");
    IGRAPH_FINALLY(free, p);
    size_t n = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_i_edge *e = &g->edges[i];
        if (e->src != e->dst)
            p[n++] = (wpair){e->src < e->dst ? e->src : e->dst,
                             e->src < e->dst ? e->dst : e->src, (double)e->nsources};
    }
    qsort(p, n, sizeof *p, cmp_wpair);
    igraph_vector_int_t ends;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && cmp_wpair(&p[i - 1], &p[i]) == 0) {
            VECTOR(*weights)[igraph_vector_size(weights) - 1] += p[i].w;
            continue;
        }
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, p[i].a));
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, p[i].b));
        IGRAPH_CHECK(igraph_vector_push_back(weights, p[i].w));
    }
    IGRAPH_CHECK(igraph_create(out, &ends, (igraph_integer_t)g->nvertices, IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&ends);
    free(p);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static igraph_error_t louvain(const igraph_t *ig, const igraph_vector_t *w,
                              igraph_vector_int_t *membership)
{
    igraph_rng_t rng, *saved = igraph_rng_default();
    IGRAPH_CHECK(igraph_rng_init(&rng, &igraph_rngtype_mt19937));
    igraph_error_t e = igraph_rng_seed(&rng, NG_LOUVAIN_SEED);
    if (e == IGRAPH_SUCCESS) {
        igraph_rng_set_default(&rng);
        e = igraph_community_multilevel(ig, w, 1.0, membership, NULL, NULL);
        igraph_rng_set_default(saved);
    }
    igraph_rng_destroy(&rng);
    return e;
}

/* Renumbers communities by their first vertex, so the numbers depend only
 * on the partition. */
static ng_status renumber(ng_graph *g, const igraph_vector_int_t *m)
{
    size_t n = g->nvertices;
    uint32_t *map = malloc((n ? n : 1) * sizeof *map);
    if (!map)
        return NG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        map[i] = NG_I_NONE;
    uint32_t next = 0;
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(*m)[i];
        if (c < 0 || (size_t)c >= n) {
            free(map);
            return NG_EINTERNAL;
        }
        if (map[c] == NG_I_NONE)
            map[c] = next++;
        g->vertices[i].community = map[c];
    }
    free(map);
    return NG_OK;
}

static ng_status communities(ng_graph *g, ng_error *err)
{
    igraph_t ig;
    igraph_vector_t w;
    igraph_vector_int_t m;
    igraph_error_t e = igraph_vector_init(&w, 0);
    if (e != IGRAPH_SUCCESS)
        return ig_fail(err, e, "communities");
    if ((e = igraph_vector_int_init(&m, 0)) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        return ig_fail(err, e, "communities");
    }
    e = build_simple(g, &ig, &w);
    if (e == IGRAPH_SUCCESS) {
        e = louvain(&ig, &w, &m);
        igraph_destroy(&ig);
    }
    ng_status st = e == IGRAPH_SUCCESS ? renumber(g, &m) : ig_fail(err, e, "communities");
    if (st == NG_EINTERNAL && e == IGRAPH_SUCCESS)
        ng_fail(err, st, "igraph: communities: membership out of range");
    igraph_vector_int_destroy(&m);
    igraph_vector_destroy(&w);
    return st;
}

ng_status ng_i_analytics(ng_graph *g, ng_error *err)
{
    if (g->nvertices == 0)
        return NG_OK;
    if (g->nvertices > (size_t)IGRAPH_INTEGER_MAX / 2 || g->nedges > (size_t)IGRAPH_INTEGER_MAX / 4)
        return ng_fail(err, NG_EINTERNAL, "the graph is too large for igraph");
    ng_status st = NG_OK;
    if (g->analytics & NG_ANALYTICS_DEGREE)
        st = degrees(g, err);
    if (st == NG_OK && (g->analytics & NG_ANALYTICS_PAGERANK))
        st = pagerank(g, err);
    if (st == NG_OK && (g->analytics & NG_ANALYTICS_COMMUNITY))
        st = communities(g, err);
    return st;
}
