/* JSON-LD 1.0 with an inline @context (no remote context, no @version), one
 * node object per line inside "@graph", so the file streams: each node is
 * built with cJSON, printed, written and freed before the next.  Property
 * values that repeat become arrays; typed literals are value objects
 * ({"@value": "2024-03-01", "@type": "xsd:date"}); counts are JSON integers
 * (xsd:integer). */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "rdf.h"

typedef struct {
    FILE *out;
    ng_i_buf line;
    int first;
} jsonld;

static cJSON *term(const ng_i_prop *p)
{
    cJSON *v = NULL;
    switch (p->kind) {
    case NG_I_IRI:
    case NG_I_CURIE:
        if (strcmp(p->pred, "@type") == 0)
            return cJSON_CreateString(p->value);
        v = cJSON_CreateObject();
        if (v && !cJSON_AddStringToObject(v, "@id", p->value))
            goto fail;
        return v;
    case NG_I_STR:
        return cJSON_CreateString(p->value);
    case NG_I_TYPED:
        v = cJSON_CreateObject();
        if (v && (!cJSON_AddStringToObject(v, "@value", p->value) ||
                  !cJSON_AddStringToObject(v, "@type", p->datatype)))
            goto fail;
        return v;
    case NG_I_INT:
        return cJSON_CreateNumber((double)p->n);
    }
fail:
    cJSON_Delete(v);
    return NULL;
}

/* The values of props[i, j), all with the same pred: one value or an array. */
static cJSON *values(const ng_i_prop *props, size_t i, size_t j)
{
    if (j - i == 1)
        return term(&props[i]);
    cJSON *a = cJSON_CreateArray();
    for (size_t k = i; a && k < j; k++) {
        cJSON *v = term(&props[k]);
        if (!v || !cJSON_AddItemToArray(a, v)) {
            cJSON_Delete(v);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

static cJSON *node_json(const ng_i_node *n)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddStringToObject(o, "@id", n->id))
        goto fail;
    for (size_t i = 0, j; i < n->nprops; i = j) {
        for (j = i + 1; j < n->nprops && strcmp(n->props[j].pred, n->props[i].pred) == 0;)
            j++;
        cJSON *v = values(n->props, i, j);
        if (!v || !cJSON_AddItemToObject(o, n->props[i].pred, v)) {
            cJSON_Delete(v);
            goto fail;
        }
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

static ng_status write_node(const ng_i_node *n, void *user, ng_error *err)
{
    jsonld *j = user;
    cJSON *o = node_json(n);
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return ng_fail(err, NG_ENOMEM, "out of memory while writing JSON-LD");
    ng_status st = ng_i_buf_adds(&j->line, j->first ? "\n" : ",\n");
    if (st == NG_OK)
        st = ng_i_buf_adds(&j->line, text);
    free(text);
    j->first = 0;
    if (st != NG_OK)
        return ng_fail(err, st, "out of memory while writing JSON-LD");
    return ng_i_buf_flush(&j->line, j->out, err);
}

static char *context_text(void)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *ctx = doc ? cJSON_AddObjectToObject(doc, "@context") : NULL;
    char *text = NULL;
    for (size_t i = 0; ctx && ng_i_prefixes[i].prefix; i++)
        if (!cJSON_AddStringToObject(ctx, ng_i_prefixes[i].prefix, ng_i_prefixes[i].iri))
            ctx = NULL;
    if (ctx)
        text = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    return text;
}

ng_status ng_graph_write_jsonld(const ng_graph *g, FILE *out, const ng_write_options *o,
                                ng_error *err)
{
    ng_status st = ng_i_check_writable(g, out, err);
    char *base = NULL, *ctx = NULL;
    jsonld j = {out, {0}, 1};
    if (st != NG_OK)
        return st;
    NG_TRY(ng_i_base_iri(o, &base, err));
    if (!(ctx = context_text())) {
        st = ng_fail(err, NG_ENOMEM, "out of memory while writing JSON-LD");
        goto fail;
    }
    /* {"@context":{...}} without its closing brace, then the graph. */
    ctx[strlen(ctx) - 1] = '\0';
    NG_TRY(ng_i_buf_adds(&j.line, ctx));
    NG_TRY(ng_i_buf_adds(&j.line, ",\n\"@graph\":["));
    NG_TRY(ng_i_rdf_walk(g, base, write_node, &j, err));
    NG_TRY(ng_i_buf_adds(&j.line, "\n]}\n"));
    NG_TRY(ng_i_buf_flush(&j.line, out, err));
    st = ng_i_finish_stream(out, err);
fail:
    if (st == NG_ENOMEM && err && !err->msg[0])
        ng_fail(err, st, "out of memory while writing JSON-LD");
    free(ctx);
    free(base);
    ng_i_buf_free(&j.line);
    return st;
}
