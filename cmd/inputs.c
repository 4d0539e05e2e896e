/* Operands -> files -> documents; the text-file reader. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "inputs.h"
#include "ng_date.h"

/* A file is binary, not an article, when more than 1 in 10 of its first
 * 8 kB are NULs or control bytes other than whitespace (UTF-16 text, images,
 * archives).  A few stray NULs in real text are only removed. */
enum { BINARY_SAMPLE = 8192, BINARY_PER_TEN = 1 };

typedef struct {
    char **v;
    size_t n, cap;
} pathlist;

static void pathlist_free(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int pathlist_push(pathlist *l, char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = p;
    return 0;
}

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0 && path[n - e - 1] != '/';
}

char *ng_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t size = n + strlen(name) + 2;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%.*s/%s", (int)n, dir, name);
    return p;
}

/* ---- the list of inputs ---- */

static ng_status push_input(ng_inputs *in, const char *path, int csv, const struct stat *st,
                            ng_diag *d)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        ng_input *v = realloc(in->v, cap * sizeof *v);
        if (!v)
            return ng_diag_error(d, NG_ENOMEM, "out of memory");
        in->v = v;
        in->cap = cap;
    }
    ng_input *x = &in->v[in->n];
    memset(x, 0, sizeof *x);
    if (!(x->path = strdup(path)))
        return ng_diag_error(d, NG_ENOMEM, "out of memory");
    x->csv = csv;
    if (st) {
        x->dev = st->st_dev;
        x->ino = st->st_ino;
    }
    in->n++;
    return NG_OK;
}

/* Collects the *.txt files below dir.  Symbolic links to files are
 * followed; links to directories are not (they can form loops). */
static ng_status walk(const char *dir, pathlist *out, ng_diag *d)
{
    ng_status s = NG_OK;
    DIR *dp = opendir(dir);
    if (!dp)
        return ng_diag_error(d, NG_EIO, "%s: %s", dir, strerror(errno));
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(dp);
        if (!e) {
            if (errno)
                s = ng_diag_error(d, NG_EIO, "%s: %s", dir, strerror(errno));
            break;
        }
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *path = ng_path_join(dir, e->d_name);
        struct stat st;
        if (!path) {
            s = ng_diag_error(d, NG_ENOMEM, "out of memory");
            break;
        }
        if (lstat(path, &st) != 0) {
            s = ng_diag_error(d, NG_EIO, "%s: %s", path, strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            s = walk(path, out, d);
        } else if (has_ext(path, ".txt")) {
            if (S_ISLNK(st.st_mode) && stat(path, &st) != 0)
                s = ng_diag_warn(d, "%s: %s, skipped", path, strerror(errno));
            else if (S_ISREG(st.st_mode) && pathlist_push(out, path) == 0)
                path = NULL; /* the list owns it now */
            else if (S_ISREG(st.st_mode))
                s = ng_diag_error(d, NG_ENOMEM, "out of memory");
        }
        free(path);
        if (s)
            break;
    }
    closedir(dp);
    return s;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static ng_status add_directory(ng_inputs *in, const char *dir, int force_csv, ng_diag *d)
{
    pathlist files = {0};
    ng_status s = walk(dir, &files, d);
    if (s == NG_OK && files.n == 0)
        s = ng_diag_warn(d, "%s: no .txt files in this directory", dir);
    if (files.n)
        qsort(files.v, files.n, sizeof files.v[0], compare_paths);
    for (size_t i = 0; s == NG_OK && i < files.n; i++) {
        struct stat st;
        if (stat(files.v[i], &st) != 0)
            s = ng_diag_error(d, NG_EIO, "%s: %s", files.v[i], strerror(errno));
        else
            s = push_input(in, files.v[i], force_csv, &st, d);
    }
    pathlist_free(&files);
    return s;
}

ng_status ng_inputs_add(ng_inputs *in, const char *arg, ng_input_kind kind, int force_csv,
                        ng_diag *d)
{
    int triples = kind == NG_IN_TRIPLES;
    if (strcmp(arg, "-") == 0)
        return push_input(in, arg, triples || force_csv, NULL, d);
    struct stat st;
    if (stat(arg, &st) != 0)
        return ng_diag_error(d, NG_EIO, "%s: %s", arg, strerror(errno));
    if (S_ISDIR(st.st_mode) && triples)
        return ng_diag_error(d, NG_EIO, "%s: is a directory; merge reads triples CSV files", arg);
    if (S_ISDIR(st.st_mode))
        return add_directory(in, arg, force_csv, d);
    return push_input(in, arg, triples || force_csv || has_ext(arg, ".csv"), &st, d);
}

void ng_inputs_free(ng_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->v[i].path);
    free(in->v);
    memset(in, 0, sizeof *in);
}

const char *ng_input_name(const ng_input *in)
{
    return strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
}

ng_status ng_input_open(const ng_input *in, FILE **f, ng_diag *d)
{
    *f = strcmp(in->path, "-") == 0 ? stdin : fopen(in->path, "rb");
    if (!*f)
        return ng_diag_error(d, NG_EIO, "%s: %s", in->path, strerror(errno));
    return NG_OK;
}

void ng_input_close(const ng_input *in, FILE *f)
{
    if (f && strcmp(in->path, "-") != 0)
        fclose(f); /* read-only: nothing to lose */
}

/* ---- helpers shared with the CSV reader ---- */

int ng_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (!strchr(" \t\r\n\f\v", s[i]) || s[i] == '\0')
            return 0;
    }
    return 1;
}

ng_status ng_clean_field(const char **s, size_t *len, char **owned, ng_text_report *rep)
{
    *owned = NULL;
    if (ng_text_is_clean(*s, *len))
        return NG_OK;
    ng_text_report r;
    size_t n;
    ng_status st = ng_text_clean(*s, *len, owned, &n, &r);
    if (st)
        return st;
    rep->bad_sequences += r.bad_sequences;
    rep->nul_bytes += r.nul_bytes;
    rep->had_bom |= r.had_bom;
    rep->normalized |= r.normalized;
    *s = *owned;
    *len = n;
    return NG_OK;
}

ng_status ng_warn_repairs(ng_diag *d, const char *where, const ng_text_report *rep)
{
    size_t bad = rep->bad_sequences, nul = rep->nul_bytes;
    if (bad && nul)
        return ng_diag_warn(d, "%s: %zu invalid UTF-8 sequence%s replaced, %zu NUL byte%s removed",
                            where, bad, bad == 1 ? "" : "s", nul, nul == 1 ? "" : "s");
    if (bad)
        return ng_diag_warn(d, "%s: %zu invalid UTF-8 sequence%s replaced", where, bad,
                            bad == 1 ? "" : "s");
    if (nul)
        return ng_diag_warn(d, "%s: %zu NUL byte%s removed", where, nul, nul == 1 ? "" : "s");
    return NG_OK;
}

/* ---- text files ---- */

static ng_status read_all(FILE *f, const char *name, char **out, size_t *out_len, ng_diag *d)
{
    size_t len = 0, cap = 64 * 1024;
    char *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        char *bigger = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (!buf)
        return ng_diag_error(d, NG_ENOMEM, "%s: out of memory", name);
    if (ferror(f)) {
        free(buf);
        return ng_diag_error(d, NG_EIO, "%s: %s", name, strerror(errno));
    }
    *out = buf;
    *out_len = len;
    return NG_OK;
}

static int looks_binary(const char *s, size_t len)
{
    size_t n = len < BINARY_SAMPLE ? len : BINARY_SAMPLE, odd = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        odd += (c < 0x20 && !strchr("\t\n\r\f\v", c)) || c == 0x7f || c == 0;
    }
    return odd * 10 > n * BINARY_PER_TEN;
}

/* "dir/2023/minsk-talks.txt" -> "minsk-talks"; standard input -> "stdin". */
static char *id_from_path(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    return strndup(base, n);
}

/* Decides whether the file holds an article, repairs it, and hands it on. */
static ng_status text_doc(const ng_input *in, const char *text, size_t len,
                          const ng_read_opts *o, ng_doc_cb cb, void *user, ng_diag *d)
{
    const char *name = ng_input_name(in);
    if (len == 0)
        return ng_diag_warn(d, "%s: empty file, skipped", name);
    if (ng_is_blank(text, len))
        return ng_diag_warn(d, "%s: only whitespace, skipped", name);
    if (looks_binary(text, len))
        return ng_diag_warn(d, "%s: binary file, skipped", name);
    ng_text_report rep = {0};
    char *clean = NULL, *clean_id = NULL, *id = id_from_path(in->path);
    const char *doc_id = id;
    size_t id_len = id ? strlen(id) : 0;
    ng_status s = id ? ng_clean_field(&text, &len, &clean, &rep) : NG_ENOMEM;
    if (s == NG_OK)
        s = ng_clean_field(&doc_id, &id_len, &clean_id, &rep);
    if (s) {
        s = ng_diag_error(d, s, "%s: %s", name, ng_strerror(s));
        goto fail;
    }
    if ((s = ng_warn_repairs(d, name, &rep)) != NG_OK)
        goto fail;
    if (ng_is_blank(text, len)) { /* a BOM or NUL bytes alone: nothing once repaired */
        s = ng_diag_warn(d, "%s: only whitespace, skipped", name);
        goto fail;
    }
    char date[11] = "";
    if (o->date)
        memcpy(date, o->date, sizeof date);
    else
        ng_date_find(text, len, date);
    ng_doc doc = {doc_id, date, "", text, len};
    s = cb(&doc, user);
fail:
    free(clean);
    free(clean_id);
    free(id);
    return s;
}

static ng_status text_input(const ng_input *in, const ng_read_opts *o, ng_doc_cb cb, void *user,
                            ng_diag *d)
{
    FILE *f;
    char *text = NULL;
    size_t len = 0;
    ng_status s = ng_input_open(in, &f, d);
    if (s)
        return s;
    s = read_all(f, ng_input_name(in), &text, &len, d);
    ng_input_close(in, f);
    if (s == NG_OK)
        s = text_doc(in, text, len, o, cb, user, d);
    free(text);
    return s;
}

static ng_status csv_input(const ng_input *in, const ng_read_opts *o, ng_doc_cb cb, void *user,
                           ng_read_stats *st, ng_diag *d)
{
    FILE *f;
    char *base = id_from_path(in->path);
    if (!base)
        return ng_diag_error(d, NG_ENOMEM, "out of memory");
    ng_status s = ng_input_open(in, &f, d);
    if (s == NG_OK) {
        s = ng_corpus_read(f, ng_input_name(in), base, o, cb, user, st, d);
        ng_input_close(in, f);
    }
    free(base);
    return s;
}

ng_status ng_inputs_each_doc(const ng_inputs *in, const ng_read_opts *o, ng_doc_cb cb, void *user,
                             ng_read_stats *st, ng_diag *d)
{
    ng_status s = NG_OK;
    for (size_t i = 0; s == NG_OK && i < in->n; i++) {
        if (in->v[i].csv)
            s = csv_input(&in->v[i], o, cb, user, st, d);
        else
            s = text_input(&in->v[i], o, cb, user, d);
    }
    return s;
}
