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

/* Copies what it needs from t.  Triples whose modality is not selected are
 * counted but make no edge. */
ng_status ng_graph_add_triple(ng_graph *g, const ng_triple *t);

/* Records a known surface form of an entity (for the `aliases` attribute). */
ng_status ng_graph_add_alias(ng_graph *g, const char *label, const char *alias);

/* Sorts, builds the igraph graph and computes the analytics.  Must be called
 * once, after the last add and before any writer. */
ng_status ng_graph_finish(ng_graph *g, ng_error *err);

size_t ng_graph_vertex_count(const ng_graph *g);
size_t ng_graph_edge_count(const ng_graph *g);
const char *ng_graph_vertex_label(const ng_graph *g, size_t i);

typedef struct {
    const char *base_iri; /* JSON-LD / N-Quads: IRIs of entities and documents */
} ng_write_options;

/* Writers: every write is checked; on failure they return NG_EIO (or
 * NG_ENOMEM) and fill err.  They never close the stream. */
ng_status ng_graph_write_graphml(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
ng_status ng_graph_write_dot(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
ng_status ng_graph_write_jsonld(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);
ng_status ng_graph_write_nquads(const ng_graph *g, FILE *out, const ng_write_options *o, ng_error *err);

#endif
