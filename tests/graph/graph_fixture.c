/* Builds the fixture graphs and writes them, or checks that they do not
 * depend on the order of the triples.
 *
 *   graph_fixture write <small|hostile> <dir>
 *       writes <dir>/<name>.graphml, .dot, .jsonld, .nq, .gexf and prints the
 *       counts ("vertices=9 edges=8 triples=16 skipped=3")
 *   graph_fixture determinism <small|hostile>
 *       builds the graph from the triples (and aliases) in their order,
 *       reversed, in shuffled orders and as two shards in either order, and
 *       fails unless all four outputs are byte-identical every time */
#define _GNU_SOURCE /* open_memstream on older C libraries */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

typedef ng_status (*writer_fn)(const ng_graph *, FILE *, const ng_write_options *, ng_error *);

static const struct {
    const char *ext;
    writer_fn write;
} formats[] = {
    {"graphml", ng_graph_write_graphml},
    {"dot", ng_graph_write_dot},
    {"jsonld", ng_graph_write_jsonld},
    {"nq", ng_graph_write_nquads},
    {"gexf", ng_graph_write_gexf},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

static int write_files(const fixture *f, const char *dir)
{
    ng_graph *g = NULL;
    ng_error err = {""};
    if (fixture_build(f, NULL, &g, &err) != NG_OK) {
        fprintf(stderr, "graph_fixture: %s\n", err.msg);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < NFORMATS; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.%s", dir, f->name, formats[i].ext);
        FILE *out = fopen(path, "wb");
        if (!out) {
            perror(path);
            rc = 1;
            break;
        }
        if (formats[i].write(g, out, NULL, &err) != NG_OK) {
            fprintf(stderr, "graph_fixture: %s: %s\n", path, err.msg);
            rc = 1;
        }
        if (fclose(out) != 0) {
            perror(path);
            rc = 1;
        }
    }
    if (rc == 0)
        printf("vertices=%zu edges=%zu triples=%zu skipped=%zu\n", ng_graph_vertex_count(g),
               ng_graph_edge_count(g), ng_graph_triples_added(g), ng_graph_triples_skipped(g));
    ng_graph_free(g);
    return rc;
}

typedef struct {
    char *data[NFORMATS];
    size_t len[NFORMATS];
} outputs;

static void outputs_free(outputs *o)
{
    for (size_t i = 0; i < NFORMATS; i++)
        free(o->data[i]);
}

static int render(const fixture *f, const size_t *order, outputs *o)
{
    ng_graph *g = NULL;
    ng_error err = {""};
    memset(o, 0, sizeof *o);
    if (fixture_build(f, order, &g, &err) != NG_OK) {
        fprintf(stderr, "graph_fixture: %s\n", err.msg);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < NFORMATS; i++) {
        FILE *m = open_memstream(&o->data[i], &o->len[i]);
        if (!m || formats[i].write(g, m, NULL, &err) != NG_OK) {
            fprintf(stderr, "graph_fixture: %s: %s\n", formats[i].ext, err.msg);
            rc = 1;
        }
        if (m && fclose(m) != 0)
            rc = 1;
    }
    ng_graph_free(g);
    return rc;
}

/* A fixed xorshift generator: the shuffles are the same on every run. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static int same(const outputs *a, const outputs *b, const char *what)
{
    for (size_t i = 0; i < NFORMATS; i++) {
        if (a->len[i] != b->len[i] || memcmp(a->data[i], b->data[i], a->len[i]) != 0) {
            fprintf(stderr, "graph_fixture: %s output differs when the triples are %s\n",
                    formats[i].ext, what);
            return 0;
        }
    }
    return 1;
}

static int check_order(const fixture *f, const outputs *ref, const size_t *order, const char *what)
{
    outputs o;
    int rc = render(f, order, &o);
    if (rc == 0 && !same(ref, &o, what))
        rc = 1;
    outputs_free(&o);
    return rc;
}

static int determinism(const fixture *f)
{
    size_t n = f->ntriples + f->naliases;
    size_t *order = malloc(n * sizeof *order);
    outputs ref;
    if (!order || render(f, NULL, &ref) != 0)
        return 1;
    int rc = 0;
    for (size_t k = 0; k < n; k++)
        order[k] = n - 1 - k;
    rc |= check_order(f, &ref, order, "reversed");
    uint64_t seed = 0x9e3779b97f4a7c15u;
    for (int round = 0; rc == 0 && round < 20; round++) {
        for (size_t k = 0; k < n; k++)
            order[k] = k;
        for (size_t k = n - 1; k > 0; k--) {
            size_t j = (size_t)(next_random(&seed) % (k + 1));
            size_t t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        rc |= check_order(f, &ref, order, "shuffled");
    }
    /* Two shards: the second half first, then the first half. */
    for (size_t k = 0; k < n; k++)
        order[k] = (k + n / 2) % n;
    rc |= check_order(f, &ref, order, "given as two shards in the other order");
    free(order);
    outputs_free(&ref);
    if (rc == 0)
        printf("identical: %zu orders\n", (size_t)23);
    return rc;
}

int main(int argc, char **argv)
{
    ng_graph_init_library();
    const fixture *f = argc >= 3 ? fixture_get(argv[2]) : NULL;
    if (f && argc == 4 && strcmp(argv[1], "write") == 0)
        return write_files(f, argv[3]);
    if (f && argc == 3 && strcmp(argv[1], "determinism") == 0)
        return determinism(f);
    fprintf(stderr, "usage: graph_fixture write <small|hostile> <dir>\n"
                    "       graph_fixture determinism <small|hostile>\n");
    return 2;
}
