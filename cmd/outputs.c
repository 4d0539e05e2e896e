/* Where a run's results go: -o, -O and -f turned into opened outputs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

static char *join(const char *dir, const char *name)
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

static ng_status plan(ng_run *r)
{
    const ng_opts *o = r->o;
    if (!o->outdir) {
        r->path[o->format] = o->output ? o->output : "-";
        return NG_OK;
    }
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        if (!(r->owned_path[f] = join(o->outdir, ng_format_file((ng_format)f))))
            return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
        r->path[f] = r->owned_path[f];
    }
    return NG_OK;
}

static int same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* The input (article, triples file or data file) that out is, or NULL. */
static const char *input_named_by(const ng_run *r, const struct stat *out)
{
    for (size_t i = 0; i < r->in.n; i++) {
        const ng_input *in = &r->in.v[i];
        if (strcmp(in->path, "-") != 0 && in->dev == out->st_dev && in->ino == out->st_ino)
            return in->path;
    }
    const ng_strlist *lists[2] = {&r->o->lexicons, &r->o->rules};
    for (size_t l = 0; l < 2; l++) {
        for (size_t i = 0; i < lists[l]->n; i++) {
            if (same_file(out, lists[l]->v[i]))
                return lists[l]->v[i];
        }
    }
    return r->o->roles && same_file(out, r->o->roles) ? r->o->roles : NULL;
}

/* Writing over an input would destroy it before (or while) it is read. */
static ng_status refuse_inputs(ng_run *r)
{
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        struct stat st;
        if (!r->path[f] || strcmp(r->path[f], "-") == 0 || stat(r->path[f], &st) != 0)
            continue; /* a file that does not exist yet is no input */
        const char *in = input_named_by(r, &st);
        if (in && strcmp(in, r->path[f]) == 0)
            return ng_diag_error(r->d, NG_EUSAGE,
                                 "%s: the output is also an input; refusing to overwrite it",
                                 r->path[f]);
        if (in)
            return ng_diag_error(r->d, NG_EUSAGE,
                                 "%s: the output is the same file as the input %s; refusing to "
                                 "overwrite it", r->path[f], in);
    }
    return NG_OK;
}

static ng_status remember_dir(ng_run *r, const char *dir)
{
    char **v = realloc(r->made_dirs, (r->n_made_dirs + 1) * sizeof *v);
    if (!v)
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    r->made_dirs = v;
    if (!(v[r->n_made_dirs] = strdup(dir)))
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    r->n_made_dirs++;
    return NG_OK;
}

/* mkdir -p, remembering what it created so that a failed run leaves no
 * empty directories behind. */
static ng_status make_dirs(ng_run *r, const char *dir)
{
    ng_status s = NG_OK;
    char *p = strdup(dir);
    if (!p)
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    for (char *c = p + 1; s == NG_OK; c++) {
        if (*c != '/' && *c != '\0')
            continue;
        char saved = *c;
        *c = '\0';
        if (mkdir(p, 0777) == 0)
            s = remember_dir(r, p);
        else if (errno != EEXIST)
            s = ng_diag_error(r->d, NG_EIO, "%s: cannot create directory: %s", p, strerror(errno));
        *c = saved;
        if (!saved)
            break;
    }
    free(p);
    struct stat st;
    if (s == NG_OK && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
        s = ng_diag_error(r->d, NG_EIO, "%s: not a directory", dir);
    return s;
}

ng_status ng_run_plan_outputs(ng_run *r)
{
    for (int f = 0; f < NG_FMT_COUNT; f++)
        r->out[f].slot = -1;
    ng_status s = plan(r);
    return s ? s : refuse_inputs(r);
}

ng_status ng_run_open_outputs(ng_run *r)
{
    ng_status s = NG_OK;
    if (r->o->outdir)
        s = make_dirs(r, r->o->outdir);
    for (int f = 0; s == NG_OK && f < NG_FMT_COUNT; f++) {
        if (r->path[f])
            s = ng_out_open(&r->out[f], r->path[f], r->d);
    }
    return s;
}

ng_status ng_run_commit_outputs(ng_run *r)
{
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        ng_status s = ng_out_close(&r->out[f], r->d);
        if (s)
            return s;
    }
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        ng_status s = ng_out_commit(&r->out[f], r->d);
        if (s)
            return s;
    }
    /* Committed: the directories now hold the results. */
    for (size_t i = 0; i < r->n_made_dirs; i++)
        free(r->made_dirs[i]);
    r->n_made_dirs = 0;
    return NG_OK;
}

void ng_run_discard_outputs(ng_run *r)
{
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        ng_out_discard(&r->out[f]);
        free(r->owned_path[f]);
        r->owned_path[f] = NULL;
    }
    while (r->n_made_dirs > 0) {
        char *dir = r->made_dirs[--r->n_made_dirs];
        rmdir(dir); /* fails harmlessly when something else is inside */
        free(dir);
    }
    free(r->made_dirs);
    r->made_dirs = NULL;
}
