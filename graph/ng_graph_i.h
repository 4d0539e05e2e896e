/* Internals of the graph module, shared by its files and by nobody else.
 * Cross-file helpers carry an `_i_` infix (ng_i_...), as in igraph.
 *
 * Life of a graph:
 *   adding     triples are merged on the fly into "raw" edges keyed by
 *              (subject, relation, object, modality) exactly as given;
 *              every string is cleaned (valid UTF-8, no control characters)
 *              and interned, so equal strings are equal pointers;
 *   finishing  vertices get their slugs and are sorted by them, symmetric
 *              raw edges are turned to canonical order and merged, edges are
 *              sorted, provenance lists are sorted and de-duplicated, and the
 *              analytics are computed (analytics.c);
 *   writing    the writers only read the finished arrays. */
#ifndef NG_GRAPH_I_H
#define NG_GRAPH_I_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ng_arena.h" /* extract/: the arena both libraries use */
#include "ng_graph.h"

#define NG_I_NONE UINT32_MAX

/* Jumps to `fail` with st set when a step fails. */
#define NG_TRY(expr) do { if ((st = (expr)) != NG_OK) goto fail; } while (0)


/* ---- table.c: open-addressing index of uint32 ids, equality by callback ---- */
typedef struct {
    uint64_t *slots; /* (hash << 32) | (id + 1); 0 is an empty slot */
    size_t cap, count;
} ng_i_table;

typedef int (*ng_i_eq_fn)(const void *ctx, uint32_t id, const void *key);

/* The id stored under hash whose eq(ctx, id, key) holds, or NG_I_NONE. */
uint32_t ng_i_table_find(const ng_i_table *t, uint32_t hash, ng_i_eq_fn eq,
                         const void *ctx, const void *key);
/* Stores id under hash (the caller checked it is not there yet). */
ng_status ng_i_table_insert(ng_i_table *t, uint32_t hash, uint32_t id);
void ng_i_table_free(ng_i_table *t);

/* ---- buf.c: a growable byte buffer, and the output helpers ---- */
typedef struct {
    char *data;
    size_t len, cap;
} ng_i_buf;

ng_status ng_i_buf_reserve(ng_i_buf *b, size_t extra);
ng_status ng_i_buf_add(ng_i_buf *b, const char *s, size_t len);
ng_status ng_i_buf_adds(ng_i_buf *b, const char *s);
ng_status ng_i_buf_addc(ng_i_buf *b, char c);
ng_status ng_i_buf_printf(ng_i_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ng_i_buf_free(ng_i_buf *b);

/* Writes the buffer to out and empties it. */
ng_status ng_i_buf_flush(ng_i_buf *b, FILE *out, ng_error *err);
/* The end of every writer: flushes the stream and reports any write error
 * that stdio kept for later (a full disk shows up here). */
ng_status ng_i_finish_stream(FILE *out, ng_error *err);

/* ---- clean.c: text hygiene, hashes, dates, numbers ---- */
/* Appends s[0, len) to b as valid UTF-8 without control characters: each
 * byte of an invalid sequence, each C0 control other than tab, newline and
 * carriage return, DEL, each C1 control and U+FFFE/U+FFFF becomes U+FFFD. */
ng_status ng_i_clean_utf8(ng_i_buf *b, const char *s, size_t len);
uint32_t ng_i_fnv1a32(const char *s, size_t len);
uint64_t ng_i_fnv1a64(const char *s, size_t len);
/* 1 when s is exactly a valid calendar date YYYY-MM-DD. */
int ng_i_is_iso_date(const char *s);
/* Doubles as text: "%.6g", with NaN, infinities and -0 written as "0". */
void ng_i_format_double(char out[32], double v);
/* The GraphML and GEXF bodies hold millions of numbers, and printf costs
 * more than the rest of their writing: these write exactly what printf
 * would, at a fraction of the cost.  v in decimal as "%" PRIu64: returns
 * the first digit; buf[20] is the NUL. */
char *ng_i_format_u64(char buf[21], uint64_t v);
/* v as "%.1f" (positions and sizes, rounded to a tenth by layout.c);
 * returns the start of the text, somewhere in buf. */
const char *ng_i_format_tenths(char buf[32], double v);
/* The same value as ng_i_format_double() shows, in the canonical lexical
 * form of xsd:double ("7.77209E-2", "1.0E0"), which JSON-LD processors
 * produce from a double: every RDF tool then sees the same literal. */
void ng_i_format_xsd_double(char out[32], double v);
/* Appends items joined by '|', each with '\' -> "\\" and '|' -> "\|", so a
 * list of document ids or aliases fits one string attribute reversibly. */
ng_status ng_i_join_list(ng_i_buf *b, const char *const *items, size_t n);

/* ---- the graph ---- */
typedef struct {
    const char *s;      /* NUL-terminated, in the arena */
    uint32_t len;
    uint32_t entity;    /* index into entities, or NG_I_NONE */
    uint32_t relation;  /* index into relations, or NG_I_NONE */
    const char *date;   /* as a document id: its earliest date, or NULL */
} ng_i_str;

typedef struct {
    const char *type;
    uint32_t n;
} ng_i_type_count;

typedef struct {
    const char *label;
    ng_i_type_count *types;
    uint32_t ntypes, captypes;
    uint32_t mentions;
    const char *last_doc; /* skips repeated (entity, doc) pairs cheaply */
    uint32_t vertex;      /* after finishing: the vertex, or NG_I_NONE */
} ng_i_entity;

typedef struct {
    const char *name;
    const char *label;  /* the declared human label, or NULL */
    const char *prop;   /* after finishing: the IRI local name (camelCase) */
    int symmetric;
    int used;           /* some edge has this relation */
    uint32_t rank;      /* after finishing: position in name order */
} ng_i_relation;

/* Where the evidence sentence of an edge comes from; the smallest wins. */
typedef struct {
    const char *date;   /* valid ISO date or NULL (sorts after every date) */
    const char *doc;
    size_t sentence;
    const char *text;   /* cleaned, in the arena */
    size_t len;
} ng_i_evidence;

typedef struct {
    uint32_t s, o, rel;
    uint8_t mod;
    uint32_t mentions;
    const char *first, *last; /* dates or NULL */
    ng_i_evidence ev;
    const char *last_doc;
    uint32_t final;           /* after finishing: the merged edge */
} ng_i_raw_edge;

typedef struct {
    uint32_t owner;  /* an entity or a raw edge */
    const char *str; /* a document id or an alias */
} ng_i_pair;

typedef struct {
    const char *label, *id, *type;
    const char *const *aliases;
    uint32_t naliases;
    uint32_t mentions, documents;
    uint32_t degree;
    uint32_t community;
    double pagerank;
    double x, y;        /* layout.c: rounded to 0.1 */
    double size;        /* layout.c: from PageRank, rounded to 0.1 */
    uint8_t rgb[3];     /* layout.c: by community, or by type */
} ng_i_vertex;

typedef struct {
    uint32_t src, dst, rel;
    uint8_t mod;
    uint32_t mentions;
    const char *first, *last;
    ng_i_evidence ev;
    const char *const *sources;
    uint32_t nsources; /* = the weight */
} ng_i_edge;

typedef struct {
    const char *id;
    const char *date; /* or NULL */
} ng_i_doc;

struct ng_graph {
    ng_arena arena;
    ng_i_str *strs;
    size_t nstrs, capstrs;
    ng_i_table str_index;
    ng_i_buf scratch;           /* cleaning input strings */
    ng_i_buf ev_scratch;        /* cleaning evidence sentences */

    ng_i_entity *entities;
    size_t nentities, capentities;
    ng_i_relation *relations;
    size_t nrelations, caprelations;
    ng_i_raw_edge *raw;
    size_t nraw, capraw;
    ng_i_table edge_index;
    ng_i_pair *entity_docs, *edge_docs, *aliases;
    size_t nentity_docs, capentity_docs, nedge_docs, capedge_docs, naliases, capaliases;

    unsigned modalities;
    unsigned analytics;         /* NG_ANALYTICS_* */
    size_t triples_added, triples_skipped;
    int finished;               /* 0 building, 1 finished, 2 finish failed */

    /* after finishing */
    ng_i_vertex *vertices;
    size_t nvertices;
    ng_i_edge *edges;
    size_t nedges;
    const char **lists;         /* aliases and sources that vertices and edges point into */
    ng_i_doc *docs;             /* documents behind the edges, sorted by id */
    size_t ndocs;
    uint32_t *relation_order;   /* relation indexes sorted by name */
};

/* graph.c */
ng_status ng_i_intern(ng_graph *g, const char *s, size_t len, uint32_t *out);
/* The id of an interned string, or NG_I_NONE. */
uint32_t ng_i_str_find(const ng_graph *g, const char *s, size_t len);
ng_status ng_i_grow(void *arrayp, size_t *cap, size_t need, size_t size);
/* The relation / entity named by an interned string, created when new. */
ng_status ng_i_relation_of(ng_graph *g, uint32_t name, uint32_t *out);
ng_status ng_i_entity_of(ng_graph *g, uint32_t label, uint32_t *out);

/* merge.c: the order of evidence candidates, smallest wins. */
int ng_i_evidence_cmp(const ng_i_evidence *a, const ng_i_evidence *b);
/* 1 when edges carry a `modality` (some modality other than asserted is on). */
int ng_i_has_modality(const ng_graph *g);

/* finish.c */
ng_status ng_i_finish(ng_graph *g, ng_error *err);

/* slug.c */
/* Fills every vertex id: slugs, unique, stable (see ng_graph.h). */
ng_status ng_i_assign_slugs(const char **labels, const char **ids, size_t n,
                            ng_arena *arena, ng_error *err);
/* Fills every relation's prop: camelCase local names, unique. */
ng_status ng_i_assign_props(ng_graph *g, ng_error *err);

/* analytics.c */
ng_status ng_i_analytics(ng_graph *g, ng_error *err);

/* layout.c: positions (NG_ANALYTICS_LAYOUT), sizes (from PageRank) and
 * colours of the vertices; after the analytics. */
ng_status ng_i_appearance(ng_graph *g, ng_error *err);

/* dot.c: the fill colour of an entity type (the DOT colours). */
void ng_i_type_color(const char *type, uint8_t rgb[3]);

/* xml.c: an xmlTextWriter on a stdio stream the caller keeps open, for the
 * GraphML and GEXF writers. */
typedef struct ng_i_xml ng_i_xml;
/* Once, from ng_graph_init_library(): libxml2 must not print. */
void ng_i_xml_init(void);
/* NULL when memory runs out. */
ng_i_xml *ng_i_xml_open(FILE *out);
/* The writer; two-space indentation is on. */
struct _xmlTextWriter *ng_i_xml_writer(ng_i_xml *x);
/* Writes n bytes of s, which must be well-formed XML, to the stream after
 * whatever the writer holds, bypassing the copies inside libxml2; < 0 on
 * failure. */
int ng_i_xml_write_raw(ng_i_xml *x, const char *s, size_t n);
/* The GraphML and GEXF writers build their bodies as text (graph/README.md)
 * and put it on the stream whenever the buffer holds NG_I_XML_CHUNK bytes:
 * few and large writes, from a buffer small enough to stay in cache. */
#define NG_I_XML_CHUNK (64 * 1024)
/* ng_i_xml_write_raw of the whole buffer, which is then empty. */
int ng_i_xml_write_buf(ng_i_xml *x, ng_i_buf *b);
/* Frees the writer; rc < 0 means a libxml2 call failed.  Returns the
 * status with err filled in, `what` naming the format ("GraphML"), and
 * flushes the stream. */
ng_status ng_i_xml_close(ng_i_xml *x, int rc, FILE *out, const char *what, ng_error *err);

/* xml_escape.c: n bytes of s escaped exactly as xmlTextWriter escapes
 * element text (WriteString) or an attribute value, for text written past
 * the writer (ng_i_xml_write_raw).  The _escape_ functions write at p,
 * which must have room for n * NG_I_XML_ESCAPE_MAX bytes, and return the
 * end; n must be at most NG_I_XML_ESCAPABLE, so that the room is a size_t. */
#define NG_I_XML_ESCAPE_MAX 6 /* "&quot;" for '"' */
#define NG_I_XML_ESCAPABLE (SIZE_MAX / 8)
char *ng_i_xml_escape_text(char *p, const char *s, size_t n);
char *ng_i_xml_escape_attr(char *p, const char *s, size_t n);
typedef enum {
    NG_I_XML_RAW,  /* copied: numbers, whose characters need no escaping */
    NG_I_XML_TEXT, /* ng_i_xml_escape_text */
    NG_I_XML_ATTR, /* ng_i_xml_escape_attr */
} ng_i_xml_escaping;
/* Appends open, the n bytes of s escaped as `how` says and close, with one
 * reservation for all of it: one call per line of the body, such as
 * `<data key="v_label">` s `</data>\n`.  b stays NUL-terminated;
 * NG_ENOMEM when memory runs out.  Inline: millions of calls write a body,
 * and where open, close or how are constants the compiler copies them
 * without calling memcpy (the GraphML writer took 3 % more instructions
 * with this function out of line). */
static inline ng_status ng_i_xml_add_wrapped(ng_i_buf *b, const char *open, size_t open_len,
                                             const char *s, size_t n, ng_i_xml_escaping how,
                                             const char *close, size_t close_len)
{
    if (n > NG_I_XML_ESCAPABLE)
        return NG_ENOMEM;
    size_t room = how == NG_I_XML_RAW ? n : n * NG_I_XML_ESCAPE_MAX;
    ng_status st = ng_i_buf_reserve(b, open_len + room + close_len);
    if (st != NG_OK)
        return st;
    char *p = b->data + b->len;
    memcpy(p, open, open_len);
    p += open_len;
    if (how == NG_I_XML_RAW) {
        memcpy(p, s, n);
        p += n;
    } else if (how == NG_I_XML_TEXT) {
        p = ng_i_xml_escape_text(p, s, n);
    } else {
        p = ng_i_xml_escape_attr(p, s, n);
    }
    memcpy(p, close, close_len);
    p += close_len;
    *p = '\0';
    b->len = (size_t)(p - b->data);
    return NG_OK;
}
/* Appends s escaped as an attribute value, as ng_i_xml_add_wrapped. */
ng_status ng_i_xml_add_attr(ng_i_buf *b, const char *s, size_t n);

/* A large graph's edges point all over memory: at their ends in the vertex
 * array, and at strings (ids, documents, evidence) scattered in the arena
 * in the order they were added.  Fetched when needed, each is a cache miss:
 * writing the 100k/1M benchmark graph as GraphML to /dev/null took 0.9 s
 * without the hints below, 0.55 s with them.  The GraphML and GEXF loops
 * ask for what an item points to NG_I_AHEAD items in advance: for an edge
 * the pointers first and, once these have arrived, the strings they point
 * to.  Only hints: they change no output.  Macros, not functions: GCC 12
 * finds a function that only prefetches free of effects (-fipa-modref) and
 * drops the calls. */
#if defined(__GNUC__)
#define NG_I_PREFETCH(p) __builtin_prefetch(p)
#else
#define NG_I_PREFETCH(p) ((void)(p))
#endif
#define NG_I_AHEAD 8
#define NG_I_PREFETCH_VERTEX(v) (NG_I_PREFETCH((v)->id), NG_I_PREFETCH((v)->label))
#define NG_I_PREFETCH_EDGE(g, e)                                                               \
    (NG_I_PREFETCH(&(g)->vertices[(e)->src]), NG_I_PREFETCH(&(g)->vertices[(e)->dst]),         \
     NG_I_PREFETCH((e)->ev.text), NG_I_PREFETCH((e)->sources))
#define NG_I_PREFETCH_EDGE_STRINGS(g, e)                                                       \
    (NG_I_PREFETCH((g)->vertices[(e)->src].id), NG_I_PREFETCH((g)->vertices[(e)->dst].id),     \
     (e)->nsources ? NG_I_PREFETCH((e)->sources[0]) : (void)0)

/* Writers share this check. */
ng_status ng_i_check_writable(const ng_graph *g, FILE *out, ng_error *err);

#endif
