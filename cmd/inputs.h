/* The input layer: command-line operands -> a list of files -> documents.
 *
 * ng_inputs_add expands each operand once (directories become their sorted
 * *.txt files) and remembers each file's identity, so that an output that is
 * also an input can be refused.  ng_inputs_each_doc then walks the list and
 * calls back once per document, for the first extraction pass (the second
 * reads what the first kept, parallel.h). */
#ifndef NG_INPUTS_H
#define NG_INPUTS_H

#include <sys/types.h>
#include "diag.h"
#include "ng_doc.h"
#include "ng_text.h"

typedef enum {
    NG_IN_ARTICLES, /* extract, build: text files, directories, CSV corpora */
    NG_IN_TRIPLES   /* merge: triples CSV files */
} ng_input_kind;

typedef struct {
    char *path;     /* "-" for standard input */
    int csv;        /* read as CSV (a corpus, or triples for merge) */
    dev_t dev;      /* identity, when not standard input */
    ino_t ino;
} ng_input;

typedef struct {
    ng_input *v;
    size_t n, cap;
} ng_inputs;

typedef struct {
    int force_csv;      /* --csv */
    const char *date;   /* --date, normalised; NULL: from the document */
    const char *id_column, *date_column, *title_column, *text_column; /* NULL: by name */
} ng_read_opts;

/* What the readers skip without a warning, for the summary line. */
typedef struct {
    size_t empty;     /* CSV records with no text */
    size_t bad_dates; /* CSV dates that are not dates (left empty) */
} ng_read_stats;

/* Returns NG_OK to go on; another status stops the walk (the callback has
 * reported it). */
typedef ng_status (*ng_doc_cb)(const ng_doc *doc, void *user);

/* Adds one operand.  Reports missing files and unreadable directories
 * (errors) and directories without articles (a warning). */
ng_status ng_inputs_add(ng_inputs *in, const char *arg, ng_input_kind kind, int force_csv,
                        ng_diag *d);
void ng_inputs_free(ng_inputs *in);

/* "dir/name" without doubled slashes, malloc'd; NULL on ENOMEM. */
char *ng_path_join(const char *dir, const char *name);

/* Calls cb once per document of every input, in order. */
ng_status ng_inputs_each_doc(const ng_inputs *in, const ng_read_opts *o, ng_doc_cb cb, void *user,
                             ng_read_stats *st, ng_diag *d);

/* Opens an input for reading ("-": standard input).  Reports errors. */
ng_status ng_input_open(const ng_input *in, FILE **f, ng_diag *d);
void ng_input_close(const ng_input *in, FILE *f);
/* The name used in messages: the path, or "<stdin>". */
const char *ng_input_name(const ng_input *in);

/* ---- shared by the text and CSV readers ---- */

/* Makes *s clean text (ng_text.h) when it is not: the clean copy goes to
 * *owned (freed by the caller; NULL when the text was clean) and the repairs
 * are added to *rep. */
ng_status ng_clean_field(const char **s, size_t *len, char **owned, ng_text_report *rep);

/* Warns "WHERE: 3 invalid UTF-8 sequences replaced, 1 NUL byte removed" when
 * rep has any (a BOM and NFC changes are silent). */
ng_status ng_warn_repairs(ng_diag *d, const char *where, const ng_text_report *rep);

/* 1 when the len bytes are only ASCII whitespace. */
int ng_is_blank(const char *s, size_t len);

/* Reads a CSV corpus and calls cb per document (corpus.c).  base names the
 * documents of a file without an id column ("news" -> "news-17"). */
ng_status ng_corpus_read(FILE *f, const char *name, const char *base, const ng_read_opts *o,
                         ng_doc_cb cb, void *user, ng_read_stats *st, ng_diag *d);

#endif
