#include <string.h>

#include "csvwrite.h"

int ng_csvw_header(FILE *f)
{
    return fputs(NG_TRIPLE_CSV_HEADER, f) < 0 || putc('\n', f) == EOF ? -1 : 0;
}

/* A field is quoted only when it holds a comma, a quote, CR or LF; quotes
 * inside are doubled.  Plain fields (almost all) are one fwrite. */
int ng_csvw_field(FILE *f, const char *s, size_t len)
{
    int plain = 1;
    for (size_t i = 0; i < len && plain; i++)
        plain = !strchr(",\"\r\n", s[i]) || s[i] == '\0';
    if (plain)
        return len && fwrite(s, 1, len, f) != len ? -1 : 0;
    if (putc('"', f) == EOF)
        return -1;
    for (size_t i = 0; i < len;) {
        const char *q = memchr(s + i, '"', len - i);
        size_t run = q ? (size_t)(q - (s + i)) + 1 : len - i;
        if (fwrite(s + i, 1, run, f) != run || (q && putc('"', f) == EOF))
            return -1;
        i += run;
    }
    return putc('"', f) == EOF ? -1 : 0;
}

static int str_field(FILE *f, const char *s, int last)
{
    if (!s)
        s = "";
    return ng_csvw_field(f, s, strlen(s)) || putc(last ? '\n' : ',', f) == EOF ? -1 : 0;
}

static int num_field(FILE *f, size_t n)
{
    return fprintf(f, "%zu,", n) < 0 ? -1 : 0;
}

int ng_csvw_triple(FILE *f, const ng_triple *t)
{
    const char *front[] = {t->doc, t->date, t->subject, t->subject_type, t->relation,
                           t->object, t->object_type, ng_modality_name(t->modality)};
    for (size_t i = 0; i < sizeof front / sizeof front[0]; i++) {
        if (str_field(f, front[i], 0))
            return -1;
    }
    if (num_field(f, t->sentence) || num_field(f, t->start) || num_field(f, t->end) ||
        str_field(f, t->rule, 0))
        return -1;
    if (ng_csvw_field(f, t->evidence ? t->evidence : "", t->evidence ? t->evidence_len : 0))
        return -1;
    return putc('\n', f) == EOF ? -1 : 0;
}
