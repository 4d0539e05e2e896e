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
 * edges.  Dates are plain YYYY-MM-DD (timeformat="date"); spells are inclusive.
 *
 * Written as the GraphML is (graphml.c): libxml2's xmlTextWriter writes the
 * frame -- the XML declaration, <gexf> with its namespaces, <meta> and the
 * closing tag -- and the <graph> element, nearly all of the file, is built
 * here as escaped text and put on the stream in large chunks
 * (ng_i_xml_write_buf).  The bytes are exactly those the writer made when
 * it wrote every element itself: its escaping (xml_escape.c) and its layout
 * (two-space indent, one element per line, an element without children in
 * the empty-element form <x/>). */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "ng_graph_i.h"

#define X(call) do { if ((call) < 0) goto fail; } while (0)
/* Jumps to `fail` when a buffer step fails (memory ran out). */
#define B(call) do { if ((call) != NG_OK) goto fail; } while (0)
#define S(s) ((const xmlChar *)(s))

typedef struct {
    const ng_graph *g;
    ng_i_buf *b;            /* the body's text not yet on the stream */
    ng_i_buf tmp;           /* a joined list */
    const char **source_dates; /* the date of each source slot of g->lists, or NULL */
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

/* The frame up to the <graph> element.  It ends at the start of a line
 * (the writer ends each element's line when indenting), where the body's
 * text begins. */
static int write_header(xmlTextWriterPtr w)
{
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
    return xmlTextWriterEndElement(w);
fail:
    return -1;
}

/* ---- dates ----
 *
 * Spells and starts need the dates of each edge's documents.  Looked up by
 * name (bsearch in g->docs: some 17 strcmp on ids spread over memory, most
 * of them cache misses, twice per edge), they took 1.6 of the 2.3 s that
 * the 100k-vertex, 1M-edge benchmark graph took to /dev/null.  Document
 * ids are interned, so an edge's sources are the very pointers that
 * g->docs holds: once per write, a table keyed by the pointer gives the
 * date of every source, and the edges read theirs in order. */

typedef struct {
    const char *id, *date;
} date_slot;

static size_t pointer_hash(const char *p, unsigned bits)
{
    return (size_t)(((uint64_t)(uintptr_t)p * UINT64_C(0x9e3779b97f4a7c15)) >> (64 - bits));
}

/* Fills x->source_dates: the sources of all edges are g->lists[0,
 * nedge_docs), edge after edge (finish.c, make_lists). */
static ng_status find_source_dates(gexf *x)
{
    const ng_graph *g = x->g;
    unsigned bits = 1;
    while (((size_t)1 << bits) < 2 * g->ndocs) /* at most half full */
        bits++;
    size_t mask = ((size_t)1 << bits) - 1;
    date_slot *t = calloc(mask + 1, sizeof *t);
    x->source_dates = malloc((g->nedge_docs ? g->nedge_docs : 1) * sizeof *x->source_dates);
    if (!t || !x->source_dates) {
        free(t);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < g->ndocs; i++) {
        size_t h = pointer_hash(g->docs[i].id, bits);
        while (t[h].id)
            h = (h + 1) & mask;
        t[h] = (date_slot){g->docs[i].id, g->docs[i].date};
    }
    for (size_t i = 0; i < g->nedge_docs; i++) {
        size_t h = pointer_hash(g->lists[i], bits);
        while (t[h].id && t[h].id != g->lists[i])
            h = (h + 1) & mask;
        x->source_dates[i] = t[h].date; /* every source is a document */
    }
    free(t);
    return NG_OK;
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
    if (e->nsources == 0)
        return 0;
    const char *const *date = x->source_dates + (e->sources - x->g->lists);
    size_t n = 0;
    for (uint32_t i = 0; i < e->nsources; i++) {
        if (date[i])
            x->dates[n++] = date[i];
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

/* ---- The body, built as text ----
 *
 * Indented two spaces per level: <graph> 2; <attributes>, <nodes>, <edges>
 * 4; <attribute>, <node>, <edge> 6; <attvalues>, <viz:*>, <spells> 8;
 * <attvalue>, <spell> 10.  Ids, types and names in the string literals need
 * no escaping; every value from the graph is escaped. */

/* Appends a string literal without measuring it. */
#define ADD(b, lit) ng_i_buf_add((b), (lit), sizeof(lit) - 1)
/* open, value, close for a literal open and close. */
#define WRAPPED(b, open, value, n, how, close)                                                 \
    ng_i_xml_add_wrapped((b), (open), sizeof(open) - 1, (value), (n), (how), (close),         \
                         sizeof(close) - 1)
/* ` name="value"`, the value escaped; _PLAIN: a number, as printf writes
 * it, which needs no escaping. */
#define ATTR(b, name, value)                                                                   \
    WRAPPED((b), " " name "=\"", (value), strlen(value), NG_I_XML_ATTR, "\"")
#define ATTR_PLAIN(b, name, value)                                                             \
    WRAPPED((b), " " name "=\"", (value), strlen(value), NG_I_XML_RAW, "\"")

static ng_status declare(ng_i_buf *b, const char *id, const char *type)
{
    return ng_i_buf_printf(b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", id, id,
                           type);
}

/* The <graph> start tag and both <attributes>, never empty. */
static ng_status write_declarations(const ng_graph *g, ng_i_buf *b)
{
    ng_status st;
    NG_TRY(ADD(b, "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
                  "timerepresentation=\"interval\">\n"));
    NG_TRY(ADD(b, "    <attributes class=\"node\">\n"));
    for (size_t i = 0; i < sizeof node_attrs / sizeof node_attrs[0]; i++) {
        if (!node_attrs[i].when || (g->analytics & node_attrs[i].when))
            NG_TRY(declare(b, node_attrs[i].id, node_attrs[i].type));
    }
    NG_TRY(ADD(b, "    </attributes>\n"));
    NG_TRY(ADD(b, "    <attributes class=\"edge\">\n"));
    size_t n = sizeof edge_attrs / sizeof edge_attrs[0] - !ng_i_has_modality(g);
    for (size_t i = 0; i < n; i++)
        NG_TRY(declare(b, edge_attrs[i][0], edge_attrs[i][1]));
    return ADD(b, "    </attributes>\n");
fail:
    return st;
}

#define ATTVALUE_OPEN(id) "          <attvalue for=\"" id "\" value=\""
#define ATTVALUE_CLOSE "\"/>\n"
/* <attvalue for="ID" value="VALUE"/>, ID a string literal (a declared id).
 * An empty string is no <attvalue> at all, as in GraphML. */
#define ATTVALUE(b, id, value)                                                                 \
    (*(value) ? WRAPPED((b), ATTVALUE_OPEN(id), (value), strlen(value), NG_I_XML_ATTR,         \
                        ATTVALUE_CLOSE)                                                        \
              : NG_OK)
/* A value with nothing to escape: a number as printf writes it. */
#define ATTVALUE_PLAIN(b, id, value)                                                           \
    WRAPPED((b), ATTVALUE_OPEN(id), (value), strlen(value), NG_I_XML_RAW, ATTVALUE_CLOSE)
/* An integer, formatted in the caller's char num[32]. */
#define ATTVALUE_NUM(b, id, v) ATTVALUE_PLAIN((b), id, ng_i_format_u64(num, (v)))

/* One <spell> per run of consecutive days. */
static ng_status write_spells(gexf *x, const ng_i_edge *e)
{
    ng_i_buf *b = x->b;
    size_t n = edge_dates(x, e);
    ng_status st = NG_OK;
    if (n == 0)
        return NG_OK;
    NG_TRY(ADD(b, "        <spells>\n"));
    for (size_t i = 0, run = 0; i < n; i++) {
        if (i + 1 < n && day_number(x->dates[i + 1]) == day_number(x->dates[i]) + 1)
            continue;
        NG_TRY(ADD(b, "          <spell"));
        NG_TRY(ATTR(b, "start", x->dates[run]));
        NG_TRY(ATTR(b, "end", x->dates[i]));
        NG_TRY(ADD(b, "/>\n"));
        run = i + 1;
    }
    return ADD(b, "        </spells>\n");
fail:
    return st;
}

/* ---- nodes and edges ---- */

/* Colour, position and size: x, y and size are "%.1f", as layout.c rounds
 * them. */
static ng_status write_viz(const gexf *x, const ng_i_vertex *v)
{
    ng_i_buf *b = x->b;
    char num[32];
    ng_status st;
    NG_TRY(ADD(b, "        <viz:color"));
    NG_TRY(ATTR_PLAIN(b, "r", ng_i_format_u64(num, v->rgb[0])));
    NG_TRY(ATTR_PLAIN(b, "g", ng_i_format_u64(num, v->rgb[1])));
    NG_TRY(ATTR_PLAIN(b, "b", ng_i_format_u64(num, v->rgb[2])));
    NG_TRY(ADD(b, "/>\n"));
    if (x->g->analytics & NG_ANALYTICS_LAYOUT) {
        NG_TRY(ADD(b, "        <viz:position"));
        NG_TRY(ATTR_PLAIN(b, "x", ng_i_format_tenths(num, v->x)));
        NG_TRY(ATTR_PLAIN(b, "y", ng_i_format_tenths(num, v->y)));
        NG_TRY(ADD(b, "/>\n"));
    }
    if (x->g->analytics & NG_ANALYTICS_PAGERANK) {
        NG_TRY(ADD(b, "        <viz:size"));
        NG_TRY(ATTR_PLAIN(b, "value", ng_i_format_tenths(num, v->size)));
        NG_TRY(ADD(b, "/>\n"));
    }
fail:
    return st;
}

/* Never empty: mentions and documents are always there. */
static ng_status write_node_attvalues(gexf *x, const ng_i_vertex *v)
{
    ng_i_buf *b = x->b;
    unsigned on = x->g->analytics;
    char num[32];
    ng_status st;
    x->tmp.len = 0;
    NG_TRY(ng_i_join_list(&x->tmp, v->aliases, v->naliases));
    NG_TRY(ADD(b, "        <attvalues>\n"));
    NG_TRY(ATTVALUE(b, "type", v->type));
    NG_TRY(ATTVALUE(b, "aliases", x->tmp.data));
    NG_TRY(ATTVALUE_NUM(b, "mentions", v->mentions));
    NG_TRY(ATTVALUE_NUM(b, "documents", v->documents));
    if (on & NG_ANALYTICS_DEGREE)
        NG_TRY(ATTVALUE_NUM(b, "degree", v->degree));
    if (on & NG_ANALYTICS_PAGERANK) {
        ng_i_format_double(num, v->pagerank);
        NG_TRY(ATTVALUE_PLAIN(b, "pagerank", num));
    }
    if (on & NG_ANALYTICS_COMMUNITY)
        NG_TRY(ATTVALUE_NUM(b, "community", v->community));
    return ADD(b, "        </attvalues>\n");
fail:
    return st;
}

/* A node always has children (attvalues, colour). */
static ng_status write_node(gexf *x, size_t i)
{
    const ng_i_vertex *v = &x->g->vertices[i];
    ng_i_buf *b = x->b;
    ng_status st;
    NG_TRY(ADD(b, "      <node"));
    NG_TRY(ATTR(b, "id", v->id));
    NG_TRY(ATTR(b, "label", v->label));
    if (x->start[i])
        NG_TRY(ATTR(b, "start", x->start[i]));
    NG_TRY(ADD(b, ">\n"));
    NG_TRY(write_node_attvalues(x, v));
    NG_TRY(write_viz(x, v));
    return ADD(b, "      </node>\n");
fail:
    return st;
}

/* Never empty: mentions and symmetric are always there. */
static ng_status write_edge_attvalues(gexf *x, const ng_i_edge *e)
{
    ng_i_buf *b = x->b;
    const ng_i_relation *r = &x->g->relations[e->rel];
    char num[32];
    ng_status st;
    x->tmp.len = 0;
    NG_TRY(ng_i_join_list(&x->tmp, e->sources, e->nsources));
    NG_TRY(ADD(b, "        <attvalues>\n"));
    NG_TRY(ATTVALUE(b, "relation", r->name));
    NG_TRY(ATTVALUE_NUM(b, "mentions", e->mentions));
    NG_TRY(ATTVALUE(b, "first_seen", e->first ? e->first : ""));
    NG_TRY(ATTVALUE(b, "last_seen", e->last ? e->last : ""));
    NG_TRY(ATTVALUE(b, "sources", x->tmp.data));
    NG_TRY(ATTVALUE(b, "evidence", e->ev.text ? e->ev.text : ""));
    NG_TRY(ATTVALUE(b, "symmetric", r->symmetric ? "true" : "false"));
    if (ng_i_has_modality(x->g))
        NG_TRY(ATTVALUE(b, "modality", ng_modality_name((ng_modality)e->mod)));
    return ADD(b, "        </attvalues>\n");
fail:
    return st;
}

/* <edge id="eI" ...>; an edge always has children (attvalues). */
static ng_status write_edge(gexf *x, size_t i)
{
    const ng_i_edge *e = &x->g->edges[i];
    const ng_graph *g = x->g;
    ng_i_buf *b = x->b;
    char num[32];
    ng_status st;
    NG_TRY(ADD(b, "      <edge id=\"e"));
    NG_TRY(ng_i_buf_adds(b, ng_i_format_u64(num, i)));
    NG_TRY(ADD(b, "\""));
    NG_TRY(ATTR(b, "source", g->vertices[e->src].id));
    NG_TRY(ATTR(b, "target", g->vertices[e->dst].id));
    NG_TRY(ATTR(b, "label", g->relations[e->rel].name));
    NG_TRY(ATTR_PLAIN(b, "weight", ng_i_format_u64(num, e->nsources)));
    NG_TRY(ADD(b, ">\n"));
    NG_TRY(write_edge_attvalues(x, e));
    NG_TRY(write_spells(x, e));
    return ADD(b, "      </edge>\n");
fail:
    return st;
}

/* <nodes> with every node, or <nodes/>; the text goes to the stream
 * whenever a chunk is full. */
static int write_nodes(gexf *x, ng_i_xml *xml)
{
    const ng_graph *g = x->g;
    if (g->nvertices == 0)
        return ADD(x->b, "    <nodes/>\n") == NG_OK ? 0 : -1;
    B(ADD(x->b, "    <nodes>\n"));
    for (size_t i = 0; i < g->nvertices; i++) {
        if (i + NG_I_AHEAD < g->nvertices)
            NG_I_PREFETCH_VERTEX(&g->vertices[i + NG_I_AHEAD]);
        B(write_node(x, i));
        if (x->b->len >= NG_I_XML_CHUNK)
            X(ng_i_xml_write_buf(xml, x->b));
    }
    B(ADD(x->b, "    </nodes>\n"));
    return 0;
fail:
    return -1;
}

static int write_edges(gexf *x, ng_i_xml *xml)
{
    const ng_graph *g = x->g;
    if (g->nedges == 0)
        return ADD(x->b, "    <edges/>\n") == NG_OK ? 0 : -1;
    B(ADD(x->b, "    <edges>\n"));
    for (size_t i = 0; i < g->nedges; i++) {
        if (i + 2 * NG_I_AHEAD < g->nedges)
            NG_I_PREFETCH_EDGE(g, &g->edges[i + 2 * NG_I_AHEAD]);
        if (i + NG_I_AHEAD < g->nedges)
            NG_I_PREFETCH_EDGE_STRINGS(g, &g->edges[i + NG_I_AHEAD]);
        B(write_edge(x, i));
        if (x->b->len >= NG_I_XML_CHUNK)
            X(ng_i_xml_write_buf(xml, x->b));
    }
    B(ADD(x->b, "    </edges>\n"));
    return 0;
fail:
    return -1;
}

static int write_all(gexf *x, ng_i_xml *xml)
{
    X(write_header(ng_i_xml_writer(xml)));
    B(write_declarations(x->g, x->b));
    X(write_nodes(x, xml));
    X(write_edges(x, xml));
    B(ADD(x->b, "  </graph>\n"));
    X(ng_i_xml_write_buf(xml, x->b));
    return xmlTextWriterEndDocument(ng_i_xml_writer(xml)); /* closes gexf */
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
    ng_i_buf body = {0};
    gexf x = {.g = g, .b = &body};
    x.dates = malloc(max_sources(g) * sizeof *x.dates);
    x.start = calloc(nv, sizeof *x.start);
    x.undated = calloc(nv, 1);
    int ready = x.dates && x.start && x.undated && find_source_dates(&x) == NG_OK;
    ng_i_xml *xml = ready ? ng_i_xml_open(out) : NULL;
    if (!xml) {
        st = ng_fail(err, NG_ENOMEM, "cannot create the GEXF writer");
        goto done;
    }
    vertex_starts(&x);
    st = ng_i_xml_close(xml, write_all(&x, xml), out, "GEXF", err);
done:
    ng_i_buf_free(&body);
    ng_i_buf_free(&x.tmp);
    free(x.source_dates);
    free(x.dates);
    free(x.start);
    free(x.undated);
    return st;
}
