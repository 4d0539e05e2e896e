/* A synthetic graph for timing: graph_bench <vertices> <edges> <dir|-> [nolouvain]
 * adds edges triples between pseudo-random people (fixed seed), finishes,
 * writes the four formats to <dir>/bench.* and prints the seconds each step
 * took.  Used by hand and, small, by CTest to catch quadratic work. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ng_graph.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static const char *const relations[] = {"met-with", "visited", "sanctioned-by",
                                        "held-exercise-with"};

static int add_all(ng_graph *g, size_t nv, size_t ne)
{
    uint64_t seed = 0x2545F4914F6CDD1Du;
    char s[64], o[64], doc[32], date[16], ev[128];
    for (size_t i = 0; i < ne; i++) {
        size_t a = next_random(&seed) % nv, b = next_random(&seed) % nv;
        unsigned r = (unsigned)(next_random(&seed) % 4);
        snprintf(s, sizeof s, "Person %zu", a);
        snprintf(o, sizeof o, "Person %zu", b);
        snprintf(doc, sizeof doc, "doc-%zu", i / 10);
        snprintf(date, sizeof date, "2024-%02u-%02u", (unsigned)(i / 10 % 12) + 1,
                 (unsigned)(i / 10 % 28) + 1);
        int n = snprintf(ev, sizeof ev, "Person %zu and Person %zu, sentence %zu.", a, b, i);
        ng_triple t = {doc, date, s, "Person", relations[r], o, "Person", NG_MOD_ASSERTED,
                       i % 10, 0, 0, "bench", ev, (size_t)n};
        if (ng_graph_add_triple(g, &t) != NG_OK)
            return 1;
    }
    return 0;
}

typedef ng_status (*writer_fn)(const ng_graph *, FILE *, const ng_write_options *, ng_error *);

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: graph_bench <vertices> <edges> <dir> [nolouvain]\n");
        return 2;
    }
    ng_graph_init_library();
    size_t nv = strtoul(argv[1], NULL, 10), ne = strtoul(argv[2], NULL, 10);
    ng_graph *g = ng_graph_new();
    ng_error err = {""};
    if (argc == 5)
        ng_graph_set_analytics(g, NG_ANALYTICS_ALL & ~NG_ANALYTICS_COMMUNITY);
    double t0 = now();
    if (!g || ng_graph_declare_relation(g, "met-with", 1, "met with") != NG_OK ||
        ng_graph_declare_relation(g, "held-exercise-with", 1, "held an exercise with") != NG_OK ||
        add_all(g, nv ? nv : 1, ne) != 0) {
        fprintf(stderr, "graph_bench: adding failed\n");
        return 1;
    }
    double t1 = now();
    if (ng_graph_finish(g, &err) != NG_OK) {
        fprintf(stderr, "graph_bench: %s\n", err.msg);
        return 1;
    }
    double t2 = now();
    printf("add %.2fs finish %.2fs (%zu vertices, %zu edges)\n", t1 - t0, t2 - t1,
           ng_graph_vertex_count(g), ng_graph_edge_count(g));
    static const struct {
        const char *ext;
        writer_fn write;
    } formats[] = {{"graphml", ng_graph_write_graphml}, {"dot", ng_graph_write_dot},
                   {"jsonld", ng_graph_write_jsonld}, {"nq", ng_graph_write_nquads},
                   {"gexf", ng_graph_write_gexf}};
    int rc = 0;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char path[4096];
        if (strcmp(argv[3], "-") == 0) /* time the writers, keep no file */
            snprintf(path, sizeof path, "/dev/null");
        else
            snprintf(path, sizeof path, "%s/bench.%s", argv[3], formats[i].ext);
        FILE *out = fopen(path, "wb");
        double t = now();
        if (!out || formats[i].write(g, out, NULL, &err) != NG_OK) {
            fprintf(stderr, "graph_bench: %s: %s\n", path, err.msg);
            rc = 1;
        }
        if (out && fclose(out) != 0)
            rc = 1;
        printf("%s %.2fs\n", formats[i].ext, now() - t);
    }
    ng_graph_free(g);
    return rc;
}
