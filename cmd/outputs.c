/* Where a run's results go: -o, -O and -f turned into opened outputs, and
 * the outputs that are made from others: the GEXF, and the pictures
 * (svg, png) that Graphviz renders from the DOT. */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outputs.h"
#include "run.h"

/* ---- pictures: Graphviz renders the DOT ---- */

extern char **environ;

int ng_is_picture(int format) { return format == NG_FMT_SVG || format == NG_FMT_PNG; }

/* 1 when an executable `name` is in a directory of PATH (as posix_spawnp
 * would search it; an unset PATH means /usr/bin:/bin). */
static int on_path(const char *name)
{
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    for (const char *p = path;; p++) {
        size_t n = strcspn(p, ":");
        char file[4096];
        if (snprintf(file, sizeof file, "%.*s/%s", (int)n, n ? p : ".", name) <
                (int)sizeof file && access(file, X_OK) == 0)
            return 1;
        p += n;
        if (!*p)
            return 0;
    }
}

static ng_status not_installed(ng_run *r)
{
    return ng_diag_error(r->d, NG_EIO,
                         "cannot render %s: Graphviz 'dot' is not installed (apt-get install "
                         "graphviz)", ng_format_name((ng_format)r->o->format));
}

ng_status ng_render_plan(ng_run *r)
{
    if (!on_path("dot"))
        return not_installed(r);
    const char *tmp = ng_tmpdir();
    size_t size = strlen(tmp) + sizeof "/newsgraph-XXXXXX/graph.dot";
    char *dir = malloc(size);
    if (!dir)
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    snprintf(dir, size, "%s/newsgraph-XXXXXX", tmp);
    /* A signal from now on removes the DOT file and the directory. */
    sigset_t old;
    int held = ng_signals_hold(&old);
    int made = mkdtemp(dir) != NULL, err = errno;
    char *own = made ? strdup(dir) : NULL;
    if (own) {
        strcat(dir, "/graph.dot"); /* size has room for it */
        r->render_dir = own;
        r->render_slots[0] = ng_cleanup_file_add(dir);
        r->render_slots[1] = ng_cleanup_dir_add(own);
        r->owned_path[NG_FMT_DOT] = dir;
        r->path[NG_FMT_DOT] = dir;
    }
    if (held)
        ng_signals_release(&old);
    if (!made || !own) {
        ng_status s = made ? ng_diag_error(r->d, NG_ENOMEM, "out of memory")
                           : ng_diag_error(r->d, NG_EIO, "%s: cannot create a temporary "
                                           "directory: %s", dir, strerror(err));
        if (made)
            rmdir(dir);
        free(dir);
        return s;
    }
    return NG_OK;
}

void ng_render_cleanup(ng_run *r)
{
    if (!r->render_dir)
        return;
    ng_out_discard(&r->out[NG_FMT_DOT]);
    unlink(r->owned_path[NG_FMT_DOT]);
    rmdir(r->render_dir);
    ng_cleanup_file_remove(r->render_slots[0]);
    ng_cleanup_dir_remove(r->render_slots[1]);
    free(r->render_dir);
    r->render_dir = NULL;
}

/* dot's first line on stderr, for the message. */
static void first_line(FILE *f, char *buf, size_t size)
{
    buf[0] = '\0';
    if (fseek(f, 0, SEEK_SET) == 0 && fgets(buf, (int)size, f))
        buf[strcspn(buf, "\r\n")] = '\0';
}

static ng_status spawn_dot(ng_run *r, ng_format f, const char *input, FILE *errf, int *status)
{
    char type[16];
    snprintf(type, sizeof type, "-T%s", ng_format_name(f));
    char *argv[] = {"dot", type, (char *)input, NULL};
    posix_spawn_file_actions_t fa;
    if ((errno = posix_spawn_file_actions_init(&fa)) != 0)
        return ng_diag_error(r->d, NG_ENOMEM, "cannot run dot: %s", strerror(errno));
    pid_t pid;
    int e = posix_spawn_file_actions_adddup2(&fa, fileno(r->out[f].f), STDOUT_FILENO);
    if (e == 0)
        e = posix_spawn_file_actions_adddup2(&fa, fileno(errf), STDERR_FILENO);
    if (e == 0)
        e = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e == ENOENT)
        return not_installed(r);
    if (e != 0)
        return ng_diag_error(r->d, NG_EIO, "cannot run dot: %s", strerror(e));
    while (waitpid(pid, status, 0) < 0) {
        if (errno != EINTR)
            return ng_diag_error(r->d, NG_EIO, "waiting for dot: %s", strerror(errno));
    }
    return NG_OK;
}

ng_status ng_render(ng_run *r, ng_format f)
{
    ng_out *dot = &r->out[NG_FMT_DOT];
    ng_status s = ng_out_close(dot, r->d);
    if (s)
        return s;
    if (fflush(r->out[f].f) != 0)
        return ng_out_write_error(&r->out[f], r->d);
    FILE *errf = tmpfile();
    if (!errf)
        return ng_diag_error(r->d, NG_EIO, "cannot run dot: a temporary file: %s",
                             strerror(errno));
    int status = 0;
    s = spawn_dot(r, f, dot->tmp, errf, &status);
    char msg[512];
    first_line(errf, msg, sizeof msg);
    fclose(errf);
    if (s == NG_OK && WIFSIGNALED(status))
        s = ng_diag_error(r->d, NG_EIO, "cannot render %s: dot was killed by signal %d",
                          ng_format_name(f), WTERMSIG(status));
    else if (s == NG_OK && WEXITSTATUS(status) != 0)
        s = ng_diag_error(r->d, NG_EIO, "cannot render %s: dot failed (exit status %d)%s%s",
                          ng_format_name(f), WEXITSTATUS(status), msg[0] ? ": " : "", msg);
    ng_render_cleanup(r);
    return s;
}

static ng_status plan(ng_run *r)
{
    const ng_opts *o = r->o;
    if (!o->outdir) {
        r->path[o->format] = o->output ? o->output : "-";
        return ng_is_picture(o->format) ? ng_render_plan(r) : NG_OK;
    }
    for (int f = 0; f < NG_FMT_DATA_COUNT; f++) {
        if (!(r->owned_path[f] = ng_path_join(o->outdir, ng_format_file((ng_format)f))))
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

/* Called with the signals held back, right after mkdir: a signal removes
 * the directory (when empty) from then on. */
static ng_status remember_dir(ng_run *r, const char *dir)
{
    ng_made_dir *v = realloc(r->made_dirs, (r->n_made_dirs + 1) * sizeof *v);
    if (!v)
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    r->made_dirs = v;
    if (!(v[r->n_made_dirs].path = strdup(dir)))
        return ng_diag_error(r->d, NG_ENOMEM, "out of memory");
    v[r->n_made_dirs].slot = ng_cleanup_dir_add(v[r->n_made_dirs].path);
    r->n_made_dirs++;
    return NG_OK;
}

/* Forgets the directories -O made; remove: rmdir them first. */
static void forget_dirs(ng_run *r, int remove)
{
    while (r->n_made_dirs > 0) {
        ng_made_dir *m = &r->made_dirs[--r->n_made_dirs];
        if (remove)
            rmdir(m->path); /* fails harmlessly when something else is inside */
        ng_cleanup_dir_remove(m->slot);
        free(m->path);
    }
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
        sigset_t old;
        int held = ng_signals_hold(&old);
        int made = mkdir(p, 0777) == 0, err = errno;
        if (made)
            s = remember_dir(r, p);
        if (held)
            ng_signals_release(&old);
        if (!made && err != EEXIST)
            s = ng_diag_error(r->d, NG_EIO, "%s: cannot create directory: %s", p, strerror(err));
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

/* The formats that cli.c's writer table does not list are written here,
 * from the graph it finished, before anything is closed. */
static ng_status write_gexf(ng_run *r)
{
    ng_out *out = &r->out[NG_FMT_GEXF];
    if (!r->g || !out->f)
        return NG_OK;
    ng_error err = {""};
    ng_write_options wo = {r->o->base_iri};
    errno = 0;
    ng_status s = ng_graph_write_gexf(r->g, out->f, &wo, &err);
    if (s == NG_EIO && errno)
        return ng_out_write_error(out, r->d);
    if (s)
        return ng_diag_error(r->d, s, "%s: %s", out->path, err.msg[0] ? err.msg : ng_strerror(s));
    return NG_OK;
}

ng_status ng_run_commit_outputs(ng_run *r)
{
    ng_status s = write_gexf(r);
    for (int f = NG_FMT_SVG; s == NG_OK && f < NG_FMT_COUNT; f++) {
        if (r->out[f].f)
            s = ng_render(r, (ng_format)f);
    }
    if (s)
        return s;
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
    forget_dirs(r, 0); /* committed: the directories now hold the results */
    return NG_OK;
}

void ng_run_discard_outputs(ng_run *r)
{
    for (int f = 0; f < NG_FMT_COUNT; f++)
        ng_out_discard(&r->out[f]);
    ng_render_cleanup(r);
    for (int f = 0; f < NG_FMT_COUNT; f++) {
        free(r->owned_path[f]);
        r->owned_path[f] = NULL;
    }
    forget_dirs(r, 1);
    free(r->made_dirs);
    r->made_dirs = NULL;
}
