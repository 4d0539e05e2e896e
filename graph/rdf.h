/* The RDF that the JSON-LD and N-Quads writers share: one walk over the
 * graph yields nodes (a subject and its properties), and each writer turns
 * a node into its own syntax.  One model, two syntaxes: the two files hold
 * the same triples by construction. */
#ifndef NG_RDF_H
#define NG_RDF_H

#include "ng_graph_i.h"

/* The project's vocabulary (prefix ng:); fixed, whatever the base IRI. */
#define NG_VOCAB "https://newsgraph.example/vocab#"
/* The base of entity, statement and document IRIs when none is given. */
#define NG_DEFAULT_BASE "https://newsgraph.example/"

typedef struct {
    const char *prefix, *iri;
} ng_i_prefix;

/* rdf, rdfs, owl, xsd, schema, ng; ends with {NULL, NULL}. */
extern const ng_i_prefix ng_i_prefixes[];

typedef enum {
    NG_I_IRI,   /* value is an absolute IRI */
    NG_I_CURIE, /* value is a compact IRI with one of the prefixes */
    NG_I_STR,   /* value is a plain string literal (xsd:string) */
    NG_I_TYPED, /* value is the lexical form, datatype a CURIE */
    NG_I_INT    /* n, an xsd:integer */
} ng_i_term;

typedef struct {
    const char *pred; /* a CURIE, or "@type" (rdf:type, objects are CURIEs) */
    ng_i_term kind;
    const char *value;
    const char *datatype;
    uint64_t n;
} ng_i_prop;

/* Properties with the same pred are adjacent. */
typedef struct {
    const char *id;
    int id_is_curie;
    ng_i_prop *props;
    size_t nprops, cap;
} ng_i_node;

typedef ng_status (*ng_i_node_fn)(const ng_i_node *node, void *user, ng_error *err);

/* The base IRI to use (validated, ending in '/' or '#'), malloc'ed. */
ng_status ng_i_base_iri(const ng_write_options *o, char **out, ng_error *err);

/* Calls fn for every node, in a fixed order: relation properties, entities,
 * statements, documents. */
ng_status ng_i_rdf_walk(const ng_graph *g, const char *base, ng_i_node_fn fn, void *user,
                        ng_error *err);

/* The absolute IRI of a CURIE (or of "@type"), appended to b. */
ng_status ng_i_expand_curie(ng_i_buf *b, const char *curie);

#endif
