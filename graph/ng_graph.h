/* The merged knowledge graph: triples in, one vertex per entity and one edge
 * per (subject, relation, object), with provenance; analytics with igraph;
 * writers for GraphML, DOT, JSON-LD and N-Quads.
 *
 * Adding triples in any order gives the same graph: ng_graph_finish() sorts
 * everything, so outputs are byte-identical for the same set of triples. */
#ifndef NG_GRAPH_H
#define NG_GRAPH_H

#include <stdio.h>
#include "ng_common.h"
#include "ng_triple.h"

typedef struct ng_graph ng_graph;

/* Installs igraph's non-aborting error handler and silences its warnings,
 * and silences libxml2's error messages (the writers return their errors).
 * Call once at program start (cmd/main.c, tests), before any finish or
 * write. */
void ng_graph_init_library(void);

ng_graph *ng_graph_new(void);
void ng_graph_free(ng_graph *g); /* NULL-safe */

/* Declares a relation (from the rule files).  Symmetric relations store their
 * two ends in a canonical (sorted) order.  label is a human label ("met
 * with").  Triples of undeclared relations are kept as directed. */
ng_status ng_graph_declare_relation(ng_graph *g, const char *name, int symmetric,
                                    const char *label);

/* Which modalities become edges: a bit mask of (1u << NG_MOD_...).  The
 * default is asserted only. */
void ng_graph_set_modalities(ng_graph *g, unsigned mask);

/* Which analytics ng_graph_finish() computes and the writers write: a bit
 * mask, all of them by default.  Louvain is the costly one: igraph 0.10's
 * takes seconds on real news graphs but more than a minute on a random
 * graph of 100k vertices and 1M edges; turn it off there. */
#define NG_ANALYTICS_DEGREE 1u
#define NG_ANALYTICS_PAGERANK 2u
#define NG_ANALYTICS_COMMUNITY 4u
#define NG_ANALYTICS_LAYOUT 8u      /* x, y in GraphML and GEXF */
#define NG_ANALYTICS_ALL 15u
void ng_graph_set_analytics(ng_graph *g, unsigned mask);

/* Copies what it needs from t.  Triples whose modality is not selected are
 * counted but make no edge, and their entities make no vertex.
 * NULL doc, date, types or evidence count as "".  Every string is cleaned on
 * the way in: invalid UTF-8 and control characters other than tab, newline
 * and carriage return become U+FFFD.  A date that is not a valid YYYY-MM-DD
 * counts as no date.  Returns NG_EUSAGE for a NULL subject, relation or
 * object (or after ng_graph_finish), NG_EINPUT for an empty relation or an
 * unknown modality, NG_ENOMEM when memory runs out (the graph may then only
 * be freed). */
ng_status ng_graph_add_triple(ng_graph *g, const ng_triple *t);

/* Records a known surface form of an entity (for the `aliases` attribute).
 * Empty aliases and aliases equal to the label are ignored; aliases of
 * labels that end up with no edge are not written. */
ng_status ng_graph_add_alias(ng_graph *g, const char *label, const char *alias);

/* Sorts, builds the igraph graph and computes the analytics.  Must be called
 * once, after the last add and before any writer. */
ng_status ng_graph_finish(ng_graph *g, ng_error *err);

/* After a successful finish (0 / NULL before).  Vertices are numbered in
 * the order of their ids. */
size_t ng_graph_vertex_count(const ng_graph *g);
size_t ng_graph_edge_count(const ng_graph *g);
const char *ng_graph_vertex_label(const ng_graph *g, size_t i);
/* The vertex's id: its slug (see below). */
const char *ng_graph_vertex_id(const ng_graph *g, size_t i);
/* Triples given to ng_graph_add_triple, and those of them that made no edge
 * because of their modality. */
size_t ng_graph_triples_added(const ng_graph *g);
size_t ng_graph_triples_skipped(const ng_graph *g);

typedef struct {
    /* JSON-LD / N-Quads: IRIs of entities, statements and documents are
     * <base>entity/<id>, <base>statement/..., <base>doc/<percent-encoded
     * document id>.  NULL means "https://newsgraph.example/".  It must be
     * an absolute ASCII IRI; a '/' is appended unless it ends in '/' or
     * '#'.  The vocabulary (ng:) is https://newsgraph.example/vocab#
     * whatever the base. */
    const char *base_iri;
} ng_write_options;

/* What the graph holds (graph/README.md has the details per format):
 *
 *   vertex  one per entity that is the subject or object of an edge-making
 *           triple.  id: the slug of the label (ASCII lower case, accents
 *           stripped, other runs -> '-'); labels whose slug is empty or
 *           shared get "-" and 8 hex digits of FNV-1a(label) appended.
 *           label, type (the most frequent non-empty type in its
 *           edge-making triples; ties: alphabetical), aliases (sorted,
 *           unique), mentions (edge-making triples naming it), documents
 *           (distinct documents among them), and the analytics: degree,
 *           pagerank, community (see ng_graph_set_analytics and
 *           graph/analytics.c).
 *   edge    one per (subject, relation, object) — plus modality when
 *           ng_graph_set_modalities() lets more than "asserted" in; ends
 *           of symmetric relations in label (byte) order.  relation,
 *           weight (distinct documents), mentions (triples), first_seen,
 *           last_seen (ISO dates or ""), sources (sorted document ids),
 *           evidence (the sentence with the smallest (date, document,
 *           sentence); undated sentences come after dated ones),
 *           symmetric, modality.
 *
 * Writers: every write is checked, and the stream is flushed at the end;
 * on failure they return NG_EIO (or NG_ENOMEM, NG_EUSAGE for a bad base
 * IRI or an unfinished graph) and fill err.  They never close the stream.
 * The graph is not modified, and the same graph always gives the same
 * bytes. */
ng_status ng_graph_write_graphml(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
ng_status ng_graph_write_dot(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
ng_status ng_graph_write_jsonld(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
ng_status ng_graph_write_nquads(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
/* GEXF 1.3 with viz (position, size, colour) and time: edges get spells from
 * the dates of their documents, vertices start at their first dated mention
 * (graph/README.md). */
ng_status ng_graph_write_gexf(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);

#endif
