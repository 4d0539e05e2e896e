/* GraphML for Gephi, networkx, igraph, graphology.
 *
 * libxml2's xmlTextWriter writes the frame: the XML declaration, <graphml>
 * with its namespaces, the <key> declarations and the closing tag.  The
 * <graph> element with its nodes and edges, nearly all of the file, is
 * built here as pre-escaped text and put on the stream in large chunks
 * between the writer's parts (ng_i_xml_write_raw): a writer call for every
 * element, attribute and string cost about 100 instructions per output
 * byte, 9 s for the 600 MB of the benchmark graph (graph/README.md).  The
 * escaping (xml_escape.c) and the layout (two-space indent, one element per
 * line) are exactly the writer's, so the files are byte for byte what they
 * were.  The strings were cleaned when they entered the graph (clean.c), so
 * no character that XML forbids can reach the file.  Lists (aliases,
 * sources) are one string each: see ng_i_join_list() for the separator and
 * its escape.  Empty strings (no aliases, no date, an empty label) are left
 * out rather than written empty. */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "ng_graph_i.h"

typedef enum { KEY_NODE, KEY_EDGE } key_domain;

/* When a key is declared: always, or only with an analytics flag on, or
 * only when edges carry a modality. */
#define WITH_MODALITY 0x100u

/* The <key> declarations: ids unique, attr.name as the programs show it. */
static const struct {
    const char *id;
    key_domain domain;
    const char *name, *type;
    unsigned when;
} keys[] = {
    {"v_label", KEY_NODE, "label", "string", 0},
    {"v_type", KEY_NODE, "type", "string", 0},
    {"v_aliases", KEY_NODE, "aliases", "string", 0},
    {"v_mentions", KEY_NODE, "mentions", "int", 0},
    {"v_documents", KEY_NODE, "documents", "int", 0},
    {"v_degree", KEY_NODE, "degree", "int", NG_ANALYTICS_DEGREE},
    {"v_pagerank", KEY_NODE, "pagerank", "double", NG_ANALYTICS_PAGERANK},
    {"v_community", KEY_NODE, "community", "int", NG_ANALYTICS_COMMUNITY},
    /* Gephi's GraphML importer takes these names as the node's position,
     * size and colour (graph/README.md). */
    {"v_x", KEY_NODE, "x", "float", NG_ANALYTICS_LAYOUT},
    {"v_y", KEY_NODE, "y", "float", NG_ANALYTICS_LAYOUT},
    {"v_size", KEY_NODE, "size", "float", NG_ANALYTICS_PAGERANK},
    {"v_r", KEY_NODE, "r", "int", 0},
    {"v_g", KEY_NODE, "g", "int", 0},
    {"v_b", KEY_NODE, "b", "int", 0},
    {"e_relation", KEY_EDGE, "relation", "string", 0},
    {"e_label", KEY_EDGE, "label", "string", 0},
    {"e_weight", KEY_EDGE, "weight", "double", 0},
    {"e_mentions", KEY_EDGE, "mentions", "int", 0},
    {"e_first_seen", KEY_EDGE, "first_seen", "string", 0},
    {"e_last_seen", KEY_EDGE, "last_seen", "string", 0},
    {"e_sources", KEY_EDGE, "sources", "string", 0},
    {"e_evidence", KEY_EDGE, "evidence", "string", 0},
    {"e_symmetric", KEY_EDGE, "symmetric", "boolean", 0},
    {"e_modality", KEY_EDGE, "modality", "string", WITH_MODALITY},
};
#define NKEYS (sizeof keys / sizeof keys[0])

static int key_wanted(const ng_graph *g, unsigned when)
{
    if (when == WITH_MODALITY)
        return ng_i_has_modality(g);
    return when == 0 || (g->analytics & when);
}

#define X(call) do { if ((call) < 0) goto fail; } while (0)
#define BAD_CAST_C(s) ((const xmlChar *)(s))

static int write_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, BAD_CAST_C(name), BAD_CAST_C(value));
}

/* The frame up to the <graph> element: the declaration, <graphml> and the
 * keys.  It ends at the start of a line (the writer ends each element's
 * line when indenting), where the body's text begins. */
static int write_header(const ng_graph *g, xmlTextWriterPtr w)
{
    X(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    X(xmlTextWriterStartElement(w, BAD_CAST_C("graphml")));
    X(write_attr(w, "xmlns", "http://graphml.graphdrawing.org/xmlns"));
    X(write_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    X(write_attr(w, "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
                                          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
    for (size_t i = 0; i < NKEYS; i++) {
        if (!key_wanted(g, keys[i].when))
            continue;
        X(xmlTextWriterStartElement(w, BAD_CAST_C("key")));
        X(write_attr(w, "id", keys[i].id));
        X(write_attr(w, "for", keys[i].domain == KEY_NODE ? "node" : "edge"));
        X(write_attr(w, "attr.name", keys[i].name));
        X(write_attr(w, "attr.type", keys[i].type));
        X(xmlTextWriterEndElement(w));
    }
    return 0;
fail:
    return -1;
}

/* ---- The body, built as text in a buffer ----
 *
 * The layout is the writer's: each element on its own line, indented two
 * spaces per level (<graph> 2, <node>/<edge> 4, <data> 6). */

/* Appends a string literal without measuring it. */
#define ADD(b, lit) ng_i_buf_add((b), (lit), sizeof(lit) - 1)

/* `<data key="KEY">`: KEY is a literal key id from keys[], which needs no
 * escaping. */
#define DATA_OPEN(key) "      <data key=\"" key "\">"
#define DATA_CLOSE "</data>\n"
#define DATA(b, key, value) data((b), DATA_OPEN(key), sizeof DATA_OPEN(key) - 1, (value))
#define DATA_NUM(b, key, value) data_num((b), DATA_OPEN(key), sizeof DATA_OPEN(key) - 1, (value))
/* A value with nothing to escape: a number as printf writes it.  Numbers
 * skip the escaper: digits, signs, points and exponents need none. */
#define DATA_PLAIN(b, key, value)                                                              \
    put_data((b), DATA_OPEN(key), sizeof DATA_OPEN(key) - 1, (value), strlen(value), NG_I_XML_RAW)

static ng_status put_data(ng_i_buf *b, const char *open, size_t open_len, const char *value,
                          size_t n, ng_i_xml_escaping how)
{
    return ng_i_xml_add_wrapped(b, open, open_len, value, n, how, DATA_CLOSE,
                                sizeof DATA_CLOSE - 1);
}

/* An empty string is written as no <data> at all: readers such as networkx
 * drop empty <data/> elements anyway, and GraphML's "no value" is exactly
 * that. */
static ng_status data(ng_i_buf *b, const char *open, size_t open_len, const char *value)
{
    return *value ? put_data(b, open, open_len, value, strlen(value), NG_I_XML_TEXT) : NG_OK;
}

static ng_status data_num(ng_i_buf *b, const char *open, size_t open_len, uint64_t v)
{
    char num[21];
    const char *d = ng_i_format_u64(num, v);
    return put_data(b, open, open_len, d, (size_t)(num + 20 - d), NG_I_XML_RAW);
}

static ng_status node_analytics(const ng_graph *g, const ng_i_vertex *v, ng_i_buf *b)
{
    char num[32];
    ng_status st = NG_OK;
    if (g->analytics & NG_ANALYTICS_DEGREE)
        NG_TRY(DATA_NUM(b, "v_degree", v->degree));
    if (g->analytics & NG_ANALYTICS_PAGERANK) {
        ng_i_format_double(num, v->pagerank);
        NG_TRY(DATA_PLAIN(b, "v_pagerank", num));
    }
    if (g->analytics & NG_ANALYTICS_COMMUNITY)
        NG_TRY(DATA_NUM(b, "v_community", v->community));
fail:
    return st;
}

static ng_status node_appearance(const ng_graph *g, const ng_i_vertex *v, ng_i_buf *b)
{
    char num[32];
    ng_status st;
    if (g->analytics & NG_ANALYTICS_LAYOUT) {
        NG_TRY(DATA_PLAIN(b, "v_x", ng_i_format_tenths(num, v->x)));
        NG_TRY(DATA_PLAIN(b, "v_y", ng_i_format_tenths(num, v->y)));
    }
    if (g->analytics & NG_ANALYTICS_PAGERANK)
        NG_TRY(DATA_PLAIN(b, "v_size", ng_i_format_tenths(num, v->size)));
    NG_TRY(DATA_NUM(b, "v_r", v->rgb[0]));
    NG_TRY(DATA_NUM(b, "v_g", v->rgb[1]));
    return DATA_NUM(b, "v_b", v->rgb[2]);
fail:
    return st;
}

/* A node always has <data> children (mentions, documents, colour), so its
 * element is never the empty-element form <node .../>. */
static ng_status node(const ng_graph *g, const ng_i_vertex *v, ng_i_buf *b, ng_i_buf *tmp)
{
    ng_status st;
    tmp->len = 0;
    NG_TRY(ng_i_join_list(tmp, v->aliases, v->naliases));
    NG_TRY(ADD(b, "    <node id=\""));
    NG_TRY(ng_i_xml_add_attr(b, v->id, strlen(v->id)));
    NG_TRY(ADD(b, "\">\n"));
    NG_TRY(DATA(b, "v_label", v->label));
    NG_TRY(DATA(b, "v_type", v->type));
    NG_TRY(DATA(b, "v_aliases", tmp->data ? tmp->data : ""));
    NG_TRY(DATA_NUM(b, "v_mentions", v->mentions));
    NG_TRY(DATA_NUM(b, "v_documents", v->documents));
    NG_TRY(node_analytics(g, v, b));
    NG_TRY(node_appearance(g, v, b));
    return ADD(b, "    </node>\n");
fail:
    return st;
}

/* <edge id="eI" source="..." target="...">; the id is letters and digits,
 * which need no escaping. */
static ng_status edge_open(const ng_graph *g, size_t i, ng_i_buf *b)
{
    const ng_i_edge *e = &g->edges[i];
    const char *src = g->vertices[e->src].id, *dst = g->vertices[e->dst].id;
    char num[21];
    ng_status st;
    NG_TRY(ADD(b, "    <edge id=\"e"));
    NG_TRY(ng_i_buf_adds(b, ng_i_format_u64(num, i)));
    NG_TRY(ADD(b, "\" source=\""));
    NG_TRY(ng_i_xml_add_attr(b, src, strlen(src)));
    NG_TRY(ADD(b, "\" target=\""));
    NG_TRY(ng_i_xml_add_attr(b, dst, strlen(dst)));
    return ADD(b, "\">\n");
fail:
    return st;
}

/* Like a node, an edge always has <data> children (weight, mentions,
 * symmetric). */
static ng_status edge(const ng_graph *g, size_t i, ng_i_buf *b, ng_i_buf *tmp)
{
    const ng_i_edge *e = &g->edges[i];
    const ng_i_relation *r = &g->relations[e->rel];
    ng_status st;
    tmp->len = 0;
    NG_TRY(ng_i_join_list(tmp, e->sources, e->nsources));
    NG_TRY(edge_open(g, i, b));
    NG_TRY(DATA(b, "e_relation", r->name));
    NG_TRY(DATA(b, "e_label", r->name));
    NG_TRY(DATA_NUM(b, "e_weight", e->nsources)); /* an integer is a valid double */
    NG_TRY(DATA_NUM(b, "e_mentions", e->mentions));
    NG_TRY(DATA(b, "e_first_seen", e->first ? e->first : ""));
    NG_TRY(DATA(b, "e_last_seen", e->last ? e->last : ""));
    NG_TRY(DATA(b, "e_sources", tmp->data ? tmp->data : ""));
    NG_TRY(DATA(b, "e_evidence", e->ev.text ? e->ev.text : ""));
    NG_TRY(DATA(b, "e_symmetric", r->symmetric ? "true" : "false"));
    if (ng_i_has_modality(g))
        NG_TRY(DATA(b, "e_modality", ng_modality_name((ng_modality)e->mod)));
    return ADD(b, "    </edge>\n");
fail:
    return st;
}

/* Jumps to `fail` when a buffer step fails (memory ran out). */
#define B(call) do { if ((call) != NG_OK) goto fail; } while (0)

static int write_nodes(const ng_graph *g, ng_i_xml *x, ng_i_buf *b, ng_i_buf *tmp)
{
    for (size_t i = 0; i < g->nvertices; i++) {
        if (i + NG_I_AHEAD < g->nvertices)
            NG_I_PREFETCH_VERTEX(&g->vertices[i + NG_I_AHEAD]);
        B(node(g, &g->vertices[i], b, tmp));
        if (b->len >= NG_I_XML_CHUNK)
            X(ng_i_xml_write_buf(x, b));
    }
    return 0;
fail:
    return -1;
}

static int write_edges(const ng_graph *g, ng_i_xml *x, ng_i_buf *b, ng_i_buf *tmp)
{
    for (size_t i = 0; i < g->nedges; i++) {
        if (i + 2 * NG_I_AHEAD < g->nedges)
            NG_I_PREFETCH_EDGE(g, &g->edges[i + 2 * NG_I_AHEAD]);
        if (i + NG_I_AHEAD < g->nedges)
            NG_I_PREFETCH_EDGE_STRINGS(g, &g->edges[i + NG_I_AHEAD]);
        B(edge(g, i, b, tmp));
        if (b->len >= NG_I_XML_CHUNK)
            X(ng_i_xml_write_buf(x, b));
    }
    return 0;
fail:
    return -1;
}

/* <graph> with every node and edge.  An empty graph is the empty-element
 * form, as the writer wrote it. */
static int write_graph(const ng_graph *g, ng_i_xml *x, ng_i_buf *b, ng_i_buf *tmp)
{
    if (g->nvertices == 0 && g->nedges == 0) {
        B(ADD(b, "  <graph id=\"newsgraph\" edgedefault=\"directed\"/>\n"));
        return ng_i_xml_write_buf(x, b);
    }
    B(ADD(b, "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n"));
    X(write_nodes(g, x, b, tmp));
    X(write_edges(g, x, b, tmp));
    B(ADD(b, "  </graph>\n"));
    return ng_i_xml_write_buf(x, b);
fail:
    return -1;
}

static int write_all(const ng_graph *g, ng_i_xml *x, ng_i_buf *b, ng_i_buf *tmp)
{
    X(write_header(g, ng_i_xml_writer(x)));
    X(write_graph(g, x, b, tmp));
    X(xmlTextWriterEndDocument(ng_i_xml_writer(x))); /* closes graphml */
    return 0;
fail:
    return -1;
}

ng_status ng_graph_write_graphml(const ng_graph *g, FILE *out, const ng_write_options *o,
                                 ng_error *err)
{
    (void)o;
    ng_status st = ng_i_check_writable(g, out, err);
    if (st != NG_OK)
        return st;
    ng_i_xml *x = ng_i_xml_open(out);
    if (!x)
        return ng_fail(err, NG_ENOMEM, "cannot create the GraphML writer");
    ng_i_buf body = {0}, tmp = {0};
    int rc = write_all(g, x, &body, &tmp);
    ng_i_buf_free(&body);
    ng_i_buf_free(&tmp);
    return ng_i_xml_close(x, rc, out, "GraphML", err);
}
