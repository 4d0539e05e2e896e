/* How the graph looks when it is opened: positions, sizes and colours.
 *
 *   x, y     an igraph layout of the undirected graph (every edge once, any
 *            relation, self-loops dropped): Fruchterman-Reingold from a
 *            square grid, a fixed number of iterations, exact for small graphs
 *            and on igraph's grid for large ones (see below).  FR draws
 *            random numbers, so it runs with a private fixed-seed generator (as Louvain does): the same
 *            graph always gets the same picture.  Coordinates are then
 *            centred and scaled so that the wider side spans
 *            2 * NG_LAYOUT_HALF units, and rounded to 0.1 so that the last
 *            bits of floating point never reach a file;
 *   size     PageRank scaled linearly from the smallest to the largest
 *            value onto [NG_SIZE_MIN, NG_SIZE_MAX] (all equal: the middle);
 *   colour   a fixed palette by community, or by entity type when
 *            communities are off (ng_i_type_color). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "ng_graph_i.h"

#define NG_LAYOUT_SEED 4243
/* Measured on random graphs of 10 edges per vertex (graph/README.md):
 * exact repulsion is n^2 per iteration, so above NG_LAYOUT_EXACT_MAX
 * vertices FR uses igraph's grid (repulsion from nearby cells only); above
 * NG_LAYOUT_FULL_MAX it runs fewer iterations.  DrL was 100 s on 10k
 * vertices there, so it is not used. */
#define NG_LAYOUT_EXACT_MAX 500
#define NG_LAYOUT_FULL_MAX 10000
#define NG_LAYOUT_ITER 500
#define NG_LAYOUT_ITER_LARGE 100
#define NG_LAYOUT_HALF 1000.0
#define NG_SIZE_MIN 10.0
#define NG_SIZE_MAX 50.0

/* Colours that stay apart from each other (Tableau 10 and two more); a
 * community beyond the twelfth reuses them in order. */
static const uint8_t palette[][3] = {
    {31, 119, 180}, {255, 127, 14}, {44, 160, 44},  {214, 39, 40},
    {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127},
    {188, 189, 34}, {23, 190, 207}, {174, 199, 232}, {255, 187, 120},
};
#define NPALETTE (sizeof palette / sizeof palette[0])

static ng_status ig_fail(ng_error *err, igraph_error_t e)
{
    return ng_fail(err, NG_EINTERNAL, "igraph: layout: %s", igraph_strerror(e));
}

static igraph_error_t build_undirected(const ng_graph *g, igraph_t *out)
{
    igraph_vector_int_t ends;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    IGRAPH_CHECK(igraph_vector_int_reserve(&ends, (igraph_integer_t)g->nedges * 2));
    for (size_t i = 0; i < g->nedges; i++) {
        if (g->edges[i].src == g->edges[i].dst)
            continue;
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, g->edges[i].src));
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, g->edges[i].dst));
    }
    IGRAPH_CHECK(igraph_create(out, &ends, (igraph_integer_t)g->nvertices, IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t run_layout(const igraph_t *ig, igraph_matrix_t *xy)
{
    igraph_integer_t n = igraph_vcount(ig);
    igraph_integer_t niter = n > NG_LAYOUT_FULL_MAX ? NG_LAYOUT_ITER_LARGE : NG_LAYOUT_ITER;
    /* Start from a square grid with unit spacing centred on 0, which covers
     * the area of igraph's own random start (sqrt(n) wide, centred) without
     * a random number: FR's grid, which spans that area and clamps what lies
     * outside into its border cells, then finds a few vertices per cell. */
    igraph_integer_t side = (igraph_integer_t)ceil(sqrt((double)n));
    IGRAPH_CHECK(igraph_layout_grid(ig, xy, side));
    igraph_integer_t rows = side ? (n + side - 1) / side : 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        MATRIX(*xy, i, 0) -= (double)(side - 1) / 2;
        MATRIX(*xy, i, 1) -= (double)(rows - 1) / 2;
    }
    igraph_layout_grid_t grid = n > NG_LAYOUT_EXACT_MAX ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID;
    return igraph_layout_fruchterman_reingold(ig, xy, 1, niter, sqrt((double)n) / 10.0, grid,
                                              NULL, NULL, NULL, NULL, NULL);
}

/* run_layout with a private generator; the caller's igraph RNG is left as
 * it was. */
static igraph_error_t seeded_layout(const igraph_t *ig, igraph_matrix_t *xy)
{
    igraph_rng_t rng, *saved = igraph_rng_default();
    IGRAPH_CHECK(igraph_rng_init(&rng, &igraph_rngtype_mt19937));
    igraph_error_t e = igraph_rng_seed(&rng, NG_LAYOUT_SEED);
    if (e == IGRAPH_SUCCESS) {
        igraph_rng_set_default(&rng);
        e = run_layout(ig, xy);
        igraph_rng_set_default(saved);
    }
    igraph_rng_destroy(&rng);
    return e;
}

static double round_tenth(double v)
{
    double r = round(v * 10.0) / 10.0;
    return r == 0.0 || !isfinite(r) ? 0.0 : r; /* no -0, no NaN */
}

/* Centres the layout on 0 and scales its wider side to 2 * NG_LAYOUT_HALF. */
static void place(ng_graph *g, const igraph_matrix_t *xy)
{
    double lo[2] = {HUGE_VAL, HUGE_VAL}, hi[2] = {-HUGE_VAL, -HUGE_VAL};
    for (size_t i = 0; i < g->nvertices; i++) {
        for (int k = 0; k < 2; k++) {
            double v = MATRIX(*xy, (igraph_integer_t)i, k);
            lo[k] = v < lo[k] ? v : lo[k];
            hi[k] = v > hi[k] ? v : hi[k];
        }
    }
    double span = fmax(hi[0] - lo[0], hi[1] - lo[1]);
    double scale = span > 0 && isfinite(span) ? 2 * NG_LAYOUT_HALF / span : 0;
    for (size_t i = 0; i < g->nvertices; i++) {
        double x = MATRIX(*xy, (igraph_integer_t)i, 0), y = MATRIX(*xy, (igraph_integer_t)i, 1);
        g->vertices[i].x = round_tenth((x - (lo[0] + hi[0]) / 2) * scale);
        g->vertices[i].y = round_tenth((y - (lo[1] + hi[1]) / 2) * scale);
    }
}

static ng_status positions(ng_graph *g, ng_error *err)
{
    igraph_t ig;
    igraph_matrix_t xy;
    igraph_error_t e = igraph_matrix_init(&xy, 0, 0);
    if (e != IGRAPH_SUCCESS)
        return ig_fail(err, e);
    if ((e = build_undirected(g, &ig)) == IGRAPH_SUCCESS) {
        e = seeded_layout(&ig, &xy);
        igraph_destroy(&ig);
    }
    if (e == IGRAPH_SUCCESS)
        place(g, &xy);
    igraph_matrix_destroy(&xy);
    return e == IGRAPH_SUCCESS ? NG_OK : ig_fail(err, e);
}

static void sizes(ng_graph *g)
{
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (size_t i = 0; i < g->nvertices; i++) {
        lo = fmin(lo, g->vertices[i].pagerank);
        hi = fmax(hi, g->vertices[i].pagerank);
    }
    for (size_t i = 0; i < g->nvertices; i++) {
        double t = hi > lo ? (g->vertices[i].pagerank - lo) / (hi - lo) : 0.5;
        g->vertices[i].size = round_tenth(NG_SIZE_MIN + t * (NG_SIZE_MAX - NG_SIZE_MIN));
    }
}

static void colours(ng_graph *g)
{
    for (size_t i = 0; i < g->nvertices; i++) {
        ng_i_vertex *v = &g->vertices[i];
        if (g->analytics & NG_ANALYTICS_COMMUNITY)
            memcpy(v->rgb, palette[v->community % NPALETTE], 3);
        else
            ng_i_type_color(v->type, v->rgb);
    }
}

ng_status ng_i_appearance(ng_graph *g, ng_error *err)
{
    if (g->nvertices == 0)
        return NG_OK;
    if (g->analytics & NG_ANALYTICS_LAYOUT) {
        ng_status st = positions(g, err);
        if (st != NG_OK)
            return st;
    }
    if (g->analytics & NG_ANALYTICS_PAGERANK)
        sizes(g);
    colours(g);
    return NG_OK;
}
