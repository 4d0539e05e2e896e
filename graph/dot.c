/* DOT for Graphviz.
 *
 * Every id and value is written as a quoted string: a `"` becomes `\"`, a
 * backslash `\\` (so a label "\N" stays those two characters instead of
 * becoming the node name), a newline `\n`, and a carriage return is dropped.
 * Quoting also makes keywords (graph, node, edge, strict) and number-like
 * labels (1e6) ordinary strings.  Integers are printed as integers, never in
 * exponent form.  Each node or edge is built in a buffer and written with a
 * single checked fwrite. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ng_graph_i.h"

/* Look by entity type: the house data table, "other" last. */
static const struct {
    const char *type, *shape, *color;
} looks[] = {
    {"Person", "ellipse", "#a6cee3"},
    {"Country", "box", "#b2df8a"},
    {"City", "house", "#fdbf6f"},
    {"Place", "hexagon", "#fb9a99"},
    {"Organization", "octagon", "#cab2d6"},
    {NULL, "ellipse", "#e0e0e0"},
};

void ng_i_type_color(const char *type, uint8_t rgb[3])
{
    size_t k = 0;
    while (looks[k].type && strcmp(looks[k].type, type) != 0)
        k++;
    unsigned long v = strtoul(looks[k].color + 1, NULL, 16);
    rgb[0] = (uint8_t)(v >> 16);
    rgb[1] = (uint8_t)(v >> 8);
    rgb[2] = (uint8_t)v;
}

/* penwidth = 1 + (weight - 1) / 2, at most 6: heavy edges stand out without
 * drowning the drawing. */
#define PEN_MAX 6.0

static ng_status quoted(ng_i_buf *b, const char *s)
{
    ng_status st = ng_i_buf_addc(b, '"');
    const char *run = s;
    for (const char *p = s; st == NG_OK && *p; p++) {
        const char *esc = *p == '"' ? "\\\"" : *p == '\\' ? "\\\\" : *p == '\n' ? "\\n"
                        : *p == '\r' ? "" : NULL;
        if (!esc)
            continue;
        st = ng_i_buf_add(b, run, (size_t)(p - run));
        if (st == NG_OK)
            st = ng_i_buf_adds(b, esc);
        run = p + 1;
    }
    if (st == NG_OK)
        st = ng_i_buf_adds(b, run);
    if (st == NG_OK)
        st = ng_i_buf_addc(b, '"');
    return st;
}

/* ` name="value"` after the first attribute of a list. */
static ng_status attr(ng_i_buf *b, const char *name, const char *value)
{
    ng_status st = ng_i_buf_printf(b, "%s%s=", b->data[b->len - 1] == '[' ? "" : ", ", name);
    return st == NG_OK ? quoted(b, value) : st;
}

static ng_status attr_u32(ng_i_buf *b, const char *name, uint32_t v)
{
    char num[16];
    snprintf(num, sizeof num, "%" PRIu32, v);
    return attr(b, name, num);
}

static ng_status analytics(const ng_graph *g, const ng_i_vertex *v, ng_i_buf *b)
{
    char num[32];
    ng_i_format_double(num, v->pagerank);
    ng_status st = NG_OK;
    if (g->analytics & NG_ANALYTICS_DEGREE)
        st = attr_u32(b, "degree", v->degree);
    if (st == NG_OK && (g->analytics & NG_ANALYTICS_PAGERANK))
        st = attr(b, "pagerank", num);
    if (st == NG_OK && (g->analytics & NG_ANALYTICS_COMMUNITY))
        st = attr_u32(b, "community", v->community);
    return st;
}

static ng_status node(const ng_graph *g, const ng_i_vertex *v, ng_i_buf *b)
{
    size_t k = 0;
    while (looks[k].type && strcmp(looks[k].type, v->type) != 0)
        k++;
    ng_status st;
    NG_TRY(ng_i_buf_adds(b, "  "));
    NG_TRY(quoted(b, v->id));
    NG_TRY(ng_i_buf_adds(b, " ["));
    NG_TRY(attr(b, "label", v->label));
    NG_TRY(attr(b, "shape", looks[k].shape));
    NG_TRY(attr(b, "fillcolor", looks[k].color));
    NG_TRY(attr(b, "type", v->type));
    NG_TRY(attr_u32(b, "mentions", v->mentions));
    NG_TRY(attr_u32(b, "documents", v->documents));
    NG_TRY(analytics(g, v, b));
    NG_TRY(ng_i_buf_adds(b, "];\n"));
fail:
    return st;
}

static ng_status edge(const ng_graph *g, const ng_i_edge *e, ng_i_buf *b)
{
    const ng_i_relation *r = &g->relations[e->rel];
    double pen = 1.0 + (e->nsources - 1) / 2.0;
    char num[32];
    snprintf(num, sizeof num, "%.1f", pen < PEN_MAX ? pen : PEN_MAX);
    ng_status st;
    NG_TRY(ng_i_buf_adds(b, "  "));
    NG_TRY(quoted(b, g->vertices[e->src].id));
    NG_TRY(ng_i_buf_adds(b, " -> "));
    NG_TRY(quoted(b, g->vertices[e->dst].id));
    NG_TRY(ng_i_buf_adds(b, " ["));
    NG_TRY(attr(b, "label", r->name));
    NG_TRY(attr(b, "relation", r->name));
    NG_TRY(attr_u32(b, "weight", e->nsources));
    NG_TRY(attr(b, "penwidth", num));
    NG_TRY(attr_u32(b, "mentions", e->mentions));
    NG_TRY(attr(b, "first_seen", e->first ? e->first : ""));
    NG_TRY(attr(b, "last_seen", e->last ? e->last : ""));
    if (r->symmetric)
        NG_TRY(attr(b, "dir", "none"));
    if (ng_i_has_modality(g)) {
        NG_TRY(attr(b, "modality", ng_modality_name((ng_modality)e->mod)));
        if (e->mod != NG_MOD_ASSERTED)
            NG_TRY(attr(b, "style", "dashed"));
    }
    NG_TRY(ng_i_buf_adds(b, "];\n"));
fail:
    return st;
}

ng_status ng_graph_write_dot(const ng_graph *g, FILE *out, const ng_write_options *o,
                             ng_error *err)
{
    (void)o;
    ng_status st = ng_i_check_writable(g, out, err);
    if (st != NG_OK)
        return st;
    ng_i_buf b = {0};
    NG_TRY(ng_i_buf_adds(&b, "digraph \"newsgraph\" {\n"
                             "  graph [charset=\"UTF-8\"];\n"
                             "  node [style=\"filled\"];\n"));
    for (size_t i = 0; i < g->nvertices; i++) {
        NG_TRY(node(g, &g->vertices[i], &b));
        NG_TRY(ng_i_buf_flush(&b, out, err));
    }
    for (size_t i = 0; i < g->nedges; i++) {
        NG_TRY(edge(g, &g->edges[i], &b));
        NG_TRY(ng_i_buf_flush(&b, out, err));
    }
    NG_TRY(ng_i_buf_adds(&b, "}\n"));
    NG_TRY(ng_i_buf_flush(&b, out, err));
    ng_i_buf_free(&b);
    return ng_i_finish_stream(out, err);
fail:
    ng_i_buf_free(&b);
    if (st == NG_ENOMEM)
        ng_fail(err, st, "out of memory while writing DOT");
    return st;
}
