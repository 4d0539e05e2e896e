/* Fuzz target: the CSV corpus reader of the command line (cmd/csvread.c and
 * cmd/corpus.c) over arbitrary bytes.
 *
 * Input: bytes 0-3 seed the chunk sizes, byte 4 holds options (strict
 * warnings, a callback that stops the reader at record N, column names as
 * options); the rest is the CSV file.
 *
 * The same bytes go through the record reader three times: in random chunks
 * (zero-length ones included), in one chunk, and byte by byte; the records,
 * warnings and status must be the same every time.  Then the corpus reader
 * (columns, ids, dates, UTF-8 repair) reads them from a memory stream, and
 * every document it hands over must be clean text. */
#include "csvread.h"
#include "fuzz_common.h"
#include "inputs.h"
#include "ng_text.h"

typedef struct {
    size_t calls, header_n, next_record;
    size_t stop_at; /* return NG_EIO at this callback (1-based); 0: never */
    int stopped;
    uint64_t hash;
} records;

static ng_status on_record(const ng_csv_record *r, void *user)
{
    records *s = user;
    FUZZ_CHECK(!s->stopped); /* nothing after a callback said stop */
    FUZZ_CHECK(r->record >= s->next_record);
    if (r->record == 0)
        s->header_n = r->n;
    else
        FUZZ_CHECK(r->n == s->header_n);
    s->next_record = r->record + 1;
    uint64_t h = fuzz_hash(s->hash, &r->record, sizeof r->record);
    h = fuzz_hash(h, &r->n, sizeof r->n);
    for (size_t i = 0; i < r->n; i++) {
        FUZZ_CHECK(r->field[i] != NULL && r->field[i][r->len[i]] == '\0');
        h = fuzz_hash(h, &r->len[i], sizeof r->len[i]);
        h = fuzz_hash(h, r->field[i], r->len[i]);
    }
    s->hash = h;
    if (++s->calls == s->stop_at) {
        s->stopped = 1;
        return NG_EIO;
    }
    return NG_OK;
}

typedef struct {
    ng_status status;
    size_t warnings;
    records rec;
} outcome;

/* chunk: 0 all at once; otherwise sizes drawn from the generator, at most
 * chunk bytes (0 included: an empty feed must be harmless). */
static outcome read_records(const uint8_t *data, size_t size, uint64_t seed, size_t chunk,
                            int strict, size_t stop_at)
{
    outcome o = {0};
    ng_diag d = {.out = NULL, .quiet = 1, .strict = strict};
    o.rec.stop_at = stop_at;
    ng_csvr *r = ng_csvr_new("fuzz.csv", on_record, &o.rec, &d);
    FUZZ_CHECK(r != NULL);
    ng_status s = NG_OK;
    size_t at = 0;
    while (s == NG_OK && at < size) {
        size_t n = chunk == 0 ? size - at : fuzz_next(&seed) % (chunk + 1);
        if (n > size - at)
            n = size - at;
        s = ng_csvr_feed(r, data + at, n);
        at += n;
    }
    if (s == NG_OK)
        s = ng_csvr_finish(r);
    /* a stopped reader stays stopped */
    if (s != NG_OK)
        FUZZ_CHECK(ng_csvr_feed(r, "x,y\n", 4) == s && ng_csvr_finish(r) == s);
    ng_csvr_free(r);
    o.status = s;
    o.warnings = d.warnings;
    if (o.rec.stopped)
        FUZZ_CHECK(s == NG_EIO);
    return o;
}

static void same(const outcome *a, const outcome *b)
{
    FUZZ_CHECK(a->status == b->status);
    FUZZ_CHECK(a->warnings == b->warnings);
    FUZZ_CHECK(a->rec.calls == b->rec.calls);
    FUZZ_CHECK(a->rec.hash == b->rec.hash);
}

static int is_iso_date(const char *s)
{
    if (s[0] == '\0')
        return 1;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    return 1;
}

static ng_status on_doc(const ng_doc *doc, void *user)
{
    size_t *docs = user;
    FUZZ_CHECK(doc->id && doc->id[0] != '\0' && ng_text_is_clean(doc->id, strlen(doc->id)));
    FUZZ_CHECK(doc->title && ng_text_is_clean(doc->title, strlen(doc->title)));
    FUZZ_CHECK(doc->date && is_iso_date(doc->date));
    FUZZ_CHECK(doc->text && doc->len > 0 && !ng_is_blank(doc->text, doc->len));
    FUZZ_CHECK(ng_text_is_clean(doc->text, doc->len));
    (*docs)++;
    return NG_OK;
}

static void read_corpus(const uint8_t *data, size_t size, unsigned opts)
{
    if (size == 0)
        return; /* fmemopen refuses an empty buffer on older C libraries */
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return;
    ng_read_opts o = {0};
    if (opts & 32)
        o.text_column = "body";
    if (opts & 64)
        o.date_column = "when";
    if (opts & 128)
        o.date = "2020-02-29";
    ng_diag d = {.out = NULL, .quiet = 1, .strict = (int)(opts & 1)};
    ng_read_stats st = {0};
    size_t docs = 0;
    ng_status s = ng_corpus_read(f, "fuzz.csv", "fuzz", &o, on_doc, &docs, &st, &d);
    FUZZ_CHECK(s == NG_OK || s == NG_EINPUT || s == NG_ENOMEM);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    uint64_t seed;
    memcpy(&seed, data, 4);
    seed = seed << 32 | 0x2545F491u;
    unsigned opts = data[4];
    data += 5;
    size -= 5;
    int strict = opts & 1;
    size_t stop_at = (opts & 2) ? ((opts >> 2) & 7) + 1 : 0;
    static const size_t chunks[4] = {1, 3, 17, 4096};

    outcome whole = read_records(data, size, seed, 0, strict, stop_at);
    outcome pieces = read_records(data, size, seed, chunks[(opts >> 5) & 3], strict, stop_at);
    same(&whole, &pieces);
    if (size <= 512) {
        outcome bytes = read_records(data, size, seed, 1, strict, stop_at);
        same(&whole, &bytes);
    }
    read_corpus(data, size, opts);
    return 0;
}
