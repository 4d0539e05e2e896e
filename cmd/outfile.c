/* realpath() is an XSI function: not declared under plain _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

/* ---- removing temporary files when a signal ends the program ---- */

enum { MAX_TEMPS = 16 };
static char *volatile temps[MAX_TEMPS];     /* files to unlink */
static char *volatile temp_dirs[MAX_TEMPS]; /* then directories to rmdir */

static void on_signal(int sig)
{
    /* unlink(), rmdir() and raise() are async-signal-safe; the paths are
     * complete strings before they are published.  Directories go newest
     * first, twice, so that a child goes before its parent whatever slots
     * they took; rmdir leaves a directory that is not empty. */
    for (int i = 0; i < MAX_TEMPS; i++) {
        if (temps[i])
            unlink(temps[i]);
    }
    for (int pass = 0; pass < 2; pass++)
        for (int i = MAX_TEMPS; i-- > 0;)
            if (temp_dirs[i])
                rmdir(temp_dirs[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_handlers(void)
{
    static int installed;
    if (installed)
        return;
    installed = 1;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static int add_to(char *volatile *v, char *path)
{
    install_handlers();
    for (int i = 0; i < MAX_TEMPS; i++) {
        if (!v[i]) {
            v[i] = path;
            return i;
        }
    }
    return -1; /* not fatal: only a signal could then leave the path behind */
}

static int register_temp(char *path)
{
    return add_to(temps, path);
}

static void unregister_temp(ng_out *o)
{
    if (o->slot >= 0)
        temps[o->slot] = NULL;
    o->slot = -1;
}

int ng_cleanup_file_add(char *path)
{
    return add_to(temps, path);
}

int ng_cleanup_dir_add(char *path)
{
    return add_to(temp_dirs, path);
}

void ng_cleanup_file_remove(int slot)
{
    if (slot >= 0 && slot < MAX_TEMPS)
        temps[slot] = NULL;
}

void ng_cleanup_dir_remove(int slot)
{
    if (slot >= 0 && slot < MAX_TEMPS)
        temp_dirs[slot] = NULL;
}

/* ---- opening ---- */

static ng_status report(const ng_out *o, ng_diag *d, const char *what)
{
    return ng_diag_error(d, errno == ENOMEM ? NG_ENOMEM : NG_EIO, "%s: %s%s", o->path, what,
                         strerror(errno));
}

/* Devices, FIFOs and dangling symlinks cannot be replaced by a rename. */
static ng_status open_direct(ng_out *o, ng_diag *d)
{
    if (!(o->f = fopen(o->path, "w")))
        return report(o, d, "");
    return NG_OK;
}

static mode_t default_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* "DIR/.NAME.XXXXXX" for target "DIR/NAME": same directory, so that rename()
 * stays within one file system and is atomic. */
static char *temp_template(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    size_t n = strlen(target) + sizeof "/..XXXXXX";
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, target, target + dirlen);
    return t;
}

const char *ng_tmpdir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

int ng_signals_hold(sigset_t *old)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    return pthread_sigmask(SIG_BLOCK, &block, old) == 0;
}

void ng_signals_release(const sigset_t *old)
{
    pthread_sigmask(SIG_SETMASK, old, NULL); /* fails only on a bad argument */
}

static ng_status open_temp(ng_out *o, mode_t mode, ng_diag *d)
{
    if (!(o->tmp = temp_template(o->target)))
        return ng_diag_error(d, NG_ENOMEM, "out of memory");
    /* A signal between creating the file and registering it would leave it
     * behind: hold the signals back for those two steps. */
    sigset_t old;
    install_handlers();
    int masked = ng_signals_hold(&old);
    int fd = mkstemp(o->tmp);
    if (fd >= 0)
        o->slot = register_temp(o->tmp);
    int saved = errno;
    if (masked)
        ng_signals_release(&old);
    errno = saved;
    if (fd < 0) {
        free(o->tmp);
        o->tmp = NULL;
        return report(o, d, "cannot create a file beside it: ");
    }
    if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "w"))) {
        ng_status s = report(o, d, "");
        close(fd);
        return s;
    }
    return NG_OK;
}

ng_status ng_out_open(ng_out *o, const char *path, ng_diag *d)
{
    struct stat st;
    memset(o, 0, sizeof *o);
    o->slot = -1;
    int std = strcmp(path, "-") == 0;
    if (!(o->path = strdup(std ? "<stdout>" : path)))
        return ng_diag_error(d, NG_ENOMEM, "out of memory");
    if (std) {
        o->f = stdout;
        return NG_OK;
    }
    mode_t mode;
    if (stat(path, &st) == 0) {
        if (!S_ISREG(st.st_mode))
            return open_direct(o, d);
        /* Replace the file a symlink points to, not the symlink. */
        if (!(o->target = realpath(path, NULL)))
            return report(o, d, "");
        mode = st.st_mode & 07777;
    } else if (errno == ENOENT) {
        if (lstat(path, &st) == 0)
            return open_direct(o, d);
        if (!(o->target = strdup(path)))
            return ng_diag_error(d, NG_ENOMEM, "out of memory");
        mode = default_mode();
    } else {
        return report(o, d, "");
    }
    return open_temp(o, mode, d);
}

/* ---- closing ---- */

ng_status ng_out_write_error(const ng_out *o, ng_diag *d)
{
    return report(o, d, "cannot write: ");
}

ng_status ng_out_close(ng_out *o, ng_diag *d)
{
    FILE *f = o->f;
    if (!f)
        return NG_OK;
    o->f = NULL;
    errno = 0;
    int bad = fflush(f) != 0 || ferror(f);
    int err = errno ? errno : EIO;
    if (f == stdout)
        return bad ? (errno = err, ng_out_write_error(o, d)) : NG_OK;
    /* fsync: the rename must not reach the disk before the data does.
     * EINVAL: the file cannot be synced (a device); nothing to wait for. */
    if (!bad && fsync(fileno(f)) != 0 && errno != EINVAL) {
        bad = 1;
        err = errno;
    }
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        err = errno;
    }
    errno = err;
    return bad ? ng_out_write_error(o, d) : NG_OK;
}

/* Makes the rename itself durable; a failure here loses nothing that is
 * not already lost, so it is not reported. */
static void sync_directory(const char *target)
{
    const char *slash = strrchr(target, '/');
    char *dir = slash ? strndup(target, (size_t)(slash - target) + 1) : strdup(".");
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

ng_status ng_out_commit(ng_out *o, ng_diag *d)
{
    if (!o->tmp)
        return NG_OK;
    if (rename(o->tmp, o->target) != 0) {
        ng_status s = report(o, d, "cannot replace: ");
        ng_out_discard(o);
        return s;
    }
    unregister_temp(o);
    free(o->tmp);
    o->tmp = NULL;
    sync_directory(o->target);
    return NG_OK;
}

void ng_out_discard(ng_out *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    o->f = NULL;
    if (o->tmp) {
        unregister_temp(o);
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->target);
    free(o->path);
    o->target = o->path = NULL;
}
