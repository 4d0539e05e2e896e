/* Counting for `newsgraph stats`: a small string -> counters table. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

typedef struct {
    char *key;
    const char *type;     /* entities: the type named most recently */
    unsigned long count;
} entry;

typedef struct {
    entry *v;
    size_t cap, n;
} table;

struct ng_stats {
    table entities, relations, docs;
    unsigned long modality[NG_MOD_COUNT];
    unsigned long triples;
    char first[11], last[11];
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static entry *find(table *t, const char *key)
{
    size_t i = (size_t)hash(key) & (t->cap - 1);
    while (t->v[i].key && strcmp(t->v[i].key, key) != 0)
        i = (i + 1) & (t->cap - 1);
    return &t->v[i];
}

static int grow(table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    entry *v = calloc(cap, sizeof *v), *old = t->v;
    if (!v)
        return -1;
    size_t oldcap = t->cap;
    t->v = v;
    t->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key)
            *find(t, old[i].key) = old[i];
    free(old);
    return 0;
}

/* The entry for key, created with count 0 when new; NULL on ENOMEM. */
static entry *get(table *t, const char *key)
{
    if ((t->n + 1) * 4 > t->cap * 3 && grow(t) != 0)
        return NULL;
    entry *e = find(t, key);
    if (!e->key) {
        if (!(e->key = strdup(key)))
            return NULL;
        t->n++;
    }
    return e;
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->v[i].key);
    free(t->v);
}

ng_stats *ng_stats_new(void)
{
    return calloc(1, sizeof(ng_stats));
}

void ng_stats_free(ng_stats *st)
{
    if (!st)
        return;
    table_free(&st->entities);
    table_free(&st->relations);
    table_free(&st->docs);
    free(st);
}

static void note_date(ng_stats *st, const char *date)
{
    if (!date || strlen(date) != 10)
        return;
    if (!st->first[0] || strcmp(date, st->first) < 0)
        memcpy(st->first, date, 11);
    if (!st->last[0] || strcmp(date, st->last) > 0)
        memcpy(st->last, date, 11);
}

ng_status ng_stats_add_doc(ng_stats *st, const char *id, const char *date)
{
    if (!get(&st->docs, id))
        return NG_ENOMEM;
    note_date(st, date);
    return NG_OK;
}

static ng_status count_entity(ng_stats *st, const char *label, const char *type)
{
    entry *e = get(&st->entities, label);
    if (!e)
        return NG_ENOMEM;
    e->count++;
    e->type = type; /* the fixed type names are static strings */
    return NG_OK;
}

static const char *static_type(const char *type)
{
    static const char *const types[] = {"Person", "Country", "City", "Place", "Organization"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(type, types[i]) == 0)
            return types[i];
    return "";
}

ng_status ng_stats_add(ng_stats *st, const ng_triple *t)
{
    entry *r = get(&st->relations, t->relation);
    if (!r || ng_stats_add_doc(st, t->doc, t->date) != NG_OK ||
        count_entity(st, t->subject, static_type(t->subject_type)) != NG_OK ||
        count_entity(st, t->object, static_type(t->object_type)) != NG_OK)
        return NG_ENOMEM;
    r->count++;
    st->triples++;
    if ((unsigned)t->modality < NG_MOD_COUNT)
        st->modality[t->modality]++;
    return NG_OK;
}

/* Most counted first; ties in byte order, so the output is stable. */
static int by_count(const void *a, const void *b)
{
    const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->key, y->key);
}

static entry **sorted(const table *t)
{
    entry **v = malloc((t->n ? t->n : 1) * sizeof *v);
    if (!v)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->v[i].key)
            v[n++] = &t->v[i];
    qsort(v, n, sizeof *v, by_count);
    return v;
}

static int print_table(const table *t, FILE *out, const char *title, size_t top, int typed)
{
    entry **v = sorted(t);
    if (!v)
        return -1;
    int bad = fprintf(out, "%s:\n", title) < 0;
    for (size_t i = 0; i < t->n && i < top && !bad; i++)
        bad = typed ? fprintf(out, "  %7lu  %s (%s)\n", v[i]->count, v[i]->key,
                              v[i]->type && v[i]->type[0] ? v[i]->type : "?") < 0
                    : fprintf(out, "  %7lu  %s\n", v[i]->count, v[i]->key) < 0;
    free(v);
    return bad ? -1 : 0;
}

int ng_stats_print(const ng_stats *st, FILE *out, size_t top)
{
    if (fprintf(out, "documents: %zu\n", st->docs.n) < 0 ||
        fprintf(out, "dates: %s to %s\n", st->first[0] ? st->first : "(none)",
                st->last[0] ? st->last : "(none)") < 0 ||
        fprintf(out, "triples: %lu (asserted %lu, planned %lu, negated %lu, hypothetical %lu)\n",
                st->triples, st->modality[NG_MOD_ASSERTED], st->modality[NG_MOD_PLANNED],
                st->modality[NG_MOD_NEGATED], st->modality[NG_MOD_HYPOTHETICAL]) < 0 ||
        fprintf(out, "entities: %zu\n", st->entities.n) < 0)
        return -1;
    if (print_table(&st->relations, out, "relations", SIZE_MAX, 0) != 0)
        return -1;
    char title[64];
    snprintf(title, sizeof title, "top %zu entities (triples naming them)", top);
    return print_table(&st->entities, out, title, top, 1);
}
