/* GraphML for Gephi, networkx, igraph, graphology.
 *
 * Written with libxml2's xmlTextWriter, so every character is escaped by an
 * XML library rather than by hand; the strings were cleaned when they
 * entered the graph (clean.c), so no character that XML forbids can reach
 * the file.  Lists (aliases, sources) are one string each: see
 * ng_i_join_list() for the separator and its escape.  Empty strings (no
 * aliases, no date, an empty label) are left out rather than written empty. */
#include <inttypes.h>
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

/* An empty string is written as no <data> at all: readers such as networkx
 * drop empty <data/> elements anyway, and GraphML's "no value" is exactly
 * that. */
static int write_data(xmlTextWriterPtr w, const char *key, const char *value)
{
    if (!*value)
        return 0;
    if (xmlTextWriterStartElement(w, BAD_CAST_C("data")) < 0 || write_attr(w, "key", key) < 0 ||
        xmlTextWriterWriteString(w, BAD_CAST_C(value)) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

static int write_data_u32(xmlTextWriterPtr w, const char *key, uint32_t v)
{
    char num[16];
    snprintf(num, sizeof num, "%" PRIu32, v);
    return write_data(w, key, num);
}

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
    X(xmlTextWriterStartElement(w, BAD_CAST_C("graph")));
    X(write_attr(w, "id", "newsgraph"));
    X(write_attr(w, "edgedefault", "directed"));
    return 0;
fail:
    return -1;
}

static int write_appearance(const ng_graph *g, xmlTextWriterPtr w, const ng_i_vertex *v)
{
    char num[32];
    if (g->analytics & NG_ANALYTICS_LAYOUT) {
        snprintf(num, sizeof num, "%.1f", v->x);
        X(write_data(w, "v_x", num));
        snprintf(num, sizeof num, "%.1f", v->y);
        X(write_data(w, "v_y", num));
    }
    if (g->analytics & NG_ANALYTICS_PAGERANK) {
        snprintf(num, sizeof num, "%.1f", v->size);
        X(write_data(w, "v_size", num));
    }
    X(write_data_u32(w, "v_r", v->rgb[0]));
    X(write_data_u32(w, "v_g", v->rgb[1]));
    return write_data_u32(w, "v_b", v->rgb[2]);
fail:
    return -1;
}

static int write_node(const ng_graph *g, xmlTextWriterPtr w, const ng_i_vertex *v,
                      ng_i_buf *tmp)
{
    char num[32];
    tmp->len = 0;
    if (ng_i_join_list(tmp, v->aliases, v->naliases) != NG_OK)
        return -1;
    X(xmlTextWriterStartElement(w, BAD_CAST_C("node")));
    X(write_attr(w, "id", v->id));
    X(write_data(w, "v_label", v->label));
    X(write_data(w, "v_type", v->type));
    X(write_data(w, "v_aliases", tmp->data ? tmp->data : ""));
    X(write_data_u32(w, "v_mentions", v->mentions));
    X(write_data_u32(w, "v_documents", v->documents));
    if (g->analytics & NG_ANALYTICS_DEGREE)
        X(write_data_u32(w, "v_degree", v->degree));
    ng_i_format_double(num, v->pagerank);
    if (g->analytics & NG_ANALYTICS_PAGERANK)
        X(write_data(w, "v_pagerank", num));
    if (g->analytics & NG_ANALYTICS_COMMUNITY)
        X(write_data_u32(w, "v_community", v->community));
    X(write_appearance(g, w, v));
    return xmlTextWriterEndElement(w);
fail:
    return -1;
}

static int write_edge(const ng_graph *g, xmlTextWriterPtr w, size_t i, ng_i_buf *tmp)
{
    const ng_i_edge *e = &g->edges[i];
    const ng_i_relation *r = &g->relations[e->rel];
    char id[32];
    snprintf(id, sizeof id, "e%zu", i);
    tmp->len = 0;
    if (ng_i_join_list(tmp, e->sources, e->nsources) != NG_OK)
        return -1;
    X(xmlTextWriterStartElement(w, BAD_CAST_C("edge")));
    X(write_attr(w, "id", id));
    X(write_attr(w, "source", g->vertices[e->src].id));
    X(write_attr(w, "target", g->vertices[e->dst].id));
    X(write_data(w, "e_relation", r->name));
    X(write_data(w, "e_label", r->name));
    X(write_data_u32(w, "e_weight", e->nsources)); /* an integer is a valid double */
    X(write_data_u32(w, "e_mentions", e->mentions));
    X(write_data(w, "e_first_seen", e->first ? e->first : ""));
    X(write_data(w, "e_last_seen", e->last ? e->last : ""));
    X(write_data(w, "e_sources", tmp->data ? tmp->data : ""));
    X(write_data(w, "e_evidence", e->ev.text ? e->ev.text : ""));
    X(write_data(w, "e_symmetric", r->symmetric ? "true" : "false"));
    if (ng_i_has_modality(g))
        X(write_data(w, "e_modality", ng_modality_name((ng_modality)e->mod)));
    return xmlTextWriterEndElement(w);
fail:
    return -1;
}

static int write_all(const ng_graph *g, xmlTextWriterPtr w, ng_i_buf *tmp)
{
    X(write_header(g, w));
    for (size_t i = 0; i < g->nvertices; i++)
        X(write_node(g, w, &g->vertices[i], tmp));
    for (size_t i = 0; i < g->nedges; i++)
        X(write_edge(g, w, i, tmp));
    X(xmlTextWriterEndDocument(w)); /* closes graph and graphml */
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
    ng_i_buf tmp = {0};
    int rc = write_all(g, ng_i_xml_writer(x), &tmp);
    ng_i_buf_free(&tmp);
    return ng_i_xml_close(x, rc, out, "GraphML", err);
}
