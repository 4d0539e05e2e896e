/* A growable byte buffer.  Writers build a line (or a node) in it, then
 * write it with one checked fwrite: fast, and every write is checked. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ng_graph_i.h"

ng_status ng_i_buf_reserve(ng_i_buf *b, size_t extra)
{
    if (b->cap - b->len > extra)
        return NG_OK;
    if (extra > SIZE_MAX / 2 - b->len)
        return NG_ENOMEM;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return NG_ENOMEM;
    b->data = p;
    b->cap = cap;
    return NG_OK;
}

ng_status ng_i_buf_add(ng_i_buf *b, const char *s, size_t len)
{
    ng_status st = ng_i_buf_reserve(b, len);
    if (st != NG_OK)
        return st;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return NG_OK;
}

ng_status ng_i_buf_adds(ng_i_buf *b, const char *s)
{
    return ng_i_buf_add(b, s, strlen(s));
}

ng_status ng_i_buf_addc(ng_i_buf *b, char c)
{
    return ng_i_buf_add(b, &c, 1);
}

ng_status ng_i_buf_printf(ng_i_buf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NG_EINTERNAL;
    if ((size_t)n < sizeof small)
        return ng_i_buf_add(b, small, (size_t)n);
    ng_status st = ng_i_buf_reserve(b, (size_t)n);
    if (st != NG_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return NG_OK;
}

void ng_i_buf_free(ng_i_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

ng_status ng_i_buf_flush(ng_i_buf *b, FILE *out, ng_error *err)
{
    if (b->len && fwrite(b->data, 1, b->len, out) != b->len)
        return ng_fail(err, NG_EIO, "writing the graph failed: %s", strerror(errno));
    b->len = 0;
    return NG_OK;
}

ng_status ng_i_finish_stream(FILE *out, ng_error *err)
{
    if (fflush(out) != 0 || ferror(out))
        return ng_fail(err, NG_EIO, "writing the graph failed: %s", strerror(errno));
    return NG_OK;
}
