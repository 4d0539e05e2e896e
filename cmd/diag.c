#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

/* Under --strict nothing is skipped: the run stops.  Warnings end with
 * "; skipped" or ", skipped" by convention, which is then dropped. */
static void drop_skipped(char *line)
{
    size_t n = strlen(line), k = sizeof "; skipped" - 1;
    if (n >= k && (strcmp(line + n - k, "; skipped") == 0 || strcmp(line + n - k, ", skipped") == 0))
        line[n - k] = '\0';
}

static void emit(ng_diag *d, int strict, const char *fmt, va_list ap)
{
    char line[4096];
    if (!d->out)
        return;
    vsnprintf(line, sizeof line, fmt, ap);
    if (strict)
        drop_skipped(line);
    /* File names and CSV fields may hold newlines or escapes: keep one line. */
    for (char *p = line; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    }
    /* Nothing useful can be done when stderr itself fails. */
    fprintf(d->out, "newsgraph: %s%s\n", line, strict ? " (an error with --strict)" : "");
    fflush(d->out);
}

ng_status ng_diag_error(ng_diag *d, ng_status s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, 0, fmt, ap);
    va_end(ap);
    return s;
}

ng_status ng_diag_warn(ng_diag *d, const char *fmt, ...)
{
    d->warnings++;
    if (d->strict || !d->quiet) {
        va_list ap;
        va_start(ap, fmt);
        emit(d, d->strict, fmt, ap);
        va_end(ap);
    }
    return d->strict ? NG_EINPUT : NG_OK;
}

void ng_diag_note(ng_diag *d, const char *fmt, ...)
{
    if (d->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    emit(d, 0, fmt, ap);
    va_end(ap);
}

int ng_diag_exit_code(ng_status s)
{
    if (s == NG_OK)
        return 0;
    return s == NG_EUSAGE ? 2 : 1;
}
