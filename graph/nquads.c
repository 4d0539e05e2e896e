/* N-Quads: the RDF of rdf.c, one triple per line in the default graph,
 * written as the walk goes.  Literals escape `"`, `\`, newline, carriage
 * return and tab with a backslash and any other control character as
 * \u00XX; IRIs are valid by construction (slugs, percent-encoded document
 * ids, a checked base), and any byte an IRIREF may not hold is
 * percent-encoded anyway. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "rdf.h"

typedef struct {
    FILE *out;
    ng_i_buf line;
    ng_i_buf subject; /* the current node's subject, written once */
} nquads;

static int iri_forbidden(unsigned char c)
{
    return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
           c == '^' || c == '`' || c == '\\';
}

/* Copies runs of ordinary bytes at once: this is the hot loop of the file. */
static ng_status iri(ng_i_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    ng_status st = ng_i_buf_addc(b, '<');
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (; st == NG_OK && *p; p++) {
        if (!iri_forbidden(*p))
            continue;
        char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        st = ng_i_buf_add(b, (const char *)run, (size_t)(p - run));
        if (st == NG_OK)
            st = ng_i_buf_add(b, esc, 3);
        run = p + 1;
    }
    if (st == NG_OK)
        st = ng_i_buf_add(b, (const char *)run, (size_t)(p - run));
    return st == NG_OK ? ng_i_buf_addc(b, '>') : st;
}

static ng_status curie(ng_i_buf *b, const char *c)
{
    ng_status st = ng_i_buf_addc(b, '<');
    if (st == NG_OK)
        st = ng_i_expand_curie(b, c);
    return st == NG_OK ? ng_i_buf_addc(b, '>') : st;
}

static ng_status literal(ng_i_buf *b, const char *s)
{
    ng_status st = ng_i_buf_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (; st == NG_OK && *p; p++) {
        if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7F)
            continue;
        st = ng_i_buf_add(b, (const char *)run, (size_t)(p - run));
        run = p + 1;
        const char *esc = *p == '"' ? "\\\"" : *p == '\\' ? "\\\\" : *p == '\n' ? "\\n"
                        : *p == '\r' ? "\\r" : *p == '\t' ? "\\t" : NULL;
        if (st == NG_OK)
            st = esc ? ng_i_buf_adds(b, esc) : ng_i_buf_printf(b, "\\u%04X", *p);
    }
    if (st == NG_OK)
        st = ng_i_buf_add(b, (const char *)run, (size_t)(p - run));
    return st == NG_OK ? ng_i_buf_addc(b, '"') : st;
}

static ng_status object(ng_i_buf *b, const ng_i_prop *p)
{
    ng_status st;
    char num[24];
    switch (p->kind) {
    case NG_I_IRI:
        return iri(b, p->value);
    case NG_I_CURIE:
        return curie(b, p->value);
    case NG_I_STR:
        return literal(b, p->value);
    case NG_I_TYPED:
        st = literal(b, p->value);
        if (st == NG_OK)
            st = ng_i_buf_adds(b, "^^");
        return st == NG_OK ? curie(b, p->datatype) : st;
    case NG_I_INT:
        snprintf(num, sizeof num, "%" PRIu64, p->n);
        st = literal(b, num);
        if (st == NG_OK)
            st = ng_i_buf_adds(b, "^^");
        return st == NG_OK ? curie(b, "xsd:integer") : st;
    }
    return NG_EINTERNAL;
}

static ng_status write_node(const ng_i_node *n, void *user, ng_error *err)
{
    nquads *q = user;
    ng_status st;
    q->subject.len = 0;
    NG_TRY(n->id_is_curie ? curie(&q->subject, n->id) : iri(&q->subject, n->id));
    for (size_t i = 0; i < n->nprops; i++) {
        NG_TRY(ng_i_buf_add(&q->line, q->subject.data, q->subject.len));
        NG_TRY(ng_i_buf_addc(&q->line, ' '));
        NG_TRY(curie(&q->line, n->props[i].pred));
        NG_TRY(ng_i_buf_addc(&q->line, ' '));
        NG_TRY(object(&q->line, &n->props[i]));
        NG_TRY(ng_i_buf_adds(&q->line, " .\n"));
    }
    return ng_i_buf_flush(&q->line, q->out, err);
fail:
    return ng_fail(err, st, st == NG_ENOMEM ? "out of memory while writing N-Quads"
                                            : "unknown prefix while writing N-Quads");
}

ng_status ng_graph_write_nquads(const ng_graph *g, FILE *out, const ng_write_options *o,
                                ng_error *err)
{
    ng_status st = ng_i_check_writable(g, out, err);
    char *base = NULL;
    nquads q = {out, {0}, {0}};
    if (st != NG_OK)
        return st;
    NG_TRY(ng_i_base_iri(o, &base, err));
    NG_TRY(ng_i_rdf_walk(g, base, write_node, &q, err));
    st = ng_i_finish_stream(out, err);
fail:
    free(base);
    ng_i_buf_free(&q.line);
    ng_i_buf_free(&q.subject);
    return st;
}
