/* From document text to sentences of tokens.
 *
 * 1. Lines are sorted into prose and page furniture (photo credits, bylines,
 *    "Read more" and related-article boxes), from the tables below.
 * 2. Prose lines become regions: each line on its own, or paragraphs when the
 *    text is hard-wrapped (wire copy wraps at about 70 columns).
 * 3. Regions are tokenized; words glued by scraping ("mediabankRussian") are
 *    split where the second part starts a known name.
 * 4. Sentences end at . ! ? unless an abbreviation or an initial precedes,
 *    or the next word does not start a sentence. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "internal.h"

/* Lines that end the article: what follows is a box of other stories. */
static const char *const box_starts[] = {
    "read more", "related", "related articles", "related stories", "related content",
    "related coverage", "related news", "more on this story", "most read", "most popular",
    "recommended", "you may also like", "more from", "trending", "also read",
    "more stories", "latest news", "top stories", "see also",
};

/* Line prefixes of page furniture that is not prose. */
static const char *const furniture_prefixes[] = {
    "\xC2\xA9", "(c) ", "photo:", "photograph:", "image:", "picture:", "credit:",
    "read more", "advertisement", "subscribe", "share this", "follow us", "sign up",
    "click here", "watch:", "listen:", "contribute today",
};

/* Abbreviations after which a period does not end a sentence. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "adm", "gov", "sen", "rep",
    "st", "jr", "sr", "prof", "rev", "hon", "maj", "brig", "cmdr", "cpl", "pvt", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "co", "corp", "ltd", "etc", "approx", "ft", "mt", "fig", "pres", "gens", "messrs",
    "amb", "supt", "insp", "det", "sec",
};

/* Whether a and b can be equal ignoring ASCII case: a cheap first test
 * before strncasecmp, as every line of every document is checked. */
static int same_first_byte(char a, char b)
{
    return (a | 32) == (b | 32);
}

static int in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (len > 0 && same_first_byte(list[i][0], s[0]) && strlen(list[i]) == len &&
            strncasecmp(list[i], s, len) == 0)
            return 1;
    return 0;
}

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
    if (len == 0 || !same_first_byte(s[0], prefix[0]))
        return 0;
    size_t n = strlen(prefix);
    return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* ---- characters --------------------------------------------------- */

static utf8proc_int32_t decode(const char *t, size_t len, size_t i, size_t *n)
{
    if ((unsigned char)t[i] < 0x80) { /* most of the text: no table look-up */
        *n = 1;
        return (unsigned char)t[i];
    }
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    *n = r > 0 ? (size_t)r : 1;
    return r > 0 ? cp : 0xFFFD;
}

static int is_space_cp(utf8proc_int32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c < 0x80)
        return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || c == 0x200B || c == 0xFEFF;
}

static int is_letter_cp(utf8proc_int32_t c)
{
    if (c < 0x80)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    utf8proc_category_t cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

static int is_digit_cp(utf8proc_int32_t c)
{
    return c >= '0' && c <= '9';
}

static int is_upper_cp(utf8proc_int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static int is_apostrophe(utf8proc_int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

/* ---- normalisation ------------------------------------------------ */

/* Cyrillic and Greek letters that look like Latin ones, as scraped names mix
 * them in ("Sergeн"); only applied inside words that also hold Latin letters. */
static const struct { utf8proc_int32_t from; char to; } lookalikes[] = {
    {0x0430, 'a'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'},
    {0x043D, 'h'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'},
    {0x0443, 'y'}, {0x0445, 'x'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x0455, 's'},
    {0x0410, 'a'}, {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'},
    {0x041D, 'h'}, {0x041E, 'o'}, {0x0420, 'p'}, {0x0421, 'c'}, {0x0422, 't'},
    {0x0423, 'y'}, {0x0425, 'x'}, {0x0406, 'i'}, {0x03BF, 'o'}, {0x039F, 'o'},
    {0x03B1, 'a'}, {0x0391, 'a'}, {0x0395, 'e'}, {0x0397, 'h'}, {0x0399, 'i'},
    {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'}, {0x03A1, 'p'}, {0x03A4, 't'},
    {0x03A7, 'x'}, {0x03A5, 'y'}, {0x0396, 'z'},
};

static int lookalike(utf8proc_int32_t c)
{
    for (size_t i = 0; i < sizeof lookalikes / sizeof lookalikes[0]; i++)
        if (lookalikes[i].from == c)
            return lookalikes[i].to;
    return 0;
}

static int has_latin(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z')
            return 1;
    return 0;
}

/* Folds case, strips accents, maps look-alikes and curly apostrophes. */
const char *ng_norm_word(ng_arena *a, const char *s, size_t n, uint32_t *out_len, int *mixed)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        ascii &= (unsigned char)s[i] < 0x80;
    if (mixed)
        *mixed = 0;
    if (ascii) {
        char *o = ng_arena_alloc(a, n + 1);
        if (!o)
            return NULL;
        for (size_t i = 0; i < n; i++)
            o[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
        o[n] = '\0';
        *out_len = (uint32_t)n;
        return o;
    }
    /* Rewrite look-alikes and apostrophes first, then let utf8proc fold. */
    char *tmp = ng_arena_alloc(a, n + 1);
    if (!tmp)
        return NULL;
    size_t t = 0;
    int latin = has_latin(s, n);
    for (size_t i = 0; i < n;) {
        size_t k;
        utf8proc_int32_t c = decode(s, n, i, &k);
        int l = latin ? lookalike(c) : 0;
        if (l) {
            tmp[t++] = (char)l;
            if (mixed)
                *mixed = 1;
        } else if (is_apostrophe(c)) {
            tmp[t++] = '\'';
        } else {
            memcpy(tmp + t, s + i, k);
            t += k;
        }
        i += k;
    }
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)t, &folded,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK);
    if (m < 0) { /* cannot happen on clean text; keep the raw bytes */
        *out_len = (uint32_t)t;
        tmp[t] = '\0';
        return tmp;
    }
    char *o = ng_arena_strndup(a, (const char *)folded, (size_t)m);
    free(folded);
    *out_len = (uint32_t)m;
    return o;
}

/* ---- tokens ------------------------------------------------------- */

/* Eight bytes at a time (SWAR): 0x80 in each byte of w, all ASCII, that
 * lies in [lo, hi].  No byte carries into the next: every byte of w and
 * of the constants is below 0x80. */
enum { SWAR_ONES = 0x01010101, SWAR_HIGH = 0x80808080 };
#define SWAR_ONES64 ((uint64_t)SWAR_ONES << 32 | SWAR_ONES)
#define SWAR_HIGH64 ((uint64_t)SWAR_HIGH << 32 | SWAR_HIGH)

static inline uint64_t swar_in_range(uint64_t w, unsigned lo, unsigned hi)
{
    uint64_t at_least_lo = w + SWAR_ONES64 * (0x80 - lo);
    uint64_t above_hi = w + SWAR_ONES64 * (0x7F - hi);
    return at_least_lo & ~above_hi & SWAR_HIGH64;
}

static inline unsigned swar_count(uint64_t marks)
{
    return (unsigned)(((marks >> 7) * SWAR_ONES64) >> 56);
}

/* The k (1 to 8) bytes at p as the low bytes of a word, the rest zero; it
 * reads 8 bytes when the text has them. */
static inline uint64_t load_chunk(const char *p, size_t k, const char *text_end)
{
    uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (text_end - p >= 8) {
        memcpy(&w, p, 8);
        return k >= 8 ? w : w & ((UINT64_C(1) << (8 * k)) - 1);
    }
#else
    (void)text_end;
#endif
    memcpy(&w, p, k);
    return w;
}


typedef struct {
    const struct ng_knowledge *k;
    const char *text;
    size_t len;
    ng_arena *arena;
    ng_tokens *out;
} tokenizer;

/* An ASCII word 8 bytes at a time: its lower-case norm, hash (ng_hash of
 * the norm) and TOK_* flags.  Returns 0 when the word is not ASCII (or
 * NG_ENOMEM in *st). */
static int ascii_word(tokenizer *tz, const char *s, size_t n, ng_token *t, ng_status *st)
{
    /* whole chunks are stored; the last one ends with the NUL */
    char *o = ng_arena_alloc(tz->arena, (n / 8 + 1) * 8);
    if (!o) {
        *st = NG_ENOMEM;
        return 1;
    }
    uint64_t h = ng_hash_begin(n);
    unsigned letters = 0, upper = 0;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = load_chunk(s + i, n - i, tz->text + tz->len);
        if (w & SWAR_HIGH64)
            return 0; /* not ASCII: the bytes stay unused in the arena */
        uint64_t up = swar_in_range(w, 'A', 'Z');
        w |= up >> 2; /* 'A' + 0x20 = 'a' */
        upper += swar_count(up);
        letters += swar_count(swar_in_range(w, 'a', 'z'));
        memcpy(o + i, &w, 8);
        h = ng_hash_chunk(h, w);
    }
    o[n] = '\0';
    t->norm = o;
    t->norm_len = (uint32_t)n;
    t->hash = ng_hash_end(h);
    unsigned char c0 = (unsigned char)s[0];
    if (c0 >= 'A' && c0 <= 'Z')
        t->flags |= TOK_CAP;
    else if (c0 >= '0' && c0 <= '9')
        t->flags |= TOK_DIGIT;
    if (letters >= 2 && upper == letters)
        t->flags |= TOK_ALLCAP;
    return 1;
}

/* Norm, hash and TOK_* flags of a word with non-ASCII letters. */
static ng_status unicode_word(tokenizer *tz, size_t start, size_t end, ng_token *t)
{
    int mixed = 0;
    t->norm = ng_norm_word(tz->arena, tz->text + start, end - start, &t->norm_len, &mixed);
    if (!t->norm)
        return NG_ENOMEM;
    if (mixed)
        t->flags |= TOK_MIXED;
    t->hash = ng_hash(t->norm, t->norm_len);
    size_t n;
    utf8proc_int32_t c = decode(tz->text, end, start, &n);
    if (is_upper_cp(c))
        t->flags |= TOK_CAP;
    else if (is_digit_cp(c))
        t->flags |= TOK_DIGIT;
    int letters = 0, upper = 0;
    for (size_t i = start; i < end; i += n) {
        c = decode(tz->text, end, i, &n);
        letters += is_letter_cp(c);
        upper += is_upper_cp(c);
    }
    if (letters >= 2 && upper == letters)
        t->flags |= TOK_ALLCAP;
    return NG_OK;
}

/* Norm and hash of punctuation (a curly apostrophe becomes '). */
static ng_status punct_token(tokenizer *tz, size_t start, size_t end, ng_token *t)
{
    t->norm = ng_norm_word(tz->arena, tz->text + start, end - start, &t->norm_len, NULL);
    if (!t->norm)
        return NG_ENOMEM;
    t->hash = ng_hash(t->norm, t->norm_len);
    return NG_OK;
}

static ng_status push_token(tokenizer *tz, size_t start, size_t end, uint32_t flags)
{
    ng_token t = {.start = (uint32_t)start, .end = (uint32_t)end, .flags = flags};
    ng_status st = NG_OK;
    if (!(flags & TOK_WORD))
        st = punct_token(tz, start, end, &t);
    else if (!ascii_word(tz, tz->text + start, end - start, &t, &st))
        st = unicode_word(tz, start, end, &t);
    if (st)
        return st;
    intptr_t bits;
    if (tz->k && ng_strmap_get_h(&tz->k->starts_map, t.norm, t.norm_len, t.hash, &bits)) {
        t.starts = (uint32_t)bits;
        t.wclass = (uint32_t)((uint64_t)bits >> WCLASS_SHIFT);
    }
    return NG_PUSH(tz->out->toks, tz->out->ntoks, tz->out->cap_toks, t) ? NG_ENOMEM : NG_OK;
}

/* "U.S.", "a.m.": single letters joined by periods. */
static size_t abbreviation_end(const char *t, size_t len, size_t i)
{
    size_t j = i;
    int groups = 0;
    while (j + 1 < len && ((unsigned char)t[j] | 32) >= 'a' && ((unsigned char)t[j] | 32) <= 'z' &&
           t[j + 1] == '.') {
        j += 2;
        groups++;
    }
    return groups >= 2 ? j : 0;
}

/* Where a word glued by scraping splits: a lower-case letter followed by a
 * capital that starts a known name. Returns the split offset or 0.  camel
 * is the first such pair scan_word saw (0: none, so no split). */
static size_t glue_split(tokenizer *tz, size_t start, size_t end, size_t camel)
{
    if (!tz->k || camel == 0)
        return 0;
    for (size_t i = camel; i < end; i++) {
        unsigned char a = (unsigned char)tz->text[i - 1], b = (unsigned char)tz->text[i];
        if (!(a >= 'a' && a <= 'z' && b >= 'A' && b <= 'Z'))
            continue;
        char buf[64];
        size_t n = end - i < sizeof buf ? end - i : sizeof buf - 1;
        for (size_t j = 0; j < n; j++)
            buf[j] = (char)(tz->text[i + j] >= 'A' && tz->text[i + j] <= 'Z' ? tz->text[i + j] + 32
                                                                              : tz->text[i + j]);
        if (i - start >= 3 && ng_strmap_get(&tz->k->first_words, buf, n, NULL))
            return i;
    }
    return 0;
}

/* ASCII letters and digits, the bulk of every word: no decoding. */
static int ascii_alnum(unsigned char c)
{
    return (unsigned char)((c | 32) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* The end of the word at i; *camel: where its first ASCII lower-case
 * letter followed by a capital is (the capital's offset), or 0. */
static size_t scan_word(const char *t, size_t len, size_t i, size_t *camel)
{
    size_t n, start = i;
    *camel = 0;
    while (i < len) {
        unsigned char b = (unsigned char)t[i];
        if (ascii_alnum(b)) {
            if (b >= 'A' && b <= 'Z' && *camel == 0 && i > start && t[i - 1] >= 'a' &&
                t[i - 1] <= 'z')
                *camel = i;
            i++;
            continue;
        }
        utf8proc_int32_t c = decode(t, len, i, &n);
        if (is_letter_cp(c) || is_digit_cp(c)) {
            if (c >= 'A' && c <= 'Z' && *camel == 0 && i > start && t[i - 1] >= 'a' &&
                t[i - 1] <= 'z')
                *camel = i;
            i += n;
            continue;
        }
        /* an apostrophe inside a word (O'Brien), but not a possessive 's */
        if (is_apostrophe(c) && i + n < len) {
            size_t m;
            utf8proc_int32_t d = decode(t, len, i + n, &m);
            int possessive = (d == 's' || d == 'S') &&
                             (i + n + m >= len || !is_letter_cp(decode(t, len, i + n + m, &m)));
            if (is_letter_cp(d) && !possessive) {
                i += n;
                continue;
            }
        }
        /* digits with separators: 1,000 and 3.5 */
        if ((c == ',' || c == '.') && i > 0 && is_digit_cp((unsigned char)t[i - 1]) &&
            i + 1 < len && is_digit_cp((unsigned char)t[i + 1])) {
            i += 1;
            continue;
        }
        break;
    }
    return i;
}

static ng_status tokenize_region(tokenizer *tz, size_t a, size_t b)
{
    const char *t = tz->text;
    uint32_t glued = 0;
    for (size_t i = a; i < b;) {
        size_t n;
        utf8proc_int32_t c = decode(t, b, i, &n);
        if (is_space_cp(c)) {
            i += n;
            glued = 0;
            continue;
        }
        ng_status st;
        size_t end;
        if ((end = abbreviation_end(t, b, i)) != 0) {
            st = push_token(tz, i, end, TOK_WORD | glued);
        } else if (is_letter_cp(c) || is_digit_cp(c)) {
            size_t camel;
            end = scan_word(t, b, i, &camel);
            size_t split = glue_split(tz, i, end, camel);
            if (split) {
                if ((st = push_token(tz, i, split, TOK_WORD | glued)))
                    return st;
                st = push_token(tz, split, end, TOK_WORD | TOK_GLUED);
            } else {
                st = push_token(tz, i, end, TOK_WORD | glued);
            }
        } else if (is_apostrophe(c) && i + n < b && (t[i + n] == 's' || t[i + n] == 'S') &&
                   (i + n + 1 >= b || !is_letter_cp(decode(t, b, i + n + 1, &end)))) {
            end = i + n + 1; /* possessive 's */
            st = push_token(tz, i, end, TOK_WORD | glued);
        } else {
            end = i + n;
            st = push_token(tz, i, end, TOK_PUNCT | glued);
        }
        if (st)
            return st;
        i = end;
        glued = TOK_GLUED;
    }
    return NG_OK;
}

/* ---- sentences ---------------------------------------------------- */

static int is_terminal(const ng_token *t)
{
    return (t->flags & TOK_PUNCT) && t->norm_len == 1 &&
           (t->norm[0] == '.' || t->norm[0] == '!' || t->norm[0] == '?');
}

static int is_closer(const ng_token *t)
{
    if (!(t->flags & TOK_PUNCT))
        return 0;
    const char *s = t->norm;
    return strcmp(s, "\"") == 0 || strcmp(s, "'") == 0 || strcmp(s, ")") == 0 ||
           strcmp(s, "]") == 0 || strcmp(s, "\xE2\x80\x9D") == 0 || strcmp(s, "\xC2\xBB") == 0;
}

static int starts_sentence(const ng_token *t)
{
    if (t->flags & (TOK_CAP | TOK_DIGIT))
        return 1;
    if (!(t->flags & TOK_PUNCT))
        return 0;
    const char *s = t->norm;
    return strcmp(s, "\"") == 0 || strcmp(s, "'") == 0 || strcmp(s, "(") == 0 ||
           strcmp(s, "\xE2\x80\x9C") == 0 || strcmp(s, "\xC2\xAB") == 0 || strcmp(s, "[") == 0;
}

/* A period after "Mr" or after an initial ("George W. Bush") does not end
 * the sentence. */
static int period_after_abbreviation(const ng_token *toks, size_t i, size_t begin)
{
    if (i == begin || toks[i].norm[0] != '.' || (toks[i].flags & TOK_GLUED) == 0)
        return 0;
    const ng_token *w = &toks[i - 1];
    if (!(w->flags & TOK_WORD))
        return 0;
    if (w->norm_len == 1 && (w->flags & TOK_CAP))
        return 1;
    return in_list(abbreviations, sizeof abbreviations / sizeof abbreviations[0], w->norm,
                   w->norm_len);
}

static ng_status add_sentence(ng_tokens *out, size_t tb, size_t te)
{
    if (te <= tb)
        return NG_OK;
    out->toks[tb].flags |= TOK_FIRST;
    ng_sentence s = {.start = out->toks[tb].start, .end = out->toks[te - 1].end,
                     .tok_begin = (uint32_t)tb, .tok_end = (uint32_t)te};
    return NG_PUSH(out->sents, out->nsents, out->cap_sents, s) ? NG_ENOMEM : NG_OK;
}

static ng_status split_sentences(ng_tokens *out, size_t tb, size_t te)
{
    size_t begin = tb;
    for (size_t i = tb; i < te; i++) {
        if (!is_terminal(&out->toks[i]) || period_after_abbreviation(out->toks, i, begin))
            continue;
        size_t end = i + 1;
        while (end < te && (is_terminal(&out->toks[end]) || is_closer(&out->toks[end])))
            end++;
        if (end < te && !starts_sentence(&out->toks[end]))
            continue;
        ng_status st = add_sentence(out, begin, end);
        if (st)
            return st;
        begin = end;
        i = end - 1;
    }
    return add_sentence(out, begin, te);
}

/* ---- lines and regions -------------------------------------------- */

typedef struct {
    size_t start, end; /* without the newline and surrounding blanks */
} line_span;

static void trim(const char *t, size_t *a, size_t *b)
{
    while (*a < *b && (t[*a] == ' ' || t[*a] == '\t' || t[*a] == '\r'))
        (*a)++;
    while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '\t' || t[*b - 1] == '\r'))
        (*b)--;
}

static int is_box_start(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
        n--;
    return in_list(box_starts, sizeof box_starts / sizeof box_starts[0], s, n);
}

static int is_byline(const char *s, size_t n)
{
    return n < 100 && starts_with_ci(s, n, "by ") && n > 3 && s[3] >= 'A' && s[3] <= 'Z';
}

static int is_furniture(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof furniture_prefixes / sizeof furniture_prefixes[0]; i++)
        if (starts_with_ci(s, n, furniture_prefixes[i]))
            return 1;
    return is_byline(s, n);
}

/* Hard-wrapped text (wire copy) has many lines of similar width that do not
 * end a sentence; such paragraphs are joined. */
static int looks_wrapped(const char *t, const line_span *lines, size_t n)
{
    size_t candidates = 0, wrapped = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        size_t w = lines[i].end - lines[i].start;
        if (w == 0 || lines[i + 1].end == lines[i + 1].start)
            continue;
        candidates++;
        char last = t[lines[i].end - 1];
        if (w >= 45 && w <= 90 && last != '.' && last != '!' && last != '?' && last != '"' &&
            last != ':')
            wrapped++;
    }
    return candidates >= 3 && wrapped * 2 >= candidates;
}

/* Where the prose of a line starts: after a credit that runs into a glued
 * caption ("(c) Agency / Go to the mediabankRussian President ..."). */
static size_t furniture_prose_start(tokenizer *tz, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        size_t n;
        utf8proc_int32_t c = decode(tz->text, b, i, &n);
        if (is_letter_cp(c)) {
            size_t camel;
            size_t end = scan_word(tz->text, b, i, &camel);
            size_t split = glue_split(tz, i, end, camel);
            if (split)
                return split;
            i = end;
        } else {
            i += n;
        }
    }
    return b;
}

/* Cuts a trailing photo credit: "... Credit: Agency", "... Photo: Agency".
 * Only colons are candidates, so the scan costs one memchr per line. */
static size_t cut_credit(const char *t, size_t a, size_t b)
{
    static const char *const marks[] = {"photo credit", "image credit", "credit", "photo"};
    for (const char *c = t + a; (c = memchr(c, ':', (size_t)(t + b - c))) != NULL; c++) {
        size_t at = (size_t)(c - t);
        for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
            size_t k = strlen(marks[m]);
            if (at - a >= k && strncasecmp(t + at - k, marks[m], k) == 0 &&
                (at - k == a || t[at - k - 1] == ' '))
                return at - k;
        }
    }
    return b;
}

static ng_status collect_lines(const char *t, size_t len, line_span **lines, size_t *n)
{
    size_t cap = 0;
    *lines = NULL;
    *n = 0;
    for (size_t i = 0; i <= len;) {
        const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - t) : len;
        line_span l = {i, e};
        trim(t, &l.start, &l.end);
        if (NG_PUSH(*lines, *n, cap, l))
            return NG_ENOMEM;
        if (!nl)
            break;
        i = e + 1;
    }
    return NG_OK;
}

static ng_status region(tokenizer *tz, size_t a, size_t b)
{
    size_t tb = tz->out->ntoks;
    ng_status st = tokenize_region(tz, a, b);
    if (st)
        return st;
    return split_sentences(tz->out, tb, tz->out->ntoks);
}

ng_status ng_tokenize(const struct ng_knowledge *k, const char *text, size_t len,
                      ng_arena *arena, ng_tokens *out)
{
    tokenizer tz = {k, text, len, arena, out};
    out->ntoks = out->nsents = 0;
    line_span *lines = NULL;
    size_t n = 0;
    ng_status st = collect_lines(text, len, &lines, &n);
    if (st)
        goto fail;
    int wrapped = looks_wrapped(text, lines, n);
    size_t para = SIZE_MAX; /* start of the open paragraph (wrapped text) */
    size_t para_end = 0;
    for (size_t i = 0; i < n && !st; i++) {
        size_t a = lines[i].start, b = lines[i].end;
        if (a == b || is_box_start(text + a, b - a) || is_furniture(text + a, b - a)) {
            if (para != SIZE_MAX)
                st = region(&tz, para, para_end);
            para = SIZE_MAX;
            if (a != b && is_box_start(text + a, b - a))
                break;
            if (a != b && (starts_with_ci(text + a, b - a, "\xC2\xA9") ||
                           starts_with_ci(text + a, b - a, "(c) "))) {
                size_t p = furniture_prose_start(&tz, a, b);
                if (p < b && !st)
                    st = region(&tz, p, cut_credit(text, p, b));
            }
            continue;
        }
        b = cut_credit(text, a, b);
        if (!wrapped) {
            st = region(&tz, a, b);
        } else {
            if (para == SIZE_MAX)
                para = a;
            para_end = b;
        }
    }
    if (!st && para != SIZE_MAX)
        st = region(&tz, para, para_end);
fail:
    free(lines);
    return st;
}

void ng_tokens_free(ng_tokens *t)
{
    free(t->toks);
    free(t->sents);
    t->toks = NULL;
    t->sents = NULL;
    t->ntoks = t->nsents = t->cap_toks = t->cap_sents = 0;
}

size_t ng_key_prefixes(const ng_token *toks, size_t i, size_t max, ng_prefixes *p)
{
    size_t o = 0, n;
    for (n = 0; n < max && n < NG_MAX_PREFIX; n++) {
        const ng_token *t = &toks[i + n];
        if (o + t->norm_len + 1 >= sizeof p->buf)
            break;
        if (n)
            p->buf[o++] = ' ';
        memcpy(p->buf + o, t->norm, t->norm_len);
        o += t->norm_len;
        p->len[n] = o;
        p->hash[n] = n ? ng_hash(p->buf, o) : t->hash;
    }
    p->count = n;
    return n;
}

size_t ng_longest_key(const ng_strmap *m, const ng_token *toks, size_t i, size_t max,
                      intptr_t *value)
{
    if (max == 1) /* most words start phrases of one word: no key to build */
        return (size_t)ng_strmap_get_h(m, toks[i].norm, toks[i].norm_len, toks[i].hash, value);
    ng_prefixes p;
    for (size_t n = ng_key_prefixes(toks, i, max, &p); n > 0; n--)
        if (ng_prefix_get(m, &p, n, value))
            return n;
    return 0;
}

int ng_prefix_get(const ng_strmap *m, const ng_prefixes *p, size_t n, intptr_t *value)
{
    return n >= 1 && n <= p->count && ng_strmap_get_h(m, p->buf, p->len[n - 1], p->hash[n - 1], value);
}

int ng_lookup_tokens(const ng_strmap *m, const ng_token *toks, size_t i, size_t n,
                     intptr_t *value, char *buf, size_t bufsize)
{
    if (n == 1)
        return ng_strmap_get_h(m, toks[i].norm, toks[i].norm_len, toks[i].hash, value);
    size_t o = 0;
    for (size_t j = 0; j < n; j++) {
        const ng_token *t = &toks[i + j];
        if (o + t->norm_len + 1 >= bufsize)
            return 0;
        if (j)
            buf[o++] = ' ';
        memcpy(buf + o, t->norm, t->norm_len);
        o += t->norm_len;
    }
    return ng_strmap_get(m, buf, o, value);
}

const char *ng_phrase_key(ng_arena *a, const char *text, size_t len, size_t *ntokens,
                          size_t *key_len)
{
    ng_tokens toks = {0};
    tokenizer tz = {NULL, text, len, a, &toks};
    const char *key = NULL;
    if (tokenize_region(&tz, 0, len) == NG_OK) {
        size_t total = 0;
        for (size_t i = 0; i < toks.ntoks; i++)
            total += toks.toks[i].norm_len + 1;
        char *k = ng_arena_alloc(a, total + 1);
        if (k) {
            size_t o = 0;
            for (size_t i = 0; i < toks.ntoks; i++) {
                if (i)
                    k[o++] = ' ';
                memcpy(k + o, toks.toks[i].norm, toks.toks[i].norm_len);
                o += toks.toks[i].norm_len;
            }
            k[o] = '\0';
            *key_len = o;
            *ntokens = toks.ntoks;
            key = k;
        }
    }
    ng_tokens_free(&toks);
    return key;
}
