/* ng_text_is_clean checks NFC a run of non-ASCII characters at a time
 * (text.c); this holds it to the plain definition -- the text is valid
 * UTF-8 without NUL or BOM and utf8proc's NFC of the whole text is the text
 * -- on fixed cases and on many random mixes of characters chosen to
 * compose, reorder and decompose. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ng_text.h"

static int failures;

/* The definition, on the whole text at once. */
static int clean_by_definition(const char *s, size_t len)
{
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        return 0;
    if (memchr(s, 0, len))
        return 0;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    int same = n >= 0 && (size_t)n == len && memcmp(nfc, s, len) == 0;
    free(nfc);
    return same;
}

static void expect(const char *what, const char *s, size_t len, int want)
{
    int got = ng_text_is_clean(s, len);
    if (got != want) {
        printf("FAIL %s: ng_text_is_clean says %d, want %d\n", what, got, want);
        failures++;
    }
}

static void fixed_cases(void)
{
    static const struct {
        const char *what, *text;
        int clean;
    } cases[] = {
        {"ascii", "Talks in Port Elm on Monday.", 1},
        {"precomposed e acute", "Caf\xC3\xA9 talks", 1},
        {"e and a combining acute", "Cafe\xCC\x81 talks", 0},
        {"combining acute at the start", "\xCC\x81" "abc", 1},
        {"curly quotes and a dash", "\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 he said", 1},
        {"a mark after a curly quote", "\xE2\x80\x9D\xCC\x81 x", 1},
        {"angstrom sign (a singleton)", "5 \xE2\x84\xAB long", 0},
        {"en quad (a singleton)", "a\xE2\x80\x80" "b", 0},
        {"marks out of order", "a\xCC\x81\xCC\xA3 b", 0},
        {"marks in order", "a\xCC\xA3\xCC\x81 b", 0}, /* composes to U+1EA1 + acute */
        {"cyrillic short i", "\xD0\xB9 and \xD0\xB8\xCC\x86", 0},
        {"hangul jamo that compose", "\xE1\x84\x80\xE1\x85\xA1 x", 0},
        {"hangul syllable", "\xEA\xB0\x80 x", 1},
        {"no-break space", "10\xC2\xA0km", 1},
        {"invalid byte", "a\xFF" "b", 0},
        {"truncated sequence", "a\xE2\x80", 0},
        {"byte-order mark", "\xEF\xBB\xBFhello", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].text);
        expect(cases[i].what, cases[i].text, len, cases[i].clean);
        if (cases[i].clean != clean_by_definition(cases[i].text, len) &&
            strstr(cases[i].what, "invalid") == NULL && strstr(cases[i].what, "truncated") == NULL) {
            printf("FAIL %s: the expectation disagrees with the definition\n", cases[i].what);
            failures++;
        }
    }
    expect("a NUL byte", "a\0b", 3, 0);
    expect("a NUL after eight ASCII bytes", "abcdefgh\0ij", 11, 0);
}

/* Random texts from pieces that interact under NFC. */
static void random_mixes(void)
{
    static const char *const pieces[] = {
        "a", "e", "E", " ", ".", "abcdefghij", "\xC3\xA9", "\xCC\x81", "\xCC\xA3", "\xCC\x88",
        "\xE2\x80\x99", "\xE2\x80\x94", "\xC2\xA0", "\xE2\x84\xAB", "\xD0\xB8", "\xCC\x86",
        "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEA\xB0\x80", "\xE0\xA4\xA8",
        "\xE0\xA4\xBC", "\xE2\x80\x80", "\xEF\xBC\xA1", "\xC3\x85", "A\xCC\x8A",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    unsigned long long x = 88172645463325252ull; /* xorshift64: the same mixes every run */
    char buf[256];
    for (int round = 0; round < 200000; round++) {
        size_t len = 0;
        int n = 1 + (int)(x % 8);
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const char *p = pieces[x % npieces];
            memcpy(buf + len, p, strlen(p));
            len += strlen(p);
        }
        int want = clean_by_definition(buf, len);
        if (ng_text_is_clean(buf, len) != want) {
            printf("FAIL random mix %d (%zu bytes):", round, len);
            for (size_t i = 0; i < len; i++)
                printf(" %02X", (unsigned char)buf[i]);
            printf(": want %d\n", want);
            if (++failures > 10)
                return;
        }
    }
}

int main(void)
{
    fixed_cases();
    random_mixes();
    if (failures)
        return 1;
    printf("ok\n");
    return 0;
}
