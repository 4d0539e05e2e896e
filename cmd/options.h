/* The command line: commands, the option table, parsing and --help.
 *
 * Options live in one sorted table (options.c) that drives parsing, the
 * per-command check and the help text; nothing else knows option names. */
#ifndef NG_OPTIONS_H
#define NG_OPTIONS_H

#include <stdio.h>
#include "diag.h"
#include "ng_common.h"

/* Bit flags, so that an option can name the commands it applies to. */
typedef enum {
    NG_CMD_NONE = 0,
    NG_CMD_EXTRACT = 1,
    NG_CMD_BUILD = 2,
    NG_CMD_MERGE = 4,
    NG_CMD_STATS = 8
} ng_command;

typedef enum {
    NG_FMT_GRAPHML,
    NG_FMT_DOT,
    NG_FMT_JSONLD,
    NG_FMT_NQUADS,
    NG_FMT_CSV,
    NG_FMT_GEXF,
    NG_FMT_SVG,     /* the formats from here on are pictures rendered by */
    NG_FMT_PNG,     /* Graphviz from the DOT; -O does not write them */
    NG_FMT_COUNT
} ng_format;

/* The formats -O writes: the data formats, not the pictures. */
#define NG_FMT_DATA_COUNT NG_FMT_SVG

/* A list of strings that point into argv. */
typedef struct {
    const char **v;
    size_t n;
} ng_strlist;

typedef struct {
    ng_command command;
    int help, version;
    ng_strlist inputs;       /* operands; "-" is standard input */
    ng_strlist lexicons;     /* --lexicon, in order */
    ng_strlist rules;        /* --rules, in order */
    ng_strlist titles;       /* --titles, in order */
    ng_strlist names;        /* --names, in order */
    const char *roles;       /* --roles or NULL */
    const char *output;      /* -o; "-" is standard output; NULL: not given */
    const char *outdir;      /* -O or NULL */
    int format;              /* ng_format from -f or -o's extension; -1 until known */
    const char *date;        /* --date as given, or NULL */
    char date_iso[11];       /* --date normalised */
    int csv;                 /* --csv */
    const char *id_column, *date_column, *title_column, *text_column;
    const char *base_iri;    /* --base-iri or NULL */
    unsigned modalities;     /* --modality as a mask of 1u << NG_MOD_*; 0: not given */
    unsigned analytics;      /* --analytics as NG_ANALYTICS_* bits */
    int analytics_given;
    int strict, quiet;
    long jobs;               /* --jobs; 0 when not given (the number of cores) */
} ng_opts;

/* Parses argv into o (which ng_opts_free releases; it is safe on a zeroed or
 * partly filled o).  Prints its own usage errors and returns NG_EUSAGE. */
ng_status ng_opts_parse(ng_opts *o, int argc, char **argv, ng_diag *d);
void ng_opts_free(ng_opts *o);

/* The help text for one command, or the overview for NG_CMD_NONE.
 * Returns NG_EIO when writing fails. */
ng_status ng_opts_help(FILE *f, ng_command cmd);

const char *ng_command_name(ng_command cmd);
/* File name of a format in an -O directory ("graph.graphml", "triples.csv"). */
const char *ng_format_file(ng_format f);
const char *ng_format_name(ng_format f);

/* Optimal string alignment distance (Levenshtein plus transpositions), used
 * for "did you mean" suggestions.  Exposed for the tests. */
size_t ng_edit_distance(const char *a, const char *b);

/* For the tests: 0 when the option table is sorted by name (bsearch needs
 * it) and no short name is used twice, else -1. */
int ng_opts_self_check(void);

#endif
