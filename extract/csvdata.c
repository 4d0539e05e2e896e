/* Data files (lexicon, titles, roles) are CSV read with libcsv. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "ng_text.h"

enum { MAX_FIELDS = 32 };

typedef struct {
    const char *name;
    const char *const *header;
    size_t nheader;
    int map[MAX_FIELDS];  /* file column -> wanted column, or -1 */
    size_t ncols;         /* columns in the file's header */
    char *fields[MAX_FIELDS];
    size_t nfields;
    size_t line, record_line;
    int in_header;
    ng_csv_row_fn row;
    void *user;
    ng_error *err;
    ng_status status;
} csv_reader;

static void on_field(void *data, size_t n, void *ctx)
{
    csv_reader *r = ctx;
    if (r->status)
        return;
    if (r->nfields >= MAX_FIELDS) {
        r->status = ng_fail(r->err, NG_EINPUT, "%s: line %zu: more than %d fields", r->name,
                            r->record_line, MAX_FIELDS);
        return;
    }
    char *f = malloc(n + 1);
    if (!f) {
        r->status = NG_ENOMEM;
        return;
    }
    memcpy(f, data, n);
    f[n] = '\0';
    r->fields[r->nfields++] = f;
}

static void free_fields(csv_reader *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        free(r->fields[i]);
    r->nfields = 0;
}

static void read_header(csv_reader *r)
{
    r->ncols = r->nfields;
    for (size_t i = 0; i < r->nfields; i++) {
        r->map[i] = -1;
        for (size_t j = 0; j < r->nheader; j++)
            if (strcasecmp(r->fields[i], r->header[j]) == 0)
                r->map[i] = (int)j;
    }
    for (size_t j = 0; j < r->nheader; j++) {
        int found = 0;
        for (size_t i = 0; i < r->ncols; i++)
            found |= r->map[i] == (int)j;
        if (!found) {
            r->status = ng_fail(r->err, NG_EINPUT, "%s: line 1: the header has no column '%s'",
                                r->name, r->header[j]);
            return;
        }
    }
}

static void on_row(int term, void *ctx)
{
    (void)term;
    csv_reader *r = ctx;
    if (r->status)
        goto done;
    if (r->in_header) {
        r->in_header = 0;
        read_header(r);
        goto done;
    }
    if (r->nfields == 1 && r->fields[0][0] == '\0')
        goto done; /* blank line */
    if (r->nfields != r->ncols) {
        r->status = ng_fail(r->err, NG_EINPUT, "%s: line %zu: %zu fields where the header has %zu",
                            r->name, r->record_line, r->nfields, r->ncols);
        goto done;
    }
    char *wanted[MAX_FIELDS] = {0};
    for (size_t i = 0; i < r->nfields; i++)
        if (r->map[i] >= 0)
            wanted[r->map[i]] = r->fields[i];
    r->status = r->row(r->user, wanted, r->nheader, r->record_line, r->err);
done:
    free_fields(r);
    /* rows end at a newline of the line being fed: the next starts after it */
    r->record_line = r->line + 1;
}

ng_status ng_data_utf8(const char *name, const char *text, size_t len, ng_error *err)
{
    size_t bad = ng_text_invalid_at(text, len);
    if (bad == len)
        return NG_OK;
    size_t line = 1;
    for (size_t i = 0; i < bad; i++)
        line += text[i] == '\n';
    return ng_fail(err, NG_EINPUT, "%s: line %zu: not valid UTF-8 text (byte 0x%02X)", name, line,
                   (unsigned char)text[bad]);
}

ng_status ng_csv_each_row(const char *name, const char *text, size_t len,
                          const char *const *header, size_t nheader, ng_csv_row_fn row,
                          void *user, ng_error *err)
{
    /* labels and aliases reach every output: the data must be clean text */
    ng_status bad = ng_data_utf8(name, text, len, err);
    if (bad)
        return bad;
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
        return NG_ENOMEM;
    csv_reader r = {.name = name, .header = header, .nheader = nheader, .line = 1,
                    .record_line = 1, .in_header = 1, .row = row, .user = user, .err = err};
    /* Feed line by line so that messages can name the line. */
    size_t i = 0;
    while (i < len && !r.status) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) + 1 : len - i;
        if (csv_parse(&p, text + i, n, on_field, on_row, &r) != n && !r.status)
            r.status = ng_fail(err, NG_EINPUT, "%s: line %zu: %s", name, r.line,
                               csv_strerror(csv_error(&p)));
        i += n;
        if (nl)
            r.line++;
    }
    if (!r.status && csv_fini(&p, on_field, on_row, &r) != 0 && !r.status)
        r.status = ng_fail(err, NG_EINPUT, "%s: line %zu: unterminated quoted field", name,
                           r.record_line);
    if (!r.status && r.in_header)
        r.status = ng_fail(err, NG_EINPUT, "%s: the file is empty (no header)", name);
    free_fields(&r);
    csv_free(&p);
    return r.status;
}

ng_status ng_read_file(const char *path, char **text, size_t *len, ng_error *err)
{
    *text = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ng_fail(err, NG_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 0, n = 0;
    char *buf = NULL;
    for (;;) {
        if (cap - n < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                return ng_fail(err, NG_ENOMEM, "%s: out of memory", path);
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return ng_fail(err, NG_EIO, "%s: read error", path);
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return NG_OK;
}
