/* UTF-8 repair and NFC normalisation (utf8proc). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ng_text.h"

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is invalid
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t utf8_valid_len(const unsigned char *s, size_t avail)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)(avail < 4 ? avail : 4), &cp);
    return n > 0 ? (size_t)n : 0;
}

static int has_bom(const char *t, size_t len)
{
    return len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0;
}

size_t ng_text_invalid_at(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        if (s[i] == 0)
            return i;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_valid_len(s + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

/* Bytes from i on that are ASCII and not NUL, eight at a time where it can. */
static size_t ascii_run(const unsigned char *s, size_t i, size_t len)
{
    const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & high) || ((w - ones) & ~w & high)) /* a high bit, or a NUL */
            break;
    }
    while (i < len && s[i] != 0 && s[i] < 0x80)
        i++;
    return i;
}

/* Characters that are their own NFC whatever surrounds them: canonical
 * class 0, no canonical decomposition, never the second of a composition.
 * The Latin-1 letters and signs and the common punctuation (quotes, dashes,
 * ellipsis) are, which covers most news text. */
static int nfc_inert(utf8proc_int32_t cp)
{
    return (cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x2010 && cp <= 0x2027) ||
           (cp >= 0x2030 && cp <= 0x205E);
}

/* Whether s[a, b) is unchanged by NFC. */
static int segment_is_nfc(const unsigned char *s, size_t a, size_t b)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map(s + a, (utf8proc_ssize_t)(b - a), &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    int same = n >= 0 && (size_t)n == b - a && memcmp(nfc, s + a, b - a) == 0;
    free(nfc);
    return same;
}

/* NFC is local: no ASCII character ever combines with what comes before
 * it, so a run of non-ASCII characters normalises on its own, together
 * with the one character before it (a letter a mark may compose with). */
int ng_text_is_clean(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if (has_bom(text, len))
        return 0;
    for (size_t i = 0; (i = ascii_run(s, i, len)) < len;) {
        if (s[i] == 0)
            return 0;
        size_t run = i, inert = 1;
        while (i < len && s[i] >= 0x80) {
            utf8proc_int32_t cp;
            size_t n = utf8_valid_len(s + i, len - i);
            if (n == 0)
                return 0;
            utf8proc_iterate(s + i, (utf8proc_ssize_t)n, &cp);
            inert = inert && nfc_inert(cp);
            i += n;
        }
        if (!inert && !segment_is_nfc(s, run > 0 ? run - 1 : 0, i))
            return 0;
    }
    return 1;
}

/* Copies text into a fresh buffer with bad sequences replaced by U+FFFD
 * and NUL bytes dropped. */
static char *repair_utf8(const char *text, size_t len, size_t *out_len, ng_text_report *rep)
{
    const unsigned char *s = (const unsigned char *)text;
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1); /* one bad byte grows to three */
    if (!out)
        return NULL;
    size_t o = 0, i = has_bom(text, len) ? 3 : 0;
    rep->had_bom = i == 3;
    while (i < len) {
        if (s[i] == 0) {
            rep->nul_bytes++;
            i++;
        } else if (s[i] < 0x80) {
            out[o++] = (char)s[i++];
        } else if (o == 0 && len - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) {
            rep->had_bom = 1; /* every leading BOM goes, even after NULs */
            i += 3;
        } else {
            size_t n = utf8_valid_len(s + i, len - i);
            if (n == 0) {
                memcpy(out + o, "\xEF\xBF\xBD", 3);
                o += 3;
                rep->bad_sequences++;
                i++;
            } else {
                memcpy(out + o, s + i, n);
                o += n;
                i += n;
            }
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

ng_status ng_text_clean(const char *text, size_t len, char **out, size_t *out_len,
                        ng_text_report *rep)
{
    ng_text_report local = {0};
    if (!rep)
        rep = &local;
    memset(rep, 0, sizeof *rep);
    *out = NULL;
    *out_len = 0;
    size_t n = 0;
    char *valid = repair_utf8(text, len, &n, rep);
    if (!valid)
        return NG_ENOMEM;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)valid, (utf8proc_ssize_t)n, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) {
        free(valid);
        return m == UTF8PROC_ERROR_NOMEM ? NG_ENOMEM : NG_EINTERNAL;
    }
    rep->normalized = (size_t)m != n || memcmp(nfc, valid, n) != 0;
    free(valid);
    *out = (char *)nfc;
    *out_len = (size_t)m;
    return NG_OK;
}
