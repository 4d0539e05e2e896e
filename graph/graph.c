/* Building a graph: interning, entities, relations, and merging triples into
 * raw edges.  Everything order-dependent is left to ng_graph_finish(). */
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "ng_graph_i.h"

void ng_graph_init_library(void)
{
    /* igraph's default handlers abort and print; a library must do neither,
     * so errors come back as codes (see analytics.c) and warnings are
     * dropped. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    /* libxml2's handlers print too ("I/O error : ..."); the writers return
     * their failures, with errno. */
    ng_i_xml_init();
}

ng_graph *ng_graph_new(void)
{
    ng_graph *g = calloc(1, sizeof *g);
    if (g) {
        g->modalities = 1u << NG_MOD_ASSERTED;
        g->analytics = NG_ANALYTICS_ALL;
    }
    return g;
}

void ng_graph_free(ng_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->nentities; i++)
        free(g->entities[i].types);
    free(g->entities);
    free(g->relations);
    free(g->raw);
    free(g->strs);
    free(g->entity_docs);
    free(g->edge_docs);
    free(g->aliases);
    free(g->vertices);
    free(g->edges);
    free(g->lists);
    free(g->docs);
    free(g->relation_order);
    ng_i_table_free(&g->str_index);
    ng_i_table_free(&g->edge_index);
    ng_i_buf_free(&g->scratch);
    ng_i_buf_free(&g->ev_scratch);
    ng_arena_free(&g->arena);
    free(g);
}

/* Makes room for need elements of size bytes in *arrayp (a pointer to the
 * array pointer), doubling the capacity. */
ng_status ng_i_grow(void *arrayp, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return NG_OK;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            return NG_ENOMEM;
        n *= 2;
    }
    void *p = realloc(*(void **)arrayp, n * size);
    if (!p)
        return NG_ENOMEM;
    *(void **)arrayp = p;
    *cap = n;
    return NG_OK;
}

typedef struct {
    const char *s;
    size_t len;
} str_key;

static int str_eq(const void *ctx, uint32_t id, const void *key)
{
    const ng_i_str *r = &((const ng_graph *)ctx)->strs[id];
    const str_key *k = key;
    return r->len == k->len && memcmp(r->s, k->s, k->len) == 0;
}

uint32_t ng_i_str_find(const ng_graph *g, const char *s, size_t len)
{
    str_key k = {s, len};
    return ng_i_table_find(&g->str_index, ng_i_fnv1a32(s, len), str_eq, g, &k);
}

/* Interns an already clean string. */
static ng_status intern_clean(ng_graph *g, const char *s, size_t len, uint32_t *out)
{
    uint32_t h = ng_i_fnv1a32(s, len);
    uint32_t id = ng_i_str_find(g, s, len);
    if (id != NG_I_NONE) {
        *out = id;
        return NG_OK;
    }
    if (len > UINT32_MAX || g->nstrs >= NG_I_NONE)
        return NG_ENOMEM;
    ng_status st = ng_i_grow(&g->strs, &g->capstrs, g->nstrs + 1, sizeof *g->strs);
    if (st != NG_OK)
        return st;
    char *copy = ng_arena_strndup(&g->arena, s, len);
    if (!copy)
        return NG_ENOMEM;
    id = (uint32_t)g->nstrs;
    st = ng_i_table_insert(&g->str_index, h, id);
    if (st != NG_OK)
        return st;
    g->strs[id] = (ng_i_str){copy, (uint32_t)len, NG_I_NONE, NG_I_NONE, NULL};
    g->nstrs++;
    *out = id;
    return NG_OK;
}

/* Cleans (see clean.c) and interns s[0, len). */
ng_status ng_i_intern(ng_graph *g, const char *s, size_t len, uint32_t *out)
{
    g->scratch.len = 0;
    ng_status st = ng_i_clean_utf8(&g->scratch, s ? s : "", s ? len : 0);
    if (st != NG_OK)
        return st;
    return intern_clean(g, g->scratch.data ? g->scratch.data : "", g->scratch.len, out);
}

static ng_status intern_c(ng_graph *g, const char *s, uint32_t *out)
{
    return ng_i_intern(g, s, s ? strlen(s) : 0, out);
}

ng_status ng_i_relation_of(ng_graph *g, uint32_t name, uint32_t *out)
{
    ng_i_str *r = &g->strs[name];
    if (r->relation == NG_I_NONE) {
        if (g->nrelations >= NG_I_NONE)
            return NG_ENOMEM;
        ng_status st = ng_i_grow(&g->relations, &g->caprelations, g->nrelations + 1,
                                 sizeof *g->relations);
        if (st != NG_OK)
            return st;
        g->relations[g->nrelations] = (ng_i_relation){.name = r->s};
        r->relation = (uint32_t)g->nrelations++;
    }
    *out = r->relation;
    return NG_OK;
}

ng_status ng_i_entity_of(ng_graph *g, uint32_t label, uint32_t *out)
{
    ng_i_str *r = &g->strs[label];
    if (r->entity == NG_I_NONE) {
        if (g->nentities >= NG_I_NONE)
            return NG_ENOMEM;
        ng_status st = ng_i_grow(&g->entities, &g->capentities, g->nentities + 1,
                                 sizeof *g->entities);
        if (st != NG_OK)
            return st;
        g->entities[g->nentities] = (ng_i_entity){.label = r->s, .vertex = NG_I_NONE};
        r->entity = (uint32_t)g->nentities++;
    }
    *out = r->entity;
    return NG_OK;
}

ng_status ng_graph_declare_relation(ng_graph *g, const char *name, int symmetric,
                                    const char *label)
{
    if (!g || !name || !*name || g->finished)
        return NG_EUSAGE;
    uint32_t n, l = NG_I_NONE, rel;
    ng_status st = intern_c(g, name, &n);
    if (st == NG_OK && label && *label)
        st = intern_c(g, label, &l);
    if (st == NG_OK)
        st = ng_i_relation_of(g, n, &rel);
    if (st != NG_OK)
        return st;
    /* A later declaration wins, as a user rule file overrides the defaults. */
    g->relations[rel].symmetric = symmetric != 0;
    g->relations[rel].label = l == NG_I_NONE ? NULL : g->strs[l].s;
    return NG_OK;
}

void ng_graph_set_modalities(ng_graph *g, unsigned mask)
{
    if (g && !g->finished)
        g->modalities = mask & ((1u << NG_MOD_COUNT) - 1u);
}

void ng_graph_set_analytics(ng_graph *g, unsigned mask)
{
    if (g && !g->finished)
        g->analytics = mask & NG_ANALYTICS_ALL;
}

int ng_i_has_modality(const ng_graph *g)
{
    return g->modalities != (1u << NG_MOD_ASSERTED);
}

ng_status ng_graph_add_alias(ng_graph *g, const char *label, const char *alias)
{
    if (!g || !label || !alias || g->finished)
        return NG_EUSAGE;
    uint32_t l, a, e;
    ng_status st = intern_c(g, label, &l);
    if (st == NG_OK)
        st = intern_c(g, alias, &a);
    /* An alias equal to the label, or empty, names nothing new. */
    if (st != NG_OK || a == l || g->strs[a].len == 0)
        return st;
    if ((st = ng_i_entity_of(g, l, &e)) != NG_OK)
        return st;
    st = ng_i_grow(&g->aliases, &g->capaliases, g->naliases + 1, sizeof *g->aliases);
    if (st == NG_OK)
        g->aliases[g->naliases++] = (ng_i_pair){e, g->strs[a].s};
    return st;
}

size_t ng_graph_vertex_count(const ng_graph *g)
{
    return g && g->finished == 1 ? g->nvertices : 0;
}

size_t ng_graph_edge_count(const ng_graph *g)
{
    return g && g->finished == 1 ? g->nedges : 0;
}

const char *ng_graph_vertex_label(const ng_graph *g, size_t i)
{
    return g && g->finished == 1 && i < g->nvertices ? g->vertices[i].label : NULL;
}

const char *ng_graph_vertex_id(const ng_graph *g, size_t i)
{
    return g && g->finished == 1 && i < g->nvertices ? g->vertices[i].id : NULL;
}

size_t ng_graph_triples_added(const ng_graph *g)
{
    return g ? g->triples_added : 0;
}

size_t ng_graph_triples_skipped(const ng_graph *g)
{
    return g ? g->triples_skipped : 0;
}

ng_status ng_graph_finish(ng_graph *g, ng_error *err)
{
    if (!g)
        return ng_fail(err, NG_EUSAGE, "no graph to finish");
    if (g->finished)
        return ng_fail(err, NG_EUSAGE, "the graph is already finished");
    ng_status st = ng_i_finish(g, err);
    if (st == NG_OK)
        st = ng_i_analytics(g, err);
    if (st == NG_OK)
        st = ng_i_appearance(g, err);
    /* A failed finish leaves half-built arrays: the graph can only be freed. */
    g->finished = st == NG_OK ? 1 : 2;
    return st;
}

ng_status ng_i_check_writable(const ng_graph *g, FILE *out, ng_error *err)
{
    if (!g || !out)
        return ng_fail(err, NG_EUSAGE, "no graph or no output stream");
    if (g->finished != 1)
        return ng_fail(err, NG_EUSAGE, "ng_graph_finish() must succeed before a writer runs");
    return NG_OK;
}
