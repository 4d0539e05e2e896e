/* GEXF 1.3 for Gephi, with the viz namespace and time, so that Gephi's
 * timeline plays how the relations appear.
 *
 * Time model (graph/README.md):
 *   edge  one <spell> per run of consecutive days among the dates of its
 *         supporting documents (each document's date as the graph knows it:
 *         its earliest dated triple); an edge none of whose documents has a
 *         date gets no spell and is always there;
 *   node  start = the earliest date of its edges, i.e. its first dated
 *         mention; a node with an undated edge has no start (always there),
 *         so that the undated edge is never hidden behind an absent end.
 * Symmetric edges stay directed (stored order) with symmetric=true, as in
 * GraphML: networkx refuses a graph that mixes directed and undirected
 * edges.  Dates are plain YYYY-MM-DD (timeformat="date"); spells are inclusive. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "ng_graph_i.h"

#define X(call) do { if ((call) < 0) goto fail; } while (0)
#define S(s) ((const xmlChar *)(s))

typedef struct {
    const ng_graph *g;
    xmlTextWriterPtr w;
    ng_i_buf tmp;
    const char **dates;     /* scratch: the dates of one edge */
    const char **start;     /* per vertex: its start, or NULL */
    unsigned char *undated; /* per vertex: an edge at it has no date */
} gexf;

static const struct {
    const char *id, *type;
    unsigned when; /* analytics bit, 0: always */
} node_attrs[] = {
    {"type", "string", 0},          {"aliases", "string", 0},
    {"mentions", "integer", 0},     {"documents", "integer", 0},
    {"degree", "integer", NG_ANALYTICS_DEGREE},
    {"pagerank", "double", NG_ANALYTICS_PAGERANK},
    {"community", "integer", NG_ANALYTICS_COMMUNITY},
};

static const char *const edge_attrs[][2] = {
    {"relation", "string"}, {"mentions", "integer"}, {"first_seen", "string"},
    {"last_seen", "string"}, {"sources", "string"},  {"evidence", "string"},
    {"symmetric", "boolean"}, {"modality", "string"},
};

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, S(name), S(value));
}

/* <attvalue for= value=/>; empty strings are left out, as in GraphML. */
static int attvalue(xmlTextWriterPtr w, const char *id, const char *value)
{
    if (!*value)
        return 0;
    if (xmlTextWriterStartElement(w, S("attvalue")) < 0 || attr(w, "for", id) < 0 ||
        attr(w, "value", value) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

static int attvalue_u32(xmlTextWriterPtr w, const char *id, uint32_t v)
{
    char num[16];
    snprintf(num, sizeof num, "%" PRIu32, v);
    return attvalue(w, id, num);
}

static int declare(xmlTextWriterPtr w, const char *id, const char *type)
{
    if (xmlTextWriterStartElement(w, S("attribute")) < 0 || attr(w, "id", id) < 0 ||
        attr(w, "title", id) < 0 || attr(w, "type", type) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

static int write_declarations(const gexf *x)
{
    xmlTextWriterPtr w = x->w;
    X(xmlTextWriterStartElement(w, S("attributes")));
    X(attr(w, "class", "node"));
    for (size_t i = 0; i < sizeof node_attrs / sizeof node_attrs[0]; i++) {
        if (!node_attrs[i].when || (x->g->analytics & node_attrs[i].when))
            X(declare(w, node_attrs[i].id, node_attrs[i].type));
    }
    X(xmlTextWriterEndElement(w));
    X(xmlTextWriterStartElement(w, S("attributes")));
    X(attr(w, "class", "edge"));
    size_t n = sizeof edge_attrs / sizeof edge_attrs[0] - !ng_i_has_modality(x->g);
    for (size_t i = 0; i < n; i++)
        X(declare(w, edge_attrs[i][0], edge_attrs[i][1]));
    return xmlTextWriterEndElement(w);
fail:
    return -1;
}

static int write_header(const gexf *x)
{
    xmlTextWriterPtr w = x->w;
    X(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    X(xmlTextWriterStartElement(w, S("gexf")));
    X(attr(w, "xmlns", "http://gexf.net/1.3"));
    X(attr(w, "xmlns:viz", "http://gexf.net/1.3/viz"));
    X(attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    X(attr(w, "xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"));
    X(attr(w, "version", "1.3"));
    X(xmlTextWriterStartElement(w, S("meta"))); /* no date: same graph, same bytes */
    X(xmlTextWriterWriteElement(w, S("creator"), S("newsgraph")));
    X(xmlTextWriterWriteElement(w, S("description"),
                                S("relations extracted from news articles")));
    X(xmlTextWriterEndElement(w));
    X(xmlTextWriterStartElement(w, S("graph")));
    X(attr(w, "defaultedgetype", "directed"));
    X(attr(w, "mode", "dynamic"));
    X(attr(w, "timeformat", "date"));
    X(attr(w, "timerepresentation", "interval"));
    return write_declarations(x);
fail:
    return -1;
}

/* ---- dates ---- */

static int cmp_doc_id(const void *key, const void *elem)
{
    return strcmp(key, ((const ng_i_doc *)elem)->id);
}

static const char *doc_date(const ng_graph *g, const char *id)
{
    const ng_i_doc *d = bsearch(id, g->docs, g->ndocs, sizeof *g->docs, cmp_doc_id);
    return d ? d->date : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Days since 1970-01-01 of a valid YYYY-MM-DD (Howard Hinnant's
 * days_from_civil). */
static long day_number(const char *iso)
{
    long y = strtol(iso, NULL, 10), m = strtol(iso + 5, NULL, 10), d = strtol(iso + 8, NULL, 10);
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The distinct dates of edge e's documents, sorted, into x->dates. */
static size_t edge_dates(gexf *x, const ng_i_edge *e)
{
    size_t n = 0;
    for (uint32_t i = 0; i < e->nsources; i++) {
        const char *d = doc_date(x->g, e->sources[i]);
        if (d)
            x->dates[n++] = d;
    }
    if (n > 1)
        qsort(x->dates, n, sizeof *x->dates, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k == 0 || strcmp(x->dates[k - 1], x->dates[i]) != 0)
            x->dates[k++] = x->dates[i];
    }
    return k;
}

static void vertex_starts(gexf *x)
{
    const ng_graph *g = x->g;
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_i_edge *e = &g->edges[i];
        const char *first = edge_dates(x, e) ? x->dates[0] : NULL;
        uint32_t ends[2] = {e->src, e->dst};
        for (int k = 0; k < 2; k++) {
            if (!first)
                x->undated[ends[k]] = 1;
            else if (!x->start[ends[k]] || strcmp(first, x->start[ends[k]]) < 0)
                x->start[ends[k]] = first;
        }
    }
    for (size_t v = 0; v < g->nvertices; v++) {
        if (x->undated[v])
            x->start[v] = NULL;
    }
}

static int spell(xmlTextWriterPtr w, const char *start, const char *end)
{
    if (xmlTextWriterStartElement(w, S("spell")) < 0 || attr(w, "start", start) < 0 ||
        attr(w, "end", end) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

/* One spell per run of consecutive days. */
static int write_spells(gexf *x, const ng_i_edge *e)
{
    size_t n = edge_dates(x, e);
    if (n == 0)
        return 0;
    X(xmlTextWriterStartElement(x->w, S("spells")));
    for (size_t i = 0, run = 0; i < n; i++) {
        if (i + 1 < n && day_number(x->dates[i + 1]) == day_number(x->dates[i]) + 1)
            continue;
        X(spell(x->w, x->dates[run], x->dates[i]));
        run = i + 1;
    }
    return xmlTextWriterEndElement(x->w);
fail:
    return -1;
}

/* ---- nodes and edges ---- */

static int write_viz(const gexf *x, const ng_i_vertex *v)
{
    xmlTextWriterPtr w = x->w;
    char num[32];
    X(xmlTextWriterStartElement(w, S("viz:color")));
    for (int k = 0; k < 3; k++) {
        snprintf(num, sizeof num, "%u", (unsigned)v->rgb[k]);
        X(attr(w, (const char *[]){"r", "g", "b"}[k], num));
    }
    X(xmlTextWriterEndElement(w));
    if (x->g->analytics & NG_ANALYTICS_LAYOUT) {
        X(xmlTextWriterStartElement(w, S("viz:position")));
        snprintf(num, sizeof num, "%.1f", v->x);
        X(attr(w, "x", num));
        snprintf(num, sizeof num, "%.1f", v->y);
        X(attr(w, "y", num));
        X(xmlTextWriterEndElement(w));
    }
    if (x->g->analytics & NG_ANALYTICS_PAGERANK) {
        X(xmlTextWriterStartElement(w, S("viz:size")));
        snprintf(num, sizeof num, "%.1f", v->size);
        X(attr(w, "value", num));
        X(xmlTextWriterEndElement(w));
    }
    return 0;
fail:
    return -1;
}

static int write_node_attvalues(gexf *x, const ng_i_vertex *v)
{
    xmlTextWriterPtr w = x->w;
    unsigned on = x->g->analytics;
    char num[32];
    x->tmp.len = 0;
    if (ng_i_join_list(&x->tmp, v->aliases, v->naliases) != NG_OK)
        return -1;
    X(xmlTextWriterStartElement(w, S("attvalues")));
    X(attvalue(w, "type", v->type));
    X(attvalue(w, "aliases", x->tmp.data ? x->tmp.data : ""));
    X(attvalue_u32(w, "mentions", v->mentions));
    X(attvalue_u32(w, "documents", v->documents));
    if (on & NG_ANALYTICS_DEGREE)
        X(attvalue_u32(w, "degree", v->degree));
    ng_i_format_double(num, v->pagerank);
    if (on & NG_ANALYTICS_PAGERANK)
        X(attvalue(w, "pagerank", num));
    if (on & NG_ANALYTICS_COMMUNITY)
        X(attvalue_u32(w, "community", v->community));
    return xmlTextWriterEndElement(w);
fail:
    return -1;
}

static int write_node(gexf *x, size_t i)
{
    const ng_i_vertex *v = &x->g->vertices[i];
    X(xmlTextWriterStartElement(x->w, S("node")));
    X(attr(x->w, "id", v->id));
    X(attr(x->w, "label", v->label));
    if (x->start[i])
        X(attr(x->w, "start", x->start[i]));
    X(write_node_attvalues(x, v));
    X(write_viz(x, v));
    return xmlTextWriterEndElement(x->w);
fail:
    return -1;
}

static int write_edge_attvalues(gexf *x, const ng_i_edge *e)
{
    xmlTextWriterPtr w = x->w;
    const ng_i_relation *r = &x->g->relations[e->rel];
    x->tmp.len = 0;
    if (ng_i_join_list(&x->tmp, e->sources, e->nsources) != NG_OK)
        return -1;
    X(xmlTextWriterStartElement(w, S("attvalues")));
    X(attvalue(w, "relation", r->name));
    X(attvalue_u32(w, "mentions", e->mentions));
    X(attvalue(w, "first_seen", e->first ? e->first : ""));
    X(attvalue(w, "last_seen", e->last ? e->last : ""));
    X(attvalue(w, "sources", x->tmp.data ? x->tmp.data : ""));
    X(attvalue(w, "evidence", e->ev.text ? e->ev.text : ""));
    X(attvalue(w, "symmetric", r->symmetric ? "true" : "false"));
    if (ng_i_has_modality(x->g))
        X(attvalue(w, "modality", ng_modality_name((ng_modality)e->mod)));
    return xmlTextWriterEndElement(w);
fail:
    return -1;
}

static int write_edge(gexf *x, size_t i)
{
    const ng_i_edge *e = &x->g->edges[i];
    const ng_i_relation *r = &x->g->relations[e->rel];
    char num[32];
    X(xmlTextWriterStartElement(x->w, S("edge")));
    snprintf(num, sizeof num, "e%zu", i);
    X(attr(x->w, "id", num));
    X(attr(x->w, "source", x->g->vertices[e->src].id));
    X(attr(x->w, "target", x->g->vertices[e->dst].id));
    X(attr(x->w, "label", r->name));
    snprintf(num, sizeof num, "%" PRIu32, e->nsources);
    X(attr(x->w, "weight", num));
    X(write_edge_attvalues(x, e));
    X(write_spells(x, e));
    return xmlTextWriterEndElement(x->w);
fail:
    return -1;
}

static int write_all(gexf *x)
{
    X(write_header(x));
    X(xmlTextWriterStartElement(x->w, S("nodes")));
    for (size_t i = 0; i < x->g->nvertices; i++)
        X(write_node(x, i));
    X(xmlTextWriterEndElement(x->w));
    X(xmlTextWriterStartElement(x->w, S("edges")));
    for (size_t i = 0; i < x->g->nedges; i++)
        X(write_edge(x, i));
    X(xmlTextWriterEndElement(x->w));
    return xmlTextWriterEndDocument(x->w); /* closes graph and gexf */
fail:
    return -1;
}

static size_t max_sources(const ng_graph *g)
{
    size_t m = 1;
    for (size_t i = 0; i < g->nedges; i++)
        m = g->edges[i].nsources > m ? g->edges[i].nsources : m;
    return m;
}

ng_status ng_graph_write_gexf(const ng_graph *g, FILE *out, const ng_write_options *o,
                              ng_error *err)
{
    (void)o;
    ng_status st = ng_i_check_writable(g, out, err);
    if (st != NG_OK)
        return st;
    size_t nv = g->nvertices ? g->nvertices : 1;
    gexf x = {.g = g};
    x.dates = malloc(max_sources(g) * sizeof *x.dates);
    x.start = calloc(nv, sizeof *x.start);
    x.undated = calloc(nv, 1);
    ng_i_xml *xml = x.dates && x.start && x.undated ? ng_i_xml_open(out) : NULL;
    if (!xml) {
        st = ng_fail(err, NG_ENOMEM, "cannot create the GEXF writer");
        goto done;
    }
    vertex_starts(&x);
    x.w = ng_i_xml_writer(xml);
    st = ng_i_xml_close(xml, write_all(&x), out, "GEXF", err);
done:
    ng_i_buf_free(&x.tmp);
    free(x.dates);
    free(x.start);
    free(x.undated);
    return st;
}
