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

int ng_text_is_clean(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    int ascii = 1;
    if (has_bom(text, len))
        return 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == 0)
            return 0;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_valid_len(s + i, len - i);
        if (n == 0)
            return 0;
        ascii = 0;
        i += n;
    }
    if (ascii)
        return 1;
    /* Valid UTF-8 with non-ASCII letters: clean only if already NFC. */
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    int same = n >= 0 && (size_t)n == len && memcmp(nfc, text, len) == 0;
    free(nfc);
    return same;
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
