/* The GraphML writer alone, on a synthetic graph:
 *
 *   graphml_writer VERTICES EDGES OUT.graphml
 *
 * adds EDGES distinct triples between VERTICES people (a fixed pattern, no
 * randomness: edge i joins person a = i mod V with the person k = 1 + i div V
 * places further round the circle, vertex numbers shuffled by a bijection),
 * finishes the graph with degree and PageRank (Louvain is left out: on a
 * random graph it costs minutes and says nothing about the writer), writes
 * OUT.graphml and prints one line of timings:
 *
 *   vertices=V edges=E add=S finish=S write=S bytes=N
 *
 * bench/run then has networkx write the same file's graph, and compares. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ng_graph.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const relations[] = {"met-with", "visited", "sanctioned-by",
                                        "held-exercise-with"};

/* A bijection of 0..n-1 that scatters neighbours: multiply by a number
 * coprime to n. */
static size_t shuffle(size_t v, size_t n)
{
    size_t p = 7919;
    while (n % p == 0 || p % n == 0)
        p += 2;
    return (size_t)(((unsigned long long)v * p) % n);
}

static int add_all(ng_graph *g, size_t nv, size_t ne)
{
    char s[64], o[64], doc[32], date[16], ev[160];
    for (size_t i = 0; i < ne; i++) {
        size_t a = i % nv, k = 1 + i / nv, b = (a + k) % nv;
        snprintf(s, sizeof s, "Person %zu", shuffle(a, nv));
        snprintf(o, sizeof o, "Person %zu", shuffle(b, nv));
        snprintf(doc, sizeof doc, "doc-%zu", i / 10);
        snprintf(date, sizeof date, "2024-%02u-%02u", (unsigned)(i / 10 % 12) + 1,
                 (unsigned)(i / 10 % 28) + 1);
        int n = snprintf(ev, sizeof ev, "%s met %s in the capital & talked <trade>, sentence %zu.",
                         s, o, i % 10);
        ng_triple t = {doc,   date,          s, "Person", relations[i % 4], o, "Person",
                       NG_MOD_ASSERTED, i % 10, 0, (size_t)n, "bench", ev, (size_t)n};
        if (ng_graph_add_triple(g, &t) != NG_OK)
            return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: graphml_writer VERTICES EDGES OUT.graphml\n");
        return 2;
    }
    size_t nv = strtoul(argv[1], NULL, 10), ne = strtoul(argv[2], NULL, 10);
    if (nv < 3 || ne / nv + 1 > (nv - 1) / 2) {
        fprintf(stderr, "graphml_writer: need VERTICES >= 3 and EDGES < VERTICES^2/2\n");
        return 2;
    }
    ng_graph_init_library();
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    int rc = 1;
    FILE *out = NULL;
    if (!g)
        goto fail;
    ng_graph_set_analytics(g, NG_ANALYTICS_DEGREE | NG_ANALYTICS_PAGERANK);
    double t0 = now();
    if (ng_graph_declare_relation(g, "met-with", 1, "met with") != NG_OK ||
        ng_graph_declare_relation(g, "held-exercise-with", 1, "held exercises with") != NG_OK ||
        add_all(g, nv, ne) != 0) {
        fprintf(stderr, "graphml_writer: adding the triples failed\n");
        goto fail;
    }
    double t1 = now();
    if (ng_graph_finish(g, &err) != NG_OK) {
        fprintf(stderr, "graphml_writer: %s\n", err.msg);
        goto fail;
    }
    double t2 = now();
    if (!(out = fopen(argv[3], "wb"))) {
        perror(argv[3]);
        goto fail;
    }
    if (ng_graph_write_graphml(g, out, NULL, &err) != NG_OK || fflush(out) != 0) {
        fprintf(stderr, "graphml_writer: %s: %s\n", argv[3], err.msg[0] ? err.msg : "write failed");
        goto fail;
    }
    double t3 = now();
    long bytes = ftell(out);
    printf("vertices=%zu edges=%zu add=%.3f finish=%.3f write=%.3f bytes=%ld\n",
           ng_graph_vertex_count(g), ng_graph_edge_count(g), t1 - t0, t2 - t1, t3 - t2, bytes);
    rc = 0;
fail:
    if (out && fclose(out) != 0)
        rc = 1;
    ng_graph_free(g);
    return rc;
}
