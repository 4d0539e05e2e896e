/* Holds our XML escapers (graph/xml_escape.c) to libxml2's xmlTextWriter.
 *
 * The GraphML and GEXF bodies are escaped by ng_i_xml_escape_text and
 * ng_i_xml_escape_attr instead of the writer, and the files must stay byte
 * for byte what the writer made (graph/README.md).  The golden files hold
 * only a few strings; here many deterministic pseudo-random ones -- every
 * byte value but NUL, the characters XML escapes, valid multi-byte UTF-8 --
 * go through both, as an attribute value and as element text, and must come
 * out the same.
 *
 * usage: graph_xml_escape [COUNT]   (COUNT strings, default 100000) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "ng_graph_i.h"

/* Long enough for several of the escaper's 8-byte groups and a tail. */
#define MAX_LEN 160
/* The longest piece: a 4-byte UTF-8 character. */
#define MAX_PIECE 4

/* ---- deterministic strings ---- */

/* splitmix64 with a fixed seed: the same strings on every run and machine,
 * so a failure can be replayed. */
static uint64_t rng_state = UINT64_C(0x6e65777367726170);

static uint32_t rnd(uint32_t n)
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return (uint32_t)((z ^ (z >> 31)) % n);
}

typedef enum { ANY_BYTE, SPECIAL, LETTER, UTF8_CHAR, NKINDS } piece_kind;

/* What XML escapes in text or attributes, and the quote it leaves alone. */
static const char specials[] = "&<>\"'\r\n\t";

/* Code point c as UTF-8 at p; returns the length. */
static size_t utf8(char *p, uint32_t c)
{
    if (c < 0x800) {
        p[0] = (char)(0xC0 | c >> 6);
        p[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        p[0] = (char)(0xE0 | c >> 12);
        p[1] = (char)(0x80 | (c >> 6 & 0x3F));
        p[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | c >> 18);
    p[1] = (char)(0x80 | (c >> 12 & 0x3F));
    p[2] = (char)(0x80 | (c >> 6 & 0x3F));
    p[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* A non-ASCII scalar value, each encoded length equally likely. */
static uint32_t random_code_point(void)
{
    switch (rnd(3)) {
    case 0:
        return 0x80 + rnd(0x800 - 0x80);
    case 1: {
        uint32_t c = 0x800 + rnd(0x10000 - 0x800 - 0x800); /* skipping surrogates */
        return c < 0xD800 ? c : c + 0x800;
    }
    default:
        return 0x10000 + rnd(0x110000 - 0x10000);
    }
}

/* One piece at p; returns its length.  NUL never: the writer takes C
 * strings, and no graph string holds one. */
static size_t put_piece(char *p, piece_kind k)
{
    switch (k) {
    case ANY_BYTE: /* control bytes, and bytes that are no valid UTF-8 alone */
        *p = (char)(1 + rnd(255));
        return 1;
    case SPECIAL:
        *p = specials[rnd(sizeof specials - 1)];
        return 1;
    case LETTER:
        *p = (char)('a' + rnd(26));
        return 1;
    default:
        return utf8(p, random_code_point());
    }
}

/* A string of up to MAX_LEN bytes.  Each string draws its own mix of
 * pieces, so some are dense in characters to escape and some have long
 * clean runs, which the escaper copies 8 bytes at a time. */
static size_t random_string(char s[MAX_LEN + 1])
{
    uint32_t weight[NKINDS], total = 0;
    for (int k = 0; k < NKINDS; k++)
        total += weight[k] = rnd(4);
    size_t want = rnd(MAX_LEN - MAX_PIECE + 1), n = 0;
    while (total && n < want) {
        uint32_t r = rnd(total);
        int k = 0;
        while (r >= weight[k])
            r -= weight[k++];
        n += put_piece(s + n, (piece_kind)k);
    }
    s[n] = '\0';
    return n;
}

/* ---- libxml2's answer ---- */

static int collect(void *ctx, const char *data, int len)
{
    return ng_i_buf_add(ctx, data, (size_t)len) == NG_OK ? len : -1;
}

static int keep(void *ctx)
{
    (void)ctx; /* the buffer belongs to the caller */
    return 0;
}

/* <x a="S">S</x> as libxml2 writes it into doc, in a document begun as the
 * GraphML and GEXF writers begin theirs: with encoding "UTF-8", without
 * which libxml2 writes non-ASCII in attributes as character references. */
static int libxml2_document(const char *s, ng_i_buf *doc)
{
    doc->len = 0;
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(collect, keep, doc, NULL);
    xmlTextWriterPtr w = out ? xmlNewTextWriter(out) : NULL;
    if (!w) {
        if (out)
            xmlOutputBufferClose(out);
        return -1;
    }
    int rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
                     xmlTextWriterStartElement(w, BAD_CAST "x") < 0 ||
                     xmlTextWriterWriteAttribute(w, BAD_CAST "a", BAD_CAST s) < 0 ||
                     xmlTextWriterWriteString(w, BAD_CAST s) < 0 ||
                     xmlTextWriterEndDocument(w) < 0
                 ? -1
                 : 0;
    xmlFreeTextWriter(w); /* flushes what is left into doc */
    return rc == 0 && ng_i_buf_addc(doc, '\0') == NG_OK ? 0 : -1;
}

typedef struct {
    const char *s;
    size_t len;
} span;

/* The escaped attribute value and text in libxml2's document.  Escaped,
 * neither holds a bare '"' or '<', so each ends at the first one. */
static int split_document(const char *doc, span *attr, span *text)
{
    const char *a = strstr(doc, "<x a=\"");
    const char *a_end = a ? strchr(a + 6, '"') : NULL;
    const char *t_end = a_end && a_end[1] == '>' ? strchr(a_end + 2, '<') : NULL;
    if (!t_end || strcmp(t_end, "</x>\n") != 0)
        return -1;
    *attr = (span){a + 6, (size_t)(a_end - (a + 6))};
    *text = (span){a_end + 2, (size_t)(t_end - (a_end + 2))};
    return 0;
}

/* ---- comparing ---- */

/* s[0, n) with every byte outside printable ASCII as \xNN. */
static void show(const char *label, const char *s, size_t n)
{
    fprintf(stderr, "  %s \"", label);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '\\')
            fputc(c, stderr);
        else
            fprintf(stderr, "\\x%02X", c);
    }
    fputs("\"\n", stderr);
}

typedef char *escape_fn(char *p, const char *s, size_t n);

static int same(const char *what, escape_fn *escape, const char *s, size_t n, span want)
{
    char got[MAX_LEN * NG_I_XML_ESCAPE_MAX];
    size_t got_len = (size_t)(escape(got, s, n) - got);
    if (got_len == want.len && memcmp(got, want.s, got_len) == 0)
        return 1;
    fprintf(stderr, "%s differs from libxml2's:\n", what);
    show("input  ", s, n);
    show("libxml2", want.s, want.len);
    show("ours   ", got, got_len);
    return 0;
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 100000;
    long failures = 0;
    ng_i_buf doc = {0};
    char s[MAX_LEN + 1];
    for (long i = 0; i < count && failures < 5; i++) {
        size_t n = random_string(s);
        span attr, text;
        if (libxml2_document(s, &doc) != 0 || split_document(doc.data, &attr, &text) != 0) {
            fprintf(stderr, "libxml2 failed or wrote an unexpected document\n");
            show("input  ", s, n);
            failures++;
            continue;
        }
        failures += !same("attribute value", ng_i_xml_escape_attr, s, n, attr);
        failures += !same("element text", ng_i_xml_escape_text, s, n, text);
    }
    ng_i_buf_free(&doc);
    if (failures)
        return 1;
    printf("ok: %ld strings escaped as libxml2's writer escapes them\n", count);
    return 0;
}
