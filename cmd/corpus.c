/* CSV corpora: one article per record, columns found by header name. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvread.h"
#include "inputs.h"
#include "ng_date.h"

enum { COL_ID, COL_DATE, COL_TITLE, COL_TEXT, N_COLS };

/* Header names each column goes by, in order of preference: a corpus with
 * both "text" and "body" reads "text".  Kept as data, like the lexicon. */
static const char *const column_names[N_COLS][6] = {
    [COL_ID] = {"id", "doc", "doc_id", "guid", NULL},
    [COL_DATE] = {"date", "published", "pubdate", "published_at", "datetime", NULL},
    [COL_TITLE] = {"title", "headline", NULL},
    [COL_TEXT] = {"text", "body", "content", "article", "story", NULL},
};
static const char *const column_option[N_COLS] = {"--id-column", "--date-column",
                                                  "--title-column", "--text-column"};

typedef struct {
    const char *name; /* the file, in messages */
    const char *base; /* id prefix when there is no id column */
    const ng_read_opts *o;
    ng_doc_cb cb;
    void *user;
    ng_read_stats *st;
    ng_diag *d;
    long col[N_COLS]; /* field index, -1 when absent */
} corpus;

/* A header name equals want, ignoring case and surrounding blanks. */
static int header_is(const char *field, size_t len, const char *want)
{
    while (len && (*field == ' ' || *field == '\t')) {
        field++;
        len--;
    }
    while (len && (field[len - 1] == ' ' || field[len - 1] == '\t'))
        len--;
    return len == strlen(want) && strncasecmp(field, want, len) == 0;
}

static long find_column(const ng_csv_record *h, const char *const *names)
{
    for (size_t k = 0; names[k]; k++) {
        for (size_t i = 0; i < h->n; i++) {
            if (header_is(h->field[i], h->len[i], names[k]))
                return (long)i;
        }
    }
    return -1;
}

/* "id, headline, when" (shortened when very long), for error messages. */
static void list_columns(const ng_csv_record *h, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < h->n && used + 4 < size; i++) {
        int n = snprintf(out + used, size - used, "%s%s", i ? ", " : "", h->field[i]);
        if (n < 0 || (size_t)n >= size - used) {
            snprintf(out + (size > 4 ? size - 4 : 0), 4, "...");
            return;
        }
        used += (size_t)n;
    }
}

static ng_status missing_column(corpus *c, const ng_csv_record *h, int k, const char *asked)
{
    char cols[300];
    list_columns(h, cols, sizeof cols);
    if (asked)
        return ng_diag_error(c->d, NG_EINPUT, "%s: no column '%s' (%s); the columns are: %s",
                             c->name, asked, column_option[k], cols);
    return ng_diag_error(c->d, NG_EINPUT,
                         "%s: no text column (text, body, content, article or story; or use "
                         "--text-column); the columns are: %s",
                         c->name, cols);
}

static ng_status read_header(corpus *c, const ng_csv_record *h)
{
    const char *asked[N_COLS] = {c->o->id_column, c->o->date_column, c->o->title_column,
                                 c->o->text_column};
    for (int k = 0; k < N_COLS; k++) {
        const char *one[2] = {asked[k], NULL};
        c->col[k] = find_column(h, asked[k] ? one : column_names[k]);
        if (c->col[k] < 0 && (asked[k] || k == COL_TEXT))
            return missing_column(c, h, k, asked[k]);
    }
    return NG_OK;
}

/* The date of a record: --date, else its date column (a value that is not
 * a date is counted and left empty), else a dateline in the text. */
static void record_date(corpus *c, const ng_csv_record *r, const char *text, size_t len,
                        char date[11])
{
    long k = c->col[COL_DATE];
    if (c->o->date) {
        memcpy(date, c->o->date, 11);
    } else if (k >= 0 && !ng_is_blank(r->field[k], r->len[k])) {
        if (ng_date_normalize(r->field[k], r->len[k], date) != 0)
            c->st->bad_dates++;
    } else {
        ng_date_find(text, len, date);
    }
}

static const char *field_or_empty(const ng_csv_record *r, long k, size_t *len)
{
    *len = k >= 0 ? r->len[k] : 0;
    return k >= 0 ? r->field[k] : "";
}

/* "news-17" for record 17 of news.csv when it has no id. */
static char *make_id(const char *base, size_t record)
{
    size_t n = strlen(base) + 24;
    char *id = malloc(n);
    if (id)
        snprintf(id, n, "%s-%zu", base, record);
    return id;
}

/* The strings of one document, and the clean copies that own them. */
typedef struct {
    const char *id, *title, *text;
    size_t id_len, title_len, len;
    char *own[4];
} record_strings;

static ng_status clean_record(record_strings *x, ng_text_report *rep)
{
    ng_status s = ng_clean_field(&x->text, &x->len, &x->own[1], rep);
    if (s == NG_OK)
        s = ng_clean_field(&x->id, &x->id_len, &x->own[2], rep);
    if (s == NG_OK)
        s = ng_clean_field(&x->title, &x->title_len, &x->own[3], rep);
    return s;
}

static ng_status record_doc(corpus *c, const ng_csv_record *r)
{
    record_strings x = {0};
    x.text = field_or_empty(r, c->col[COL_TEXT], &x.len);
    if (ng_is_blank(x.text, x.len)) {
        c->st->empty++;
        return NG_OK;
    }
    x.title = field_or_empty(r, c->col[COL_TITLE], &x.title_len);
    x.id = field_or_empty(r, c->col[COL_ID], &x.id_len);
    ng_text_report rep = {0};
    ng_status s = NG_OK;
    if (ng_is_blank(x.id, x.id_len)) {
        x.id = x.own[0] = make_id(c->base, r->record);
        x.id_len = x.id ? strlen(x.id) : 0;
    }
    s = x.id ? clean_record(&x, &rep) : NG_ENOMEM;
    if (s) {
        s = ng_diag_error(c->d, s, "%s: record %zu: %s", c->name, r->record, ng_strerror(s));
        goto fail;
    }
    /* repair can empty a field ("\0 " is blank once the NUL is gone) */
    if (ng_is_blank(x.text, x.len)) {
        c->st->empty++;
        goto fail;
    }
    if (ng_is_blank(x.id, x.id_len)) {
        free(x.own[0]);
        x.id = x.own[0] = make_id(c->base, r->record);
        x.id_len = x.id ? strlen(x.id) : 0;
        if (!x.id) {
            s = ng_diag_error(c->d, NG_ENOMEM, "%s: record %zu: out of memory", c->name,
                              r->record);
            goto fail;
        }
    }
    char where[300];
    snprintf(where, sizeof where, "%s: record %zu", c->name, r->record);
    if ((s = ng_warn_repairs(c->d, where, &rep)) != NG_OK)
        goto fail;
    char date[11] = "";
    record_date(c, r, x.text, x.len, date);
    ng_doc doc = {x.id, date, x.title, x.text, x.len};
    s = c->cb(&doc, c->user);
fail:
    for (size_t i = 0; i < 4; i++)
        free(x.own[i]);
    return s;
}

static ng_status on_record(const ng_csv_record *r, void *user)
{
    corpus *c = user;
    return r->record == 0 ? read_header(c, r) : record_doc(c, r);
}

ng_status ng_corpus_read(FILE *f, const char *name, const char *base, const ng_read_opts *o,
                         ng_doc_cb cb, void *user, ng_read_stats *st, ng_diag *d)
{
    corpus c = {name, base, o, cb, user, st, d, {-1, -1, -1, -1}};
    return ng_csvr_read_stream(f, name, on_record, &c, d);
}
