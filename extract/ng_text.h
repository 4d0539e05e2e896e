/* Text clean-up shared by the input readers and the extractor.
 *
 * "Clean" text is valid UTF-8 in Unicode NFC with no NUL bytes and no leading
 * byte-order mark.  Offsets in the triples CSV refer to clean text; for a
 * well-formed UTF-8 article that is the input itself. */
#ifndef NG_TEXT_H
#define NG_TEXT_H

#include <stddef.h>
#include "ng_common.h"

typedef struct {
    size_t bad_sequences; /* invalid UTF-8 sequences replaced by U+FFFD */
    size_t nul_bytes;     /* NUL bytes removed */
    int had_bom;          /* a leading U+FEFF was dropped */
    int normalized;       /* NFC changed something */
} ng_text_report;

/* 1 when text is already clean (the common case: no copy is needed). */
int ng_text_is_clean(const char *text, size_t len);

/* The offset of the first byte that is not valid UTF-8 (or is NUL), or len
 * when there is none. */
size_t ng_text_invalid_at(const char *text, size_t len);

/* Makes a clean copy of text in *out (malloc'd, NUL-terminated; the caller
 * frees it).  rep may be NULL. */
ng_status ng_text_clean(const char *text, size_t len, char **out, size_t *out_len,
                        ng_text_report *rep);

#endif
