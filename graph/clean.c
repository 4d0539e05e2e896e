/* Text hygiene and small formatting helpers.
 *
 * Every string that enters a graph is cleaned once, on the way in, so that no
 * writer ever meets invalid UTF-8 or a control character: XML forbids most of
 * them outright, Graphviz warns about bad UTF-8, and N-Quads and JSON would
 * need escapes that other tools mishandle. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ng_graph_i.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static int unwanted(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\r';
    return (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

ng_status ng_i_clean_utf8(ng_i_buf *b, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    ng_status st = ng_i_buf_reserve(b, len);
    size_t i = 0, run = 0; /* bytes [run, i) are clean and not yet copied */
    while (st == NG_OK && i < len) {
        uint32_t cp;
        size_t n = utf8_seq(u + i, len - i, &cp);
        if (n && !unwanted(cp)) {
            i += n;
            continue;
        }
        st = ng_i_buf_add(b, s + run, i - run);
        if (st == NG_OK)
            st = ng_i_buf_add(b, replacement, 3);
        i += n ? n : 1;
        run = i;
    }
    if (st == NG_OK)
        st = ng_i_buf_add(b, s + run, len - run);
    return st;
}

uint32_t ng_i_fnv1a32(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

uint64_t ng_i_fnv1a64(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

int ng_i_is_iso_date(const char *s)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < 10; i++) {
        int want_dash = i == 4 || i == 7;
        if (want_dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    if (s[10] != '\0')
        return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

void ng_i_format_double(char out[32], double v)
{
    if (!isfinite(v) || v == 0.0)
        v = 0.0; /* also turns -0 into 0 */
    snprintf(out, 32, "%.6g", v);
}

char *ng_i_format_u64(char buf[21], uint64_t v)
{
    char *p = buf + 20;
    *p = '\0';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return p;
}

/* layout.c rounds x, y and size to a tenth, so v is normally the double
 * nearest to k / 10 for an integer k.  Then v is within 2^-14 of k / 10
 * (|v| < 1e12), far from any rounding tie, and printf writes k's digits
 * with a point before the last.  Anything else (NaN, huge, unrounded) goes
 * to snprintf.  Checked against snprintf on 200 million values. */
const char *ng_i_format_tenths(char buf[32], double v)
{
    double k = round(v * 10);
    if (!(v > -1e12 && v < 1e12) || k / 10 != v) {
        snprintf(buf, 32, "%.1f", v);
        return buf;
    }
    uint64_t a = (uint64_t)fabs(k);
    char *p = buf + 31;
    *p = '\0';
    *--p = (char)('0' + a % 10);
    *--p = '.';
    a /= 10;
    do {
        *--p = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    if (signbit(v)) /* also -0.0, as printf */
        *--p = '-';
    return p;
}

void ng_i_format_xsd_double(char out[32], double v)
{
    char tmp[32];
    ng_i_format_double(tmp, v);
    v = strtod(tmp, NULL); /* the value the other formats show */
    if (v == 0.0) {
        snprintf(out, 32, "0.0E0");
        return;
    }
    char mant[16]; /* "-d.ddddde-308" at most */
    int exp10 = 0;
    snprintf(mant, sizeof mant, "%.5e", v); /* d.ddddde[+-]xx */
    char *e = strchr(mant, 'e');
    exp10 = atoi(e + 1);
    *e = '\0';
    size_t n = strlen(mant);
    while (n > 3 && mant[n - 1] == '0') /* keep one digit after the point */
        mant[--n] = '\0';
    snprintf(out, 32, "%sE%d", mant, exp10);
}

ng_status ng_i_join_list(ng_i_buf *b, const char *const *items, size_t n)
{
    ng_status st = ng_i_buf_add(b, "", 0); /* NUL-terminated even when empty */
    for (size_t i = 0; st == NG_OK && i < n; i++) {
        if (i > 0)
            st = ng_i_buf_addc(b, '|');
        /* Copied in runs between the characters to escape: the writers
         * join the sources of every edge. */
        for (const char *p = items[i]; st == NG_OK && *p;) {
            size_t run = strcspn(p, "\\|");
            st = ng_i_buf_add(b, p, run);
            p += run;
            if (st == NG_OK && *p) {
                const char esc[2] = {'\\', *p++};
                st = ng_i_buf_add(b, esc, 2);
            }
        }
    }
    return st;
}
