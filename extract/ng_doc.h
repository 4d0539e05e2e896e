/* A document: what the extractor reads.  The caller owns every string. */
#ifndef NG_DOC_H
#define NG_DOC_H

#include <stddef.h>

typedef struct {
    const char *id;    /* NUL-terminated, never NULL */
    const char *date;  /* ISO YYYY-MM-DD, or "" when unknown; never NULL */
    const char *title; /* "" when unknown; never NULL */
    const char *text;  /* the article, len bytes; need not be NUL-terminated */
    size_t len;
} ng_doc;

#endif
