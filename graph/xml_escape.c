/* XML escaping for text that bypasses xmlTextWriter's per-call machinery
 * (the GraphML body, see graphml.c).  It must produce exactly the bytes that
 * libxml2 2.9's xmlTextWriterWriteString and xmlTextWriterWriteAttribute
 * produce in a document started with encoding "UTF-8", so that files stay
 * byte-identical to the ones the writer made:
 *
 *   element text     & < > " and CR become &amp; &lt; &gt; &quot; &#13;
 *   attribute value  the same, and also LF and tab (&#10; &#9;), which an
 *                    attribute value would otherwise normalise to spaces
 *
 * Every other byte, UTF-8 included, is copied.  No character that XML 1.0
 * forbids can arrive: strings are cleaned when they enter the graph
 * (clean.c), and libxml2 copied such characters unchanged too. */
#include <stdint.h>

#include "ng_graph_i.h"

/* The longest replacement ("&quot;") is 6 bytes for 1. */
#define WORST 6

static const char *const text_escape[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\r'] = "&#13;",
};

static const char *const attr_escape[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;",  ['>'] = "&gt;", ['"'] = "&quot;",
    ['\r'] = "&#13;", ['\n'] = "&#10;", ['\t'] = "&#9;",
};

/* One table look-up per byte, into room reserved for the worst case, so the
 * loop does no bounds checks of its own. */
static ng_status add_escaped(ng_i_buf *b, const char *s, size_t n,
                             const char *const table[256])
{
    if (n > (SIZE_MAX - 1) / WORST)
        return NG_ENOMEM;
    ng_status st = ng_i_buf_reserve(b, n * WORST);
    if (st != NG_OK)
        return st;
    char *p = b->data + b->len;
    for (size_t i = 0; i < n; i++) {
        const char *e = table[(unsigned char)s[i]];
        if (!e) {
            *p++ = s[i];
            continue;
        }
        while (*e)
            *p++ = *e++;
    }
    b->len = (size_t)(p - b->data);
    b->data[b->len] = '\0';
    return NG_OK;
}

ng_status ng_i_xml_add_text(ng_i_buf *b, const char *s, size_t n)
{
    return add_escaped(b, s, n, text_escape);
}

ng_status ng_i_xml_add_attr(ng_i_buf *b, const char *s, size_t n)
{
    return add_escaped(b, s, n, attr_escape);
}
