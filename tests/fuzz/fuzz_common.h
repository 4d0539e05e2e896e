/* Helpers shared by the fuzz targets: a check that aborts (so libFuzzer
 * keeps the input), a strict UTF-8 validator, a running hash for comparing
 * two runs, and a tiny deterministic generator driven by the input. */
#ifndef NG_FUZZ_COMMON_H
#define NG_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "fuzz check failed %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                  \
        }                                                                             \
    } while (0)

/* 1 when s[0, len) is well-formed UTF-8 (no overlong forms, no surrogates,
 * nothing past U+10FFFF) without NUL bytes. */
static inline int fuzz_utf8_ok(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        size_t n;
        uint32_t cp, min;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        if (len - i < n)
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}

static inline int fuzz_cstr_ok(const char *s)
{
    return s != NULL && fuzz_utf8_ok(s, strlen(s));
}

/* FNV-1a, fed piece by piece. */
static inline uint64_t fuzz_hash(uint64_t h, const void *p, size_t len)
{
    const unsigned char *b = p;
    if (h == 0)
        h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

static inline uint64_t fuzz_hash_str(uint64_t h, const char *s)
{
    /* the NUL too, so that "ab","c" and "a","bc" differ */
    return fuzz_hash(h, s, strlen(s) + 1);
}

/* xorshift64*: chunk sizes and such, from a seed taken from the input. */
static inline uint32_t fuzz_next(uint64_t *state)
{
    uint64_t x = *state ? *state : 0x9E3779B97F4A7C15ull;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return (uint32_t)((x * 2685821657736338717ull) >> 32);
}

#endif
