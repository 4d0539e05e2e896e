/* Dates as news writes them, normalised to ISO 8601 (YYYY-MM-DD). */
#ifndef NG_DATE_H
#define NG_DATE_H

#include <stddef.h>

/* Normalises one date field: "2023-04-17", "2023-04-17T10:00:00Z",
 * "17 April 2023", "April 17, 2023", "Apr 17 2023", "18.04.2023",
 * "11-MAR-1987 08:43:20.63", "2023/04/17", "Mon, 17 Apr 2023 10:00:00 +0000",
 * with surrounding text such as a weekday or a time ignored.  Writes
 * "YYYY-MM-DD" and a NUL into out and returns 0; returns -1 (out = "") when
 * no valid calendar date is found. */
int ng_date_normalize(const char *s, size_t len, char out[11]);

/* Finds the date an article states near its top: a leading
 * "date YYYY-MM-DD" line (after an optional BOM and blanks; "Date:" too), or
 * the first dateline-like date in the first few lines (a byline such as
 * "By A. Writer * 17 April 2023", "10:49 18.04.2023").  "First few" means
 * the first 8 non-blank lines within 4 kB; lines longer than 200 bytes are
 * body text and are not searched.  Returns 0 and fills out, or -1 and
 * out = "". */
int ng_date_find(const char *text, size_t len, char out[11]);

#endif
