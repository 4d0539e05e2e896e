#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvread.h"
#include "ng_date.h"
#include "ng_text.h"
#include "triples_in.h"

/* The contract columns, in NG_TRIPLE_CSV_HEADER order. */
enum {
    T_DOC, T_DATE, T_SUBJECT, T_SUBJECT_TYPE, T_RELATION, T_OBJECT, T_OBJECT_TYPE,
    T_MODALITY, T_SENTENCE, T_START, T_END, T_RULE, T_EVIDENCE, N_T
};

typedef struct {
    const char *name;
    ng_triple_sink sink;
    void *user;
    ng_diag *d;
    size_t col[N_T];
    int skipped; /* the current record was refused with a warning */
    char names[N_T][32];
} reader;

/* The i-th name of NG_TRIPLE_CSV_HEADER, so that the header stays defined
 * in one place (extract/common.c). */
static size_t header_name(size_t i, char *out, size_t size)
{
    const char *p = NG_TRIPLE_CSV_HEADER;
    for (size_t k = 0; k < i && p; k++) {
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    size_t n = p ? strcspn(p, ",") : 0;
    if (n >= size)
        n = size - 1;
    memcpy(out, p ? p : "", n);
    out[n] = '\0';
    return n;
}

static ng_status read_header(reader *r, const ng_csv_record *h)
{
    char missing[300] = "";
    size_t used = 0;
    for (size_t k = 0; k < N_T; k++) {
        char *want = r->names[k];
        header_name(k, want, sizeof r->names[k]);
        r->col[k] = h->n;
        for (size_t i = 0; i < h->n && r->col[k] == h->n; i++) {
            if (strcasecmp(h->field[i], want) == 0)
                r->col[k] = i;
        }
        if (r->col[k] == h->n && used < sizeof missing)
            used += (size_t)snprintf(missing + used, sizeof missing - used, "%s%s",
                                     used ? ", " : "", want);
    }
    if (used)
        return ng_diag_error(r->d, NG_EINPUT,
                             "%s: not a triples CSV (written by 'newsgraph extract'): "
                             "missing column%s %s", r->name, strchr(missing, ',') ? "s" : "",
                             missing);
    return NG_OK;
}

/* A decimal size_t, digits only. */
static int parse_size(const char *s, size_t *out)
{
    size_t v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (SIZE_MAX - 9) / 10)
            return -1;
        v = v * 10 + (size_t)(*s - '0');
    }
    *out = v;
    return 0;
}

/* Refuses the current record with a warning "NAME: record N: WHY; skipped". */
static ng_status skip(reader *r, size_t record, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static ng_status skip(reader *r, size_t record, const char *fmt, ...)
{
    char why[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    r->skipped = 1;
    return ng_diag_warn(r->d, "%s: record %zu: %s; skipped", r->name, record, why);
}

static ng_status check_numbers(reader *r, const ng_csv_record *rec, ng_triple *t)
{
    static const int cols[3] = {T_SENTENCE, T_START, T_END};
    static const char *const names[3] = {"sentence", "start", "end"};
    size_t *dst[3] = {&t->sentence, &t->start, &t->end};
    for (size_t k = 0; k < 3; k++) {
        const char *v = rec->field[r->col[cols[k]]];
        if (parse_size(v, dst[k]) != 0)
            return skip(r, rec->record, "%s '%.40s' is not a number", names[k], v);
    }
    if (t->start > t->end)
        return skip(r, rec->record, "start %zu is after end %zu", t->start, t->end);
    return NG_OK;
}

/* Everything a record must satisfy to become an ng_triple; a record that
 * does not is refused with a warning (r->skipped). */
static ng_status check_record(reader *r, const ng_csv_record *rec, ng_triple *t)
{
    static const int required[] = {T_DOC, T_SUBJECT, T_RELATION, T_OBJECT};
    static const char *const names[] = {"doc", "subject", "relation", "object"};
    for (size_t k = 0; k < 4; k++) {
        if (rec->len[r->col[required[k]]] == 0)
            return skip(r, rec->record, "empty %s", names[k]);
    }
    for (size_t k = 0; k < N_T; k++) {
        if (!ng_text_is_clean(rec->field[r->col[k]], rec->len[r->col[k]]))
            return skip(r, rec->record, "invalid UTF-8 or NUL bytes in %s", r->names[k]);
    }
    const char *date = rec->field[r->col[T_DATE]];
    char iso[11];
    if (date[0] && (ng_date_normalize(date, strlen(date), iso) != 0 || strcmp(iso, date) != 0))
        return skip(r, rec->record, "date '%.40s' is not YYYY-MM-DD", date);
    const char *mod = rec->field[r->col[T_MODALITY]];
    if (ng_modality_parse(mod, &t->modality) != 0)
        return skip(r, rec->record, "unknown modality '%.40s'", mod);
    return check_numbers(r, rec, t);
}

static ng_status on_record(const ng_csv_record *rec, void *user)
{
    reader *r = user;
    if (rec->record == 0)
        return read_header(r, rec);
    ng_triple t;
    memset(&t, 0, sizeof t);
    r->skipped = 0;
    ng_status s = check_record(r, rec, &t);
    if (s || r->skipped)
        return s;
#define F(k) rec->field[r->col[k]]
    t.doc = F(T_DOC);
    t.date = F(T_DATE);
    t.subject = F(T_SUBJECT);
    t.subject_type = F(T_SUBJECT_TYPE);
    t.relation = F(T_RELATION);
    t.object = F(T_OBJECT);
    t.object_type = F(T_OBJECT_TYPE);
    t.rule = F(T_RULE);
    t.evidence = F(T_EVIDENCE);
    t.evidence_len = rec->len[r->col[T_EVIDENCE]];
#undef F
    return r->sink(&t, r->user);
}

ng_status ng_triples_read(FILE *f, const char *name, ng_triple_sink sink, void *user, ng_diag *d)
{
    reader r = {.name = name, .sink = sink, .user = user, .d = d};
    return ng_csvr_read_stream(f, name, on_record, &r, d);
}
