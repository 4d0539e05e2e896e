/* The floor of reading a CSV corpus with libcsv: the parser alone, with
 * the options cmd/csvread.c uses and callbacks that only count, on the file
 * in 64 KiB chunks as newsgraph reads it:
 *
 *   csv_floor FILE
 *
 * prints one line:
 *
 *   bytes=N records=N fields=N parse=SECONDS
 *
 * bench/run sets it beside wc -w: no reader built on libcsv can be faster,
 * whatever it does with the fields. */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    size_t records, fields;
} counts;

static void on_field(void *data, size_t len, void *user)
{
    (void)data;
    (void)len;
    ((counts *)user)->fields++;
}

static void on_row(int c, void *user)
{
    (void)c;
    ((counts *)user)->records++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: csv_floor FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    static unsigned char buf[64 * 1024];
    struct csv_parser p;
    if (!f || csv_init(&p, CSV_APPEND_NULL) != 0) {
        perror(argv[1]);
        return 1;
    }
    counts c = {0, 0};
    size_t bytes = 0, n;
    double t0 = now();
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
            return 1;
        }
        bytes += n;
    }
    csv_fini(&p, on_field, on_row, &c);
    double t = now() - t0;
    int failed = ferror(f);
    csv_free(&p);
    fclose(f);
    if (failed) {
        perror(argv[1]);
        return 1;
    }
    printf("bytes=%zu records=%zu fields=%zu parse=%.3f\n", bytes, c.records, c.fields, t);
    return 0;
}
