/* Dates as news writes them -> ISO 8601.
 *
 * The parser looks at the text token by token (a token is a maximal run of
 * digits or of letters) and tries four shapes at every token start:
 *
 *   Y-M-D    2023-04-17, 2023/04/17, 2023.04.17, 2023-04-17T10:00:00Z
 *   D.M.Y    18.04.2023                       (dots only: 04/05/2023 is
 *                                               ambiguous between US and EU)
 *   D Mon Y  17 April 2023, 11-MAR-1987, Mon, 17 Apr 2023, 1st May 2023
 *   Mon D Y  April 17, 2023, Apr 17 2023, Sept. 1st 2023
 *
 * The first shape that names a real calendar day wins; everything around it
 * (weekday, time, zone, words) is ignored.  Years are four digits, 1..9999:
 * two-digit years are too ambiguous to guess. */
#include <string.h>

#include "ng_date.h"

/* How far ng_date_find looks: datelines and bylines sit in the first few
 * short lines; a long line is body text, where dates are about events. */
enum { FIND_MAX_LINES = 8, FIND_MAX_LINE_LEN = 200, FIND_MAX_BYTES = 4096 };

typedef struct {
    const char *s;
    size_t len;
} span;

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static int at(span t, size_t i) { return i < t.len ? (unsigned char)t.s[i] : -1; }

/* strchr() also "finds" the terminating NUL: a NUL byte in the text must not
 * count as a member of the set. */
static int in_set(const char *set, int c) { return c > 0 && strchr(set, c) != NULL; }

/* Reads the digit run starting at *i (at most 9 digits kept); returns its
 * length, 0 when there is none. */
static size_t read_num(span t, size_t *i, int *val)
{
    size_t start = *i;
    int v = 0;
    while (is_digit(at(t, *i))) {
        if (*i - start < 9)
            v = v * 10 + (at(t, *i) - '0');
        (*i)++;
    }
    *val = v;
    return *i - start;
}

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
};

/* 1..12 when the letter run at *i is a month name or its three-letter (or
 * "sept") abbreviation, else 0.  Advances *i past the run either way. */
static int read_month(span t, size_t *i)
{
    size_t start = *i;
    while (is_alpha(at(t, *i)))
        (*i)++;
    size_t n = *i - start;
    char w[10];
    if (n < 3 || n > 9)
        return 0;
    for (size_t k = 0; k < n; k++)
        w[k] = (char)lower(t.s[start + k]);
    w[n] = '\0';
    for (int m = 0; m < 12; m++) {
        if (strcmp(w, month_names[m]) == 0 || (n == 3 && strncmp(w, month_names[m], 3) == 0))
            return m + 1;
    }
    return strcmp(w, "sept") == 0 ? 9 : 0;
}

/* Skips an English ordinal suffix right after a day number: 1st, 22nd, 3rd, 17th. */
static void skip_ordinal(span t, size_t *i)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th"};
    for (size_t k = 0; k < 4; k++) {
        if (lower(at(t, *i)) == suffixes[k][0] && lower(at(t, *i + 1)) == suffixes[k][1] &&
            !is_alpha(at(t, *i + 2))) {
            *i += 2;
            return;
        }
    }
}

/* Skips 1..4 separator characters between date parts ("17 Apr", "11-MAR-",
 * "April 17, 2023", "Apr. 17"); returns 0 when there is none. */
static int skip_seps(span t, size_t *i)
{
    size_t start = *i;
    while (*i - start < 4 && in_set(" \t-.,/", at(t, *i)))
        (*i)++;
    return *i > start;
}

static int valid_day(int y, int m, int d)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* Y-M-D with '-', '/' or '.', the same separator twice. */
static int match_ymd(span t, size_t i, int *y, int *m, int *d)
{
    if (read_num(t, &i, y) != 4)
        return 0;
    int sep = at(t, i);
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    i++;
    size_t n = read_num(t, &i, m);
    if (n < 1 || n > 2 || at(t, i) != sep)
        return 0;
    i++;
    n = read_num(t, &i, d);
    return n >= 1 && n <= 2;
}

/* D.M.Y, the European numeric form. */
static int match_dmy(span t, size_t i, int *y, int *m, int *d)
{
    size_t n = read_num(t, &i, d);
    if (n < 1 || n > 2 || at(t, i) != '.')
        return 0;
    i++;
    n = read_num(t, &i, m);
    if (n < 1 || n > 2 || at(t, i) != '.')
        return 0;
    i++;
    return read_num(t, &i, y) == 4;
}

/* "17 April 2023", "11-MAR-1987", "1st of May, 2023". */
static int match_d_month_y(span t, size_t i, int *y, int *m, int *d)
{
    size_t n = read_num(t, &i, d);
    if (n < 1 || n > 2)
        return 0;
    skip_ordinal(t, &i);
    if (!skip_seps(t, &i))
        return 0;
    if (lower(at(t, i)) == 'o' && lower(at(t, i + 1)) == 'f' && at(t, i + 2) == ' ')
        i += 3;
    if ((*m = read_month(t, &i)) == 0 || !skip_seps(t, &i))
        return 0;
    return read_num(t, &i, y) == 4;
}

/* "April 17, 2023", "Apr 17 2023", "Sept. 1st 2023". */
static int match_month_d_y(span t, size_t i, int *y, int *m, int *d)
{
    if ((*m = read_month(t, &i)) == 0 || !skip_seps(t, &i))
        return 0;
    size_t n = read_num(t, &i, d);
    if (n < 1 || n > 2)
        return 0;
    skip_ordinal(t, &i);
    if (!skip_seps(t, &i))
        return 0;
    return read_num(t, &i, y) == 4;
}

static int match_at(span t, size_t i, int *y, int *m, int *d)
{
    if (is_digit(at(t, i)))
        return (match_ymd(t, i, y, m, d) && valid_day(*y, *m, *d)) ||
               (match_dmy(t, i, y, m, d) && valid_day(*y, *m, *d)) ||
               (match_d_month_y(t, i, y, m, d) && valid_day(*y, *m, *d));
    return match_month_d_y(t, i, y, m, d) && valid_day(*y, *m, *d);
}

static void write_iso(int y, int m, int d, char out[11])
{
    int v[3] = {y, m, d}, w[3] = {4, 2, 2};
    char *p = out;
    for (int k = 0; k < 3; k++) {
        for (int j = w[k] - 1; j >= 0; j--) {
            p[j] = (char)('0' + v[k] % 10);
            v[k] /= 10;
        }
        p += w[k];
        if (k < 2)
            *p++ = '-';
    }
    *p = '\0';
}

int ng_date_normalize(const char *s, size_t len, char out[11])
{
    span t = {s, s ? len : 0};
    out[0] = '\0';
    for (size_t i = 0; i < t.len; i++) {
        int c = at(t, i), prev = i > 0 ? at(t, i - 1) : -1;
        int starts = (is_digit(c) && !is_digit(prev)) || (is_alpha(c) && !is_alpha(prev));
        int y, m, d;
        if (starts && match_at(t, i, &y, &m, &d)) {
            write_iso(y, m, d, out);
            return 0;
        }
    }
    return -1;
}

static size_t line_end(span t, size_t i)
{
    const char *nl = memchr(t.s + i, '\n', t.len - i);
    return nl ? (size_t)(nl - t.s) : t.len;
}

/* The "date 2023-04-17" header some collections put on the first line. */
static int leading_date_line(span t, char out[11])
{
    size_t i = 0;
    if (t.len >= 3 && memcmp(t.s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (in_set(" \t\r\n", at(t, i)))
        i++;
    if (t.len - i < 5 || !in_set(" \t:", at(t, i + 4)))
        return -1;
    for (size_t k = 0; k < 4; k++) {
        if (lower(at(t, i + k)) != "date"[k])
            return -1;
    }
    i += 4;
    size_t end = line_end(t, i);
    return ng_date_normalize(t.s + i, end - i, out);
}

int ng_date_find(const char *text, size_t len, char out[11])
{
    span t = {text, text ? len : 0};
    out[0] = '\0';
    if (t.len > FIND_MAX_BYTES)
        t.len = FIND_MAX_BYTES;
    if (leading_date_line(t, out) == 0)
        return 0;
    int lines = 0;
    for (size_t i = 0; i < t.len && lines < FIND_MAX_LINES;) {
        size_t end = line_end(t, i);
        int blank = 1;
        for (size_t k = i; k < end && blank; k++)
            blank = in_set(" \t\r", at(t, k));
        if (!blank) {
            lines++;
            if (end - i <= FIND_MAX_LINE_LEN && ng_date_normalize(t.s + i, end - i, out) == 0)
                return 0;
        }
        i = end + 1;
    }
    out[0] = '\0';
    return -1;
}
