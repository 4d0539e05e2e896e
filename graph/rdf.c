/* The RDF model of a graph (see rdf.h and the README of graph/):
 *
 *   ng:<relation>   an rdf:Property (also owl:SymmetricProperty when the
 *                   relation is symmetric) with rdfs:label and
 *                   ng:relationName;
 *   entity          <base>entity/<slug>, a schema:Person / Country / City /
 *                   Place / Organization (else schema:Thing), schema:name,
 *                   schema:alternateName, ng:entityType, the analytics, and
 *                   one plain triple per asserted fact: ?a ng:metWith ?b.
 *                   A symmetric fact is stated in both directions;
 *   statement       <base>statement/<subject>/<property>/<object>[/<modality>],
 *                   an rdf:Statement per edge: rdf:subject, rdf:predicate,
 *                   rdf:object, ng:modality, ng:weight, ng:mentions,
 *                   ng:firstSeen, ng:lastSeen (xsd:date), ng:source (the
 *                   documents), ng:evidence;
 *   document        <base>doc/<percent-encoded id>, a schema:NewsArticle with
 *                   schema:identifier and schema:datePublished (xsd:date).
 *
 * Only asserted edges are stated as facts; edges of other modalities (when
 * ng_graph_set_modalities() lets them in) exist only as statements, so that
 * "?a ng:metWith ?b" never returns a meeting that was merely planned. */
#include <stdlib.h>
#include <string.h>

#include "rdf.h"

const ng_i_prefix ng_i_prefixes[] = {
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"owl", "http://www.w3.org/2002/07/owl#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    /* schema.org's own JSON-LD context maps to http://schema.org/ too. */
    {"schema", "http://schema.org/"},
    {"ng", NG_VOCAB},
    {NULL, NULL},
};

static const struct {
    const char *type, *cls;
} classes[] = {
    {"Person", "schema:Person"},
    {"Country", "schema:Country"},
    {"City", "schema:City"},
    {"Place", "schema:Place"},
    {"Organization", "schema:Organization"},
    {NULL, "schema:Thing"},
};

/* ---- base IRI ---- */

static int iri_forbidden(unsigned char c)
{
    return c <= 0x20 || c == 0x7F || strchr("<>\"{}|^`\\", c) != NULL;
}

static ng_status check_scheme(const char *base, ng_error *err)
{
    size_t n = 0;
    while ((base[n] >= 'a' && base[n] <= 'z') || (base[n] >= 'A' && base[n] <= 'Z') ||
           (n > 0 && ((base[n] >= '0' && base[n] <= '9') || strchr("+-.", base[n]))))
        n++;
    if (n == 0 || base[n] != ':')
        return ng_fail(err, NG_EUSAGE, "base IRI \"%.200s\" is not absolute (scheme:...)", base);
    /* A scheme named like a context prefix would make JSON-LD read every IRI
     * as a compact IRI. */
    for (size_t i = 0; ng_i_prefixes[i].prefix; i++)
        if (strlen(ng_i_prefixes[i].prefix) == n && strncmp(base, ng_i_prefixes[i].prefix, n) == 0)
            return ng_fail(err, NG_EUSAGE, "base IRI scheme \"%s\" clashes with a prefix",
                           ng_i_prefixes[i].prefix);
    return NG_OK;
}

ng_status ng_i_base_iri(const ng_write_options *o, char **out, ng_error *err)
{
    const char *base = o && o->base_iri ? o->base_iri : NG_DEFAULT_BASE;
    ng_status st = check_scheme(base, err);
    if (st != NG_OK)
        return st;
    for (const unsigned char *p = (const unsigned char *)base; *p; p++)
        if (iri_forbidden(*p) || *p >= 0x80)
            return ng_fail(err, NG_EUSAGE, "base IRI \"%.200s\" has a character not allowed "
                                           "in an IRI (percent-encode it)", base);
    size_t n = strlen(base);
    int slash = base[n - 1] != '/' && base[n - 1] != '#';
    *out = malloc(n + slash + 1);
    if (!*out)
        return ng_fail(err, NG_ENOMEM, "out of memory");
    memcpy(*out, base, n);
    if (slash)
        (*out)[n++] = '/';
    (*out)[n] = '\0';
    return NG_OK;
}

ng_status ng_i_expand_curie(ng_i_buf *b, const char *curie)
{
    if (strcmp(curie, "@type") == 0)
        curie = "rdf:type";
    const char *colon = strchr(curie, ':');
    for (size_t i = 0; colon && ng_i_prefixes[i].prefix; i++) {
        size_t n = (size_t)(colon - curie);
        if (strlen(ng_i_prefixes[i].prefix) == n && strncmp(curie, ng_i_prefixes[i].prefix, n) == 0) {
            ng_status st = ng_i_buf_adds(b, ng_i_prefixes[i].iri);
            return st == NG_OK ? ng_i_buf_adds(b, colon + 1) : st;
        }
    }
    return NG_EINTERNAL; /* a CURIE this file did not make */
}

/* ---- the walk ---- */

typedef struct {
    uint32_t v, rank, other, rel;
} fact;

typedef struct {
    const ng_graph *g;
    const char *base;
    ng_arena arena;       /* IRIs computed once */
    const char **viri;      /* vertex -> IRI */
    const char **diri;      /* document -> IRI */
    const char **rcurie;    /* relation -> "ng:..." */
    fact *facts;
    size_t nfacts;
    ng_i_buf id;            /* the IRI of the current statement */
    char num[32];
    ng_i_node node;
    ng_i_node_fn fn;
    void *user;
} walker;

static ng_status add(walker *w, const char *pred, ng_i_term kind, const char *value,
                     const char *datatype, uint64_t n)
{
    ng_i_node *nd = &w->node;
    ng_status st = ng_i_grow(&nd->props, &nd->cap, nd->nprops + 1, sizeof *nd->props);
    if (st == NG_OK)
        nd->props[nd->nprops++] = (ng_i_prop){pred, kind, value, datatype, n};
    return st;
}

static ng_status emit(walker *w, const char *id, int curie, ng_error *err)
{
    w->node.id = id;
    w->node.id_is_curie = curie;
    ng_status st = w->fn(&w->node, w->user, err);
    w->node.nprops = 0;
    return st;
}

static char *concat(ng_arena *a, const char *x, const char *y, const char *z)
{
    size_t nx = strlen(x), ny = strlen(y), nz = strlen(z);
    char *s = ng_arena_alloc(a, nx + ny + nz + 1);
    if (s) {
        memcpy(s, x, nx);
        memcpy(s + nx, y, ny);
        memcpy(s + nx + ny, z, nz + 1);
    }
    return s;
}

/* Unreserved characters (RFC 3986) stay, every other byte becomes %XX. */
static char *doc_iri(ng_arena *a, const char *base, const char *id)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t nb = strlen(base), ni = strlen(id);
    char *s = ng_arena_alloc(a, nb + 4 + 3 * ni + 1);
    if (!s)
        return NULL;
    memcpy(s, base, nb);
    memcpy(s + nb, "doc/", 4);
    char *p = s + nb + 4;
    for (const unsigned char *c = (const unsigned char *)id; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr("-._~", *c)) {
            *p++ = (char)*c;
        } else {
            *p++ = '%';
            *p++ = hex[*c >> 4];
            *p++ = hex[*c & 15];
        }
    }
    *p = '\0';
    return s;
}

static int cmp_fact(const void *a, const void *b)
{
    const fact *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return (x->other > y->other) - (x->other < y->other);
}

/* Every asserted fact from the side of its subject; symmetric ones from
 * both sides.  Sorted by (vertex, relation name, other end). */
static ng_status collect_facts(walker *w)
{
    const ng_graph *g = w->g;
    w->facts = malloc((2 * g->nedges + 1) * sizeof *w->facts);
    if (!w->facts)
        return NG_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        const ng_i_edge *e = &g->edges[i];
        if (e->mod != NG_MOD_ASSERTED)
            continue;
        uint32_t rank = g->relations[e->rel].rank;
        w->facts[n++] = (fact){e->src, rank, e->dst, e->rel};
        if (g->relations[e->rel].symmetric && e->src != e->dst)
            w->facts[n++] = (fact){e->dst, rank, e->src, e->rel};
    }
    qsort(w->facts, n, sizeof *w->facts, cmp_fact);
    w->nfacts = n;
    return NG_OK;
}

static ng_status prepare(walker *w)
{
    const ng_graph *g = w->g;
    w->viri = malloc((g->nvertices + 1) * sizeof *w->viri);
    w->diri = malloc((g->ndocs + 1) * sizeof *w->diri);
    w->rcurie = malloc((g->nrelations + 1) * sizeof *w->rcurie);
    if (!w->viri || !w->diri || !w->rcurie)
        return NG_ENOMEM;
    for (size_t i = 0; i < g->nvertices; i++)
        if (!(w->viri[i] = concat(&w->arena, w->base, "entity/", g->vertices[i].id)))
            return NG_ENOMEM;
    for (size_t i = 0; i < g->ndocs; i++)
        if (!(w->diri[i] = doc_iri(&w->arena, w->base, g->docs[i].id)))
            return NG_ENOMEM;
    for (size_t i = 0; i < g->nrelations; i++)
        if (!(w->rcurie[i] = concat(&w->arena, "ng:", g->relations[i].prop, "")))
            return NG_ENOMEM;
    return collect_facts(w);
}

static ng_status relation_nodes(walker *w, ng_error *err)
{
    ng_status st = NG_OK;
    for (size_t k = 0; st == NG_OK && k < w->g->nrelations; k++) {
        uint32_t i = w->g->relation_order[k];
        const ng_i_relation *r = &w->g->relations[i];
        NG_TRY(add(w, "@type", NG_I_CURIE, "rdf:Property", NULL, 0));
        if (r->symmetric)
            NG_TRY(add(w, "@type", NG_I_CURIE, "owl:SymmetricProperty", NULL, 0));
        NG_TRY(add(w, "rdfs:label", NG_I_STR, r->label ? r->label : r->name, NULL, 0));
        NG_TRY(add(w, "ng:relationName", NG_I_STR, r->name, NULL, 0));
        st = emit(w, w->rcurie[i], 1, err);
    }
fail:
    return st;
}

static ng_status entity_props(walker *w, size_t v, size_t *f)
{
    const ng_i_vertex *x = &w->g->vertices[v];
    size_t k = 0;
    while (classes[k].type && strcmp(classes[k].type, x->type) != 0)
        k++;
    ng_status st;
    NG_TRY(add(w, "@type", NG_I_CURIE, classes[k].cls, NULL, 0));
    NG_TRY(add(w, "schema:name", NG_I_STR, x->label, NULL, 0));
    for (uint32_t i = 0; i < x->naliases; i++)
        NG_TRY(add(w, "schema:alternateName", NG_I_STR, x->aliases[i], NULL, 0));
    if (*x->type)
        NG_TRY(add(w, "ng:entityType", NG_I_STR, x->type, NULL, 0));
    for (; *f < w->nfacts && w->facts[*f].v == v; ++*f) {
        const fact *t = &w->facts[*f];
        if (*f > 0 && cmp_fact(&w->facts[*f - 1], t) == 0)
            continue;
        NG_TRY(add(w, w->rcurie[t->rel], NG_I_IRI, w->viri[t->other], NULL, 0));
    }
    NG_TRY(add(w, "ng:mentions", NG_I_INT, NULL, NULL, x->mentions));
    NG_TRY(add(w, "ng:documents", NG_I_INT, NULL, NULL, x->documents));
    unsigned on = w->g->analytics;
    if (on & NG_ANALYTICS_DEGREE)
        NG_TRY(add(w, "ng:degree", NG_I_INT, NULL, NULL, x->degree));
    ng_i_format_xsd_double(w->num, x->pagerank);
    if (on & NG_ANALYTICS_PAGERANK)
        NG_TRY(add(w, "ng:pagerank", NG_I_TYPED, w->num, "xsd:double", 0));
    if (on & NG_ANALYTICS_COMMUNITY)
        NG_TRY(add(w, "ng:community", NG_I_INT, NULL, NULL, x->community));
fail:
    return st;
}

static ng_status entity_nodes(walker *w, ng_error *err)
{
    ng_status st = NG_OK;
    size_t f = 0;
    for (size_t v = 0; st == NG_OK && v < w->g->nvertices; v++) {
        st = entity_props(w, v, &f);
        if (st == NG_OK)
            st = emit(w, w->viri[v], 0, err);
    }
    return st;
}

static int cmp_doc_id(const void *key, const void *elem)
{
    return strcmp(key, ((const ng_i_doc *)elem)->id);
}

static ng_status statement_props(walker *w, const ng_i_edge *e)
{
    const ng_graph *g = w->g;
    ng_status st;
    NG_TRY(add(w, "@type", NG_I_CURIE, "rdf:Statement", NULL, 0));
    NG_TRY(add(w, "rdf:subject", NG_I_IRI, w->viri[e->src], NULL, 0));
    NG_TRY(add(w, "rdf:predicate", NG_I_CURIE, w->rcurie[e->rel], NULL, 0));
    NG_TRY(add(w, "rdf:object", NG_I_IRI, w->viri[e->dst], NULL, 0));
    NG_TRY(add(w, "ng:modality", NG_I_STR, ng_modality_name((ng_modality)e->mod), NULL, 0));
    NG_TRY(add(w, "ng:weight", NG_I_INT, NULL, NULL, e->nsources));
    NG_TRY(add(w, "ng:mentions", NG_I_INT, NULL, NULL, e->mentions));
    if (e->first)
        NG_TRY(add(w, "ng:firstSeen", NG_I_TYPED, e->first, "xsd:date", 0));
    if (e->last)
        NG_TRY(add(w, "ng:lastSeen", NG_I_TYPED, e->last, "xsd:date", 0));
    for (uint32_t i = 0; i < e->nsources; i++) {
        const ng_i_doc *d = bsearch(e->sources[i], g->docs, g->ndocs, sizeof *g->docs, cmp_doc_id);
        if (!d)
            return NG_EINTERNAL;
        NG_TRY(add(w, "ng:source", NG_I_IRI, w->diri[d - g->docs], NULL, 0));
    }
    if (e->ev.text && *e->ev.text)
        NG_TRY(add(w, "ng:evidence", NG_I_STR, e->ev.text, NULL, 0));
fail:
    return st;
}

static ng_status statement_nodes(walker *w, ng_error *err)
{
    const ng_graph *g = w->g;
    ng_status st = NG_OK;
    for (size_t i = 0; st == NG_OK && i < g->nedges; i++) {
        const ng_i_edge *e = &g->edges[i];
        w->id.len = 0;
        NG_TRY(ng_i_buf_printf(&w->id, "%sstatement/%s/%s/%s", w->base, g->vertices[e->src].id,
                               g->relations[e->rel].prop, g->vertices[e->dst].id));
        if (e->mod != NG_MOD_ASSERTED)
            NG_TRY(ng_i_buf_printf(&w->id, "/%s", ng_modality_name((ng_modality)e->mod)));
        NG_TRY(statement_props(w, e));
        st = emit(w, w->id.data, 0, err);
    }
fail:
    return st;
}

static ng_status document_nodes(walker *w, ng_error *err)
{
    ng_status st = NG_OK;
    for (size_t i = 0; st == NG_OK && i < w->g->ndocs; i++) {
        const ng_i_doc *d = &w->g->docs[i];
        NG_TRY(add(w, "@type", NG_I_CURIE, "schema:NewsArticle", NULL, 0));
        NG_TRY(add(w, "schema:identifier", NG_I_STR, d->id, NULL, 0));
        if (d->date)
            NG_TRY(add(w, "schema:datePublished", NG_I_TYPED, d->date, "xsd:date", 0));
        st = emit(w, w->diri[i], 0, err);
    }
fail:
    return st;
}

ng_status ng_i_rdf_walk(const ng_graph *g, const char *base, ng_i_node_fn fn, void *user,
                        ng_error *err)
{
    walker w = {.g = g, .base = base, .fn = fn, .user = user};
    ng_status st;
    NG_TRY(prepare(&w));
    NG_TRY(relation_nodes(&w, err));
    NG_TRY(entity_nodes(&w, err));
    NG_TRY(statement_nodes(&w, err));
    NG_TRY(document_nodes(&w, err));
fail:
    if (st == NG_ENOMEM)
        ng_fail(err, st, "out of memory while writing RDF");
    else if (st == NG_EINTERNAL && err && !err->msg[0])
        ng_fail(err, st, "inconsistent graph while writing RDF");
    free(w.viri);
    free(w.diri);
    free(w.rcurie);
    free(w.facts);
    free(w.node.props);
    ng_i_buf_free(&w.id);
    ng_arena_free(&w.arena);
    return st;
}
