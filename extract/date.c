/* STUB: the cmd/inputs work replaces this file with the real parser. */
#include <string.h>
#include "ng_date.h"

int ng_date_normalize(const char *s, size_t len, char out[11])
{
    (void)s;
    (void)len;
    out[0] = '\0';
    return -1;
}

int ng_date_find(const char *text, size_t len, char out[11])
{
    (void)text;
    (void)len;
    out[0] = '\0';
    return -1;
}
