/* XML escaping for text that bypasses xmlTextWriter's per-call machinery
 * (the GraphML and GEXF bodies, see graphml.c and gexf.c).  It must produce exactly the bytes that
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
#include <string.h>

#include "ng_graph_i.h"

/* Replacements by class; class 0 is "copy the byte". */
static const char *const entity[] = {"", "&amp;", "&lt;", "&gt;", "&quot;", "&#13;", "&#10;", "&#9;"};

static const unsigned char text_class[256] = {
    ['&'] = 1, ['<'] = 2, ['>'] = 3, ['"'] = 4, ['\r'] = 5,
};

static const unsigned char attr_class[256] = {
    ['&'] = 1, ['<'] = 2, ['>'] = 3, ['"'] = 4, ['\r'] = 5, ['\n'] = 6, ['\t'] = 7,
};

static char *put(char *p, unsigned char c, const unsigned char cls[256])
{
    if (!cls[c]) {
        *p++ = (char)c;
        return p;
    }
    for (const char *e = entity[cls[c]]; *e; e++)
        *p++ = *e;
    return p;
}

/* Whether one of the 8 bytes in v is c: the classic zero-byte test on v
 * with c's bytes cleared (exact as a yes/no answer). */
#define ONES UINT64_C(0x0101010101010101)
static uint64_t has_byte(uint64_t v, unsigned char c)
{
    uint64_t x = v ^ (ONES * c);
    return (x - ONES) & ~x & (ONES << 7);
}

static int needs_escape8(uint64_t v, int attr)
{
    uint64_t any = has_byte(v, '&') | has_byte(v, '<') | has_byte(v, '>') |
                   has_byte(v, '"') | has_byte(v, '\r');
    if (attr)
        any |= has_byte(v, '\n') | has_byte(v, '\t');
    return any != 0;
}

/* Most text has nothing to escape: eight bytes are tested and copied at a
 * time, and only a group with something to escape goes byte by byte.  The
 * caller has made room for the worst case, so there are no bounds checks
 * here. */
static char *escape(char *p, const char *s, size_t n, int attr)
{
    const unsigned char *cls = attr ? attr_class : text_class;
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (!needs_escape8(v, attr)) {
            memcpy(p, &v, 8);
            p += 8;
            continue;
        }
        for (size_t k = 0; k < 8; k++)
            p = put(p, (unsigned char)s[i + k], cls);
    }
    for (; i < n; i++)
        p = put(p, (unsigned char)s[i], cls);
    return p;
}

char *ng_i_xml_escape_text(char *p, const char *s, size_t n)
{
    return escape(p, s, n, 0);
}

char *ng_i_xml_escape_attr(char *p, const char *s, size_t n)
{
    return escape(p, s, n, 1);
}

ng_status ng_i_xml_add_attr(ng_i_buf *b, const char *s, size_t n)
{
    return ng_i_xml_add_wrapped(b, "", 0, s, n, NG_I_XML_ATTR, "", 0);
}
