#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"

enum { CHUNK = 64 * 1024 };

/* libcsv's parser state while inside a field (its FIELD_BEGUN); with
 * `quoted` set, the input ended inside quotes.  libcsv exposes the struct
 * but not the constant. */
enum { LIBCSV_FIELD_BEGUN = 2 };

static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};

struct ng_csvr {
    struct csv_parser p;
    const char *name;
    ng_csv_record_cb cb;
    void *user;
    ng_diag *d;
    ng_status status;   /* the first failure; everything stops after it */
    size_t record;      /* number of the record being read (0: header) */
    size_t header_n;    /* fields in the header */
    int seen_header;
    int discard;        /* drop the record being read */
    unsigned char head[3]; /* the first bytes, until we know if they are a BOM */
    size_t head_n;
    int head_done;
    /* the record being read */
    size_t n, cap;
    char **field;
    size_t *len, *fcap;
    size_t bytes;
};

static ng_status fail(ng_csvr *r, ng_status s)
{
    if (r->status == NG_OK)
        r->status = s;
    return r->status;
}

static ng_status out_of_memory(ng_csvr *r)
{
    return fail(r, ng_diag_error(r->d, NG_ENOMEM, "%s: out of memory", r->name));
}

static ng_status too_large(ng_csvr *r)
{
    return fail(r, ng_diag_error(r->d, NG_EINPUT,
                                 "%s: record %zu: larger than %zu MiB (a quote never closed?)",
                                 r->name, r->record, NG_CSV_MAX_RECORD >> 20));
}

static int grow_fields(ng_csvr *r)
{
    size_t cap = r->cap ? r->cap * 2 : 16;
    char **field = realloc(r->field, cap * sizeof *field);
    if (!field)
        return -1;
    r->field = field;
    size_t *len = realloc(r->len, cap * sizeof *len);
    if (!len)
        return -1;
    r->len = len;
    size_t *fcap = realloc(r->fcap, cap * sizeof *fcap);
    if (!fcap)
        return -1;
    r->fcap = fcap;
    for (size_t i = r->cap; i < cap; i++) {
        r->field[i] = NULL;
        r->fcap[i] = 0;
    }
    r->cap = cap;
    return 0;
}

static int store_field(ng_csvr *r, const void *data, size_t len)
{
    if (r->n == r->cap && grow_fields(r) != 0)
        return -1;
    if (r->fcap[r->n] < len + 1) {
        char *f = realloc(r->field[r->n], len + 1);
        if (!f)
            return -1;
        r->field[r->n] = f;
        r->fcap[r->n] = len + 1;
    }
    if (len)
        memcpy(r->field[r->n], data, len);
    r->field[r->n][len] = '\0';
    r->len[r->n++] = len;
    return 0;
}

static void on_field(void *data, size_t len, void *user)
{
    ng_csvr *r = user;
    if (r->status || r->discard)
        return;
    r->bytes += len;
    if (r->bytes > NG_CSV_MAX_RECORD)
        too_large(r);
    else if (store_field(r, data, len) != 0)
        out_of_memory(r);
}

static void deliver(ng_csvr *r)
{
    ng_csv_record rec = {r->record, r->n, r->field, r->len};
    if (r->record == 0) {
        r->seen_header = 1;
        r->header_n = r->n;
    } else if (r->n != r->header_n) {
        fail(r, ng_diag_warn(r->d, "%s: record %zu: %zu field%s, the header has %zu; skipped",
                             r->name, r->record, r->n, r->n == 1 ? "" : "s", r->header_n));
        return;
    }
    fail(r, r->cb(&rec, r->user));
}

static void on_row(int c, void *user)
{
    ng_csvr *r = user;
    (void)c;
    if (!r->status && !r->discard)
        deliver(r);
    r->record++;
    r->n = 0;
    r->bytes = 0;
    r->discard = 0;
}

ng_csvr *ng_csvr_new(const char *name, ng_csv_record_cb cb, void *user, ng_diag *d)
{
    ng_csvr *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    /* Not CSV_STRICT: a stray quote inside a field is kept as text rather
     * than ending the whole file.  CSV_APPEND_NULL: fields are C strings. */
    if (csv_init(&r->p, CSV_APPEND_NULL) != 0) {
        free(r);
        return NULL;
    }
    r->name = name;
    r->cb = cb;
    r->user = user;
    r->d = d;
    return r;
}

static ng_status parse(ng_csvr *r, const void *buf, size_t len)
{
    if (len && csv_parse(&r->p, buf, len, on_field, on_row, r) != len && !r->status) {
        if (csv_error(&r->p) == CSV_ENOMEM)
            return out_of_memory(r);
        return fail(r, ng_diag_error(r->d, NG_EINPUT, "%s: record %zu: %s", r->name, r->record,
                                     csv_strerror(csv_error(&r->p))));
    }
    /* libcsv grows one buffer for the field it is reading; a quote that
     * never closes would otherwise swallow the whole corpus into memory. */
    if (!r->status && csv_get_buffer_size(&r->p) > NG_CSV_MAX_RECORD)
        return too_large(r);
    return r->status;
}

/* Holds back up to three leading bytes until it is clear whether they are a
 * byte-order mark, which would otherwise stick to the first column name. */
static ng_status feed_head(ng_csvr *r, const unsigned char **b, size_t *len)
{
    while (!r->head_done && *len > 0) {
        r->head[r->head_n++] = *(*b)++;
        (*len)--;
        if (memcmp(r->head, bom, r->head_n) != 0) {
            r->head_done = 1;
            return parse(r, r->head, r->head_n);
        }
        if (r->head_n == 3)
            r->head_done = 1; /* a complete BOM: dropped */
    }
    return NG_OK;
}

ng_status ng_csvr_feed(ng_csvr *r, const void *buf, size_t len)
{
    const unsigned char *b = buf;
    if (r->status)
        return r->status;
    ng_status s = feed_head(r, &b, &len);
    return s ? s : parse(r, b, len);
}

ng_status ng_csvr_finish(ng_csvr *r)
{
    if (r->status)
        return r->status;
    if (!r->head_done && r->head_n && parse(r, r->head, r->head_n))
        return r->status;
    r->head_done = 1;
    if (r->p.pstate == LIBCSV_FIELD_BEGUN && r->p.quoted) {
        if (r->record == 0)
            fail(r, ng_diag_warn(r->d, "%s: header: quoted field not closed before the end of "
                                       "the file; skipped", r->name));
        else
            fail(r, ng_diag_warn(r->d, "%s: record %zu: quoted field not closed before the end "
                                       "of the file; skipped", r->name, r->record));
        r->discard = 1;
        if (r->status)
            return r->status;
    } else if (r->record == 0 && r->n == 0 && r->p.pstate == 0) {
        return fail(r, ng_diag_warn(r->d, "%s: empty file, skipped", r->name));
    }
    csv_fini(&r->p, on_field, on_row, r);
    return r->status;
}

void ng_csvr_free(ng_csvr *r)
{
    if (!r)
        return;
    csv_free(&r->p);
    for (size_t i = 0; i < r->cap; i++)
        free(r->field[i]);
    free(r->field);
    free(r->len);
    free(r->fcap);
    free(r);
}

ng_status ng_csvr_read_stream(FILE *f, const char *name, ng_csv_record_cb cb, void *user,
                              ng_diag *d)
{
    ng_status s = NG_OK;
    ng_csvr *r = ng_csvr_new(name, cb, user, d);
    unsigned char *buf = malloc(CHUNK);
    if (!r || !buf) {
        s = ng_diag_error(d, NG_ENOMEM, "%s: out of memory", name);
        goto fail;
    }
    size_t n;
    while (s == NG_OK && (n = fread(buf, 1, CHUNK, f)) > 0)
        s = ng_csvr_feed(r, buf, n);
    if (s == NG_OK && ferror(f))
        s = ng_diag_error(d, NG_EIO, "%s: %s", name, strerror(errno));
    if (s == NG_OK)
        s = ng_csvr_finish(r);
fail:
    free(buf);
    ng_csvr_free(r);
    return s;
}
