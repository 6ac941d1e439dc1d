/* store.c — durable, atomic saving of intakes (see store.h).
 *
 * Why it is built this way:
 * - A file appears under its final name only by rename(2) after its bytes
 *   were fsync'ed, and the folder is fsync'ed after the rename: so a power
 *   cut at any instant leaves no file or the complete file, and a save
 *   reported as done survives a power cut ("Atomic Commit In SQLite").
 * - The JSON claims its name with a no-replace rename: two saves in one
 *   second (or two processes) can never overwrite each other; the loser
 *   bumps the counter and tries the next name.
 * - Every system call goes through store_io, so tests fail each call in
 *   turn and stop at each call as a power cut would. store_save allocates
 *   nothing, so a test may jump out of the seam at any call without leaks.
 * - Errors are sentences for the person at the kiosk or the staff: what
 *   failed, where, and what to do next. */
#include "store.h"
#include "posix_io.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STORE_PATH_MAX 4096
#define STORE_NAME_MAX 200
#define STORE_FILE_MODE 0640 /* health data: not for other users */
#define STORE_DIR_MODE 0750
#define STORE_TMP_PREFIX ".tmp-"
#define STORE_PER_SECOND 100 /* counter 00..99 */
#define STORE_MAX_TIME INT64_C(253402300799) /* 9999-12-31T23:59:59Z */

/* How the store opens what it reads: never through a final symbolic link,
 * never blocking on a named pipe that has no writer. */
#define STORE_OPEN_READ (O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)

struct store {
    const store_io *io;
    char *state;
    char *dir; /* STATE/intakes */
    bool seals;             /* records and pages are sealed to pk */
    seal_public pk;
    const seal_secret *opener; /* lent by staff mode while unlocked */
    unsigned char *scratch; /* the sealed bytes of the file being written */
    size_t scratch_cap;
};

/* ------------------------------------------------------------------------ */
/* The real system calls                                                     */

static int px_list(void *ctx, const char *dir, store_list_fn each, void *arg)
{
    (void)ctx;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de)
            break;
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            each(de->d_name, arg);
    }
    int e = errno;
    closedir(d);
    errno = e;
    return e ? -1 : 0;
}

static int px_lstat(void *ctx, const char *path, struct stat *st)
{
    (void)ctx;
    return lstat(path, st);
}

static int px_fstat(void *ctx, int fd, struct stat *st)
{
    (void)ctx;
    return fstat(fd, st);
}

static const store_io posix_io = {
    .open = posix_io_open,
    .write = posix_io_write,
    .fsync = posix_io_fsync,
    .close = posix_io_close,
    .rename_noreplace = posix_io_rename_noreplace,
    .unlink = posix_io_unlink,
    .mkdir = posix_io_mkdir,
    .rename = posix_io_rename,
    .read = posix_io_read,
    .list = px_list,
    .lstat = px_lstat,
    .fstat = px_fstat,
    .ctx = NULL,
};

const store_io *store_io_posix(void)
{
    return &posix_io;
}

/* ------------------------------------------------------------------------ */
/* Failures, as sentences                                                    */

/* What went wrong, captured at the failing call (before cleanup calls can
 * overwrite errno). */
typedef struct {
    const char *step;          /* "writing", "renaming into place"... */
    char path[STORE_PATH_MAX]; /* the file or folder it was done to */
    int e;                     /* errno */
} store_fault;

static void fault_set(store_fault *f, const char *step, const char *path, int e)
{
    f->step = step;
    snprintf(f->path, sizeof f->path, "%s", path);
    f->e = e;
}

/* what: "Could not save the intake"; then: what happens to the data now. */
static pm_status report(const store *s, const store_fault *f, const char *what,
                        const char *then, pm_msg *err)
{
    pm_status st = pm_status_of_errno(f->e);
    const char *reason = strerror(f->e);
    switch (st) {
    case PM_ERR_FULL:
        pm_msg_set(err,
                   "%s: the disk is full (%s). Free space or ask staff to export and "
                   "delete old intakes; %s",
                   what, s->dir, then);
        break;
    case PM_ERR_READONLY:
        pm_msg_set(err,
                   "%s: the storage refuses writes (%s %s: %s). Ask staff to check that "
                   "it is mounted read-write and that painmap may write there; %s",
                   what, f->step, f->path, reason, then);
        break;
    case PM_ERR_NOT_FOUND:
        pm_msg_set(err,
                   "%s: the folder %s is missing and could not be created (%s %s: %s). Ask "
                   "staff to check that the storage is mounted; %s",
                   what, s->dir, f->step, f->path, reason, then);
        break;
    default:
        pm_msg_set(err,
                   "%s: %s %s failed (%s). Ask staff to check the storage device; %s", what,
                   f->step, f->path, reason, then);
        break;
    }
    return st;
}

static void msg_clear(pm_msg *err)
{
    if (err)
        err->text[0] = '\0';
}

/* ------------------------------------------------------------------------ */
/* Building blocks                                                           */

static int io_lstat(const store_io *io, const char *path, struct stat *st)
{
    return io->lstat ? io->lstat(io->ctx, path, st) : lstat(path, st);
}

static int io_fstat(const store_io *io, int fd, struct stat *st)
{
    return io->fstat ? io->fstat(io->ctx, fd, st) : fstat(fd, st);
}

const char *store_kind_of(mode_t mode)
{
    if (S_ISREG(mode))
        return NULL;
    if (S_ISFIFO(mode))
        return "a named pipe (FIFO)";
    if (S_ISLNK(mode))
        return "a symbolic link";
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a plain file";
}

bool store_is_stem(const char *stem)
{
    if (!stem || strlen(stem) != 18 || stem[8] != '-' || stem[15] != '-')
        return false;
    for (int i = 0; i < 18; i++)
        if (i != 8 && i != 15 && (stem[i] < '0' || stem[i] > '9'))
            return false;
    return true;
}

static bool join(char *out, size_t size, const char *dir, const char *name)
{
    int n = snprintf(out, size, "%s/%s", dir, name);
    return n > 0 && (size_t)n < size;
}

/* A plain file name in the intakes folder: no folders, no "." or "..". */
static bool name_ok(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    return n > 0 && n <= STORE_NAME_MAX && !strchr(name, '/') && strcmp(name, ".") != 0
           && strcmp(name, "..") != 0;
}

static int write_all(const store_io *io, int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = io->write(io->ctx, fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) { /* no progress and no error: do not spin */
            errno = EIO;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Retried only on EINTR: after a real fsync error the data may be gone and
 * a second fsync could falsely succeed. */
static int fsync_fd(const store_io *io, int fd)
{
    int r;
    do
        r = io->fsync(io->ctx, fd);
    while (r != 0 && errno == EINTR);
    return r;
}

/* On Linux the descriptor is gone even when close reports EINTR, and the
 * data was fsync'ed already, so EINTR is not a failure. */
static int close_fd(const store_io *io, int fd)
{
    int r = io->close(io->ctx, fd);
    return r != 0 && errno == EINTR ? 0 : r;
}

/* Makes the folder's entries (a rename, a new file) durable. */
static int fsync_dir(const store_io *io, const char *dir, store_fault *f)
{
    int fd = io->open(io->ctx, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW, 0);
    if (fd < 0) {
        fault_set(f, "opening the folder", dir, errno);
        return -1;
    }
    int r = fsync_fd(io, fd);
    int e = errno;
    (void)io->close(io->ctx, fd); /* nothing was written through it */
    if (r != 0)
        fault_set(f, "syncing the folder", dir, e);
    return r;
}

/* The parent folder of path ("." for a bare name). */
static void parent_of(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, size, ".");
    else if (slash == path)
        snprintf(out, size, "/");
    else
        snprintf(out, size, "%.*s", (int)(slash - path), path);
}

/* mkdir that is happy when the folder is already there. *made tells
 * whether it was created now (its parent then needs an fsync). */
static int make_dir(const store_io *io, const char *path, bool *made, store_fault *f)
{
    *made = false;
    if (io->mkdir(io->ctx, path, STORE_DIR_MODE) == 0) {
        *made = true;
        return 0;
    }
    if (errno == EEXIST)
        return 0;
    fault_set(f, "creating the folder", path, errno);
    return -1;
}

/* STATE and STATE/intakes, each made durable in its parent. The state
 * folder's parent is usually the system's (/var/lib): syncing it is a
 * courtesy whose failure is not ours to report. */
static int ensure_dirs(const store *s, store_fault *f)
{
    bool made;
    char parent[STORE_PATH_MAX];
    if (make_dir(s->io, s->state, &made, f) != 0)
        return -1;
    if (made) {
        store_fault ignored;
        parent_of(s->state, parent, sizeof parent);
        (void)fsync_dir(s->io, parent, &ignored);
    }
    if (make_dir(s->io, s->dir, &made, f) != 0)
        return -1;
    return made ? fsync_dir(s->io, s->state, f) : 0;
}

/* Creates DIR/.tmp-BASE exclusively (.tmp-BASE.N when a leftover holds the
 * name). Returns the descriptor, or -1 with errno set. */
static int temp_create(const store *s, const char *base, char *path, size_t size)
{
    for (int i = 0; i < 100; i++) {
        int n = i == 0 ? snprintf(path, size, "%s/" STORE_TMP_PREFIX "%s", s->dir, base)
                       : snprintf(path, size, "%s/" STORE_TMP_PREFIX "%s.%d", s->dir, base, i);
        if (n < 0 || (size_t)n >= size) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = s->io->open(s->io->ctx, path,
                             O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                             STORE_FILE_MODE);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Writes data into a new temporary file and makes its bytes durable. On
 * success tmp names the closed file. On failure nothing is left behind (the
 * temporary file is removed) and f says what failed. A missing folder is
 * created again first (it may have been deleted while the kiosk ran). */
static int temp_write(const store *s, const char *base, const char *data, size_t len,
                      char *tmp, size_t size, store_fault *f)
{
    const store_io *io = s->io;
    int fd = temp_create(s, base, tmp, size);
    if (fd < 0 && errno == ENOENT) {
        if (ensure_dirs(s, f) != 0)
            return -1;
        fd = temp_create(s, base, tmp, size);
    }
    if (fd < 0) {
        fault_set(f, "creating", tmp, errno);
        return -1;
    }
    if (write_all(io, fd, data, len) != 0) {
        fault_set(f, "writing", tmp, errno);
        (void)io->close(io->ctx, fd);
    } else if (fsync_fd(io, fd) != 0) {
        fault_set(f, "syncing", tmp, errno);
        (void)io->close(io->ctx, fd);
    } else if (close_fd(io, fd) != 0) {
        fault_set(f, "closing", tmp, errno); /* the descriptor is gone anyway */
    } else {
        return 0;
    }
    (void)io->unlink(io->ctx, tmp);
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Sealing                                                                   */

bool store_is_intake_file(const char *name)
{
    const char *dot = name ? strchr(name, '.') : NULL;
    char stem[STORE_STEM_MAX];
    if (!dot || (size_t)(dot - name) >= sizeof stem)
        return false;
    memcpy(stem, name, (size_t)(dot - name));
    stem[dot - name] = '\0';
    return store_is_stem(stem) && (strcmp(dot, ".json") == 0 || strcmp(dot, ".html") == 0);
}

/* What is written for name: data itself, or (a record or page while
 * sealing) its sealed form in the store's scratch buffer. NULL when memory
 * runs out. */
static const char *bytes_for(store *s, const char *name, const char *data, size_t len,
                             size_t *out_len)
{
    *out_len = len;
    if (!s->seals || !store_is_intake_file(name))
        return data;
    size_t need = seal_size(len);
    if (need > s->scratch_cap) {
        unsigned char *more = realloc(s->scratch, need);
        if (!more)
            return NULL;
        s->scratch = more;
        s->scratch_cap = need;
    }
    if (seal_data(&s->pk, data, len, s->scratch) != PM_OK)
        return NULL;
    *out_len = need;
    return (const char *)s->scratch;
}

void store_set_seal(store *s, const seal_public *pk)
{
    s->seals = pk != NULL;
    if (pk)
        s->pk = *pk;
}

bool store_seals(const store *s)
{
    return s->seals;
}

void store_set_opener(store *s, const seal_secret *sk)
{
    s->opener = sk;
}

bool store_can_open(const store *s)
{
    return s->opener != NULL;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                   */

pm_status store_open(const char *state_dir, const store_io *io, store **out, pm_msg *err)
{
    *out = NULL;
    msg_clear(err);
    size_t n = state_dir ? strlen(state_dir) : 0;
    if (n == 0 || n + sizeof "/intakes/" + STORE_NAME_MAX + 16 > STORE_PATH_MAX) {
        pm_msg_set(err, "The state folder path is empty or too long: '%s'",
                   state_dir ? state_dir : "");
        return PM_ERR_INVALID;
    }
    store *s = calloc(1, sizeof *s);
    char *state = strdup(state_dir);
    char *dir = malloc(n + sizeof "/intakes");
    if (!s || !state || !dir) {
        free(s);
        free(state);
        free(dir);
        pm_msg_set(err, "Could not open the intake folder: out of memory");
        return PM_ERR_NOMEM;
    }
    while (n > 1 && state[n - 1] == '/') /* "STATE/" and "STATE" are one folder */
        state[--n] = '\0';
    snprintf(dir, n + sizeof "/intakes", "%s/intakes", state);
    *s = (store){ .io = io ? io : store_io_posix(), .state = state, .dir = dir };
    *out = s;
    store_fault f;
    if (ensure_dirs(s, &f) != 0)
        return report(s, &f, "Could not open the intake folder",
                      "intakes cannot be saved until this is fixed.", err);
    /* every later open names files inside it: a link there would send the
     * kiosk's reads and writes somewhere else */
    struct stat st;
    const char *kind = io_lstat(s->io, s->dir, &st) != 0 ? NULL
                       : S_ISDIR(st.st_mode)           ? NULL
                                                       : store_kind_of(st.st_mode);
    if (kind) {
        pm_msg_set(err,
                   "Could not open the intake folder: %s is %s, not a folder. Ask staff to "
                   "move it away and restart the kiosk; intakes cannot be saved until then.",
                   s->dir, kind);
        return PM_ERR_REFUSED;
    }
    return PM_OK;
}

void store_close(store *s)
{
    if (!s)
        return;
    free(s->state);
    free(s->dir);
    free(s->scratch); /* sealed bytes only: nothing to wipe */
    free(s);
}

const char *store_intakes_dir(const store *s)
{
    return s->dir;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

/* Publishes tmp as final: rename (replacing or not), then make the folder
 * entry durable. Returns 0; -1 when the rename failed (tmp still exists,
 * final untouched); -2 when the rename succeeded but the folder sync failed
 * (final holds the complete file but may not survive a power cut). */
static int publish(const store *s, const char *tmp, const char *final, bool replace,
                   store_fault *f)
{
    const store_io *io = s->io;
    int r = replace ? io->rename(io->ctx, tmp, final)
                    : io->rename_noreplace(io->ctx, tmp, final);
    if (r != 0) {
        fault_set(f, "renaming into place", final, errno);
        return -1;
    }
    return fsync_dir(io, s->dir, f) == 0 ? 0 : -2;
}

static pm_status write_file(store *s, const char *name, const char *data, size_t len,
                            bool replace, store_fault *f)
{
    char tmp[STORE_PATH_MAX], final[STORE_PATH_MAX];
    if (!join(final, sizeof final, s->dir, name)) {
        fault_set(f, "naming", name, ENAMETOOLONG);
        return PM_ERR_IO;
    }
    data = bytes_for(s, name, data, len, &len);
    if (!data) {
        fault_set(f, "sealing", name, ENOMEM);
        return PM_ERR_NOMEM;
    }
    if (temp_write(s, name, data, len, tmp, sizeof tmp, f) != 0)
        return pm_status_of_errno(f->e);
    int r = publish(s, tmp, final, replace, f);
    if (r == -1)
        (void)s->io->unlink(s->io->ctx, tmp);
    if (r == -1 && f->e == EEXIST && !replace)
        return PM_ERR_STATE;
    return r == 0 ? PM_OK : pm_status_of_errno(f->e);
}

pm_status store_write_atomic(store *s, const char *name, const char *data, size_t len,
                             bool replace, pm_msg *err)
{
    msg_clear(err);
    if (!s || !name_ok(name) || (!data && len > 0)) {
        pm_msg_set(err, "Could not write '%s': not a plain file name or no data",
                   name ? name : "");
        return PM_ERR_INVALID;
    }
    store_fault f;
    pm_status st = write_file(s, name, data ? data : "", len, replace, &f);
    if (st == PM_ERR_STATE) {
        pm_msg_set(err, "Could not write %s/%s: it exists already", s->dir, name);
        return st;
    }
    if (st != PM_OK) {
        char what[STORE_NAME_MAX + 32];
        snprintf(what, sizeof what, "Could not write %s", name);
        return report(s, &f, what, "nothing else was changed.", err);
    }
    return PM_OK;
}

/* "20261125-173012": the UTC second the stem starts with. */
static bool stem_base(int64_t saved_at, char *out, size_t size)
{
    if (saved_at < 0 || saved_at > STORE_MAX_TIME)
        return false;
    time_t t = (time_t)saved_at;
    struct tm tm;
    return gmtime_r(&t, &tm) && strftime(out, size, "%Y%m%d-%H%M%S", &tm) > 0;
}

/* Moves the written JSON temp to the first free STEM-NN.json. Returns PM_OK
 * with stem set, PM_ERR_LIMIT when all 100 names of the second are taken,
 * or the failure (the temp removed, no final file left behind). */
static pm_status claim_stem(store *s, const char *base, const char *tmp, char *stem,
                            store_fault *f)
{
    char final[STORE_PATH_MAX];
    for (int nn = 0; nn < STORE_PER_SECOND; nn++) {
        snprintf(stem, STORE_STEM_MAX, "%s-%02d", base, nn);
        snprintf(final, sizeof final, "%s/%s.json", s->dir, stem);
        int r = publish(s, tmp, final, false, f);
        if (r == 0)
            return PM_OK;
        if (r == -1 && f->e == EEXIST)
            continue;
        /* -2: the record is in place but its folder entry may not survive
         * a power cut; take it back so a retry gives one clean copy */
        (void)s->io->unlink(s->io->ctx, r == -1 ? tmp : final);
        return pm_status_of_errno(f->e);
    }
    (void)s->io->unlink(s->io->ctx, tmp);
    return PM_ERR_LIMIT;
}

static pm_status save_json(store *s, int64_t saved_at, const char *json, char *stem,
                           pm_msg *err)
{
    char base[32], tmp[STORE_PATH_MAX], tmpname[48];
    store_fault f;
    if (!stem_base(saved_at, base, sizeof base) || !json) {
        pm_msg_set(err, "Could not save the intake: no record or a bad time (%lld)",
                   (long long)saved_at);
        return PM_ERR_INVALID;
    }
    snprintf(tmpname, sizeof tmpname, "%s.json", base);
    char probe[STORE_STEM_MAX + 8]; /* the record's name, for the sealing rule */
    snprintf(probe, sizeof probe, "%s-00.json", base);
    size_t len;
    const char *bytes = bytes_for(s, probe, json, strlen(json), &len);
    if (!bytes) {
        pm_msg_set(err, "Could not save the intake: out of memory while sealing it; the intake "
                        "is kept and can be saved again.");
        return PM_ERR_NOMEM;
    }
    if (temp_write(s, tmpname, bytes, len, tmp, sizeof tmp, &f) != 0)
        return report(s, &f, "Could not save the intake",
                      "the intake is kept and can be saved again.", err);
    pm_status st = claim_stem(s, base, tmp, stem, &f);
    if (st == PM_ERR_LIMIT) {
        pm_msg_set(err,
                   "Could not save the intake: %d intakes already carry the time %s in %s. "
                   "Check the kiosk's clock; the intake is kept and can be saved again.",
                   STORE_PER_SECOND, base, s->dir);
        return st;
    }
    if (st != PM_OK)
        return report(s, &f, "Could not save the intake",
                      "the intake is kept and can be saved again.", err);
    return PM_OK;
}

/* The page is derived from the record, so its failure does not fail the
 * save: the JSON is safe and store_missing_html() finds the gap later. */
static void save_html(store *s, const char *stem, const char *html, pm_msg *err)
{
    char name[STORE_STEM_MAX + 8], what[STORE_STEM_MAX * 2 + 96];
    snprintf(name, sizeof name, "%s.html", stem);
    snprintf(what, sizeof what,
             "The intake was saved as %s.json, but its printable page %s could not be "
             "written", stem, name);
    if (!html) {
        pm_msg_set(err, "%s (no page was made); it will be made again at the next start.",
                   what);
        return;
    }
    store_fault f;
    if (write_file(s, name, html, strlen(html), true, &f) != PM_OK)
        report(s, &f, what, "the page will be made again at the next start.", err);
}

pm_status store_save(store *s, int64_t saved_at, const char *json, const char *html,
                     char *stem_out, pm_msg *err)
{
    char stem[STORE_STEM_MAX];
    msg_clear(err);
    if (!s)
        return PM_ERR_INVALID;
    pm_status st = save_json(s, saved_at, json, stem, err);
    if (st != PM_OK)
        return st;
    if (stem_out)
        snprintf(stem_out, STORE_STEM_MAX, "%s", stem);
    save_html(s, stem, html, err);
    return PM_OK;
}

/* ------------------------------------------------------------------------ */
/* Reading and listing                                                       */

static pm_status read_fd(const store_io *io, int fd, char **out, size_t *len, store_fault *f,
                         const char *path)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            return PM_ERR_NOMEM;
        if (n > STORE_READ_MAX) {
            free(buf);
            return PM_ERR_LIMIT;
        }
        if (cap - n < 2) {
            char *more = realloc(buf, cap * 2);
            if (!more)
                free(buf);
            buf = more;
            cap *= 2;
            continue;
        }
        ssize_t r = io->read(io->ctx, fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fault_set(f, "reading", path, errno);
            free(buf);
            return pm_status_of_errno(f->e);
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    *out = buf;
    if (len)
        *len = n;
    return PM_OK;
}

/* A sealed file just read (*out, n bytes) replaced by what it holds. */
static pm_status open_sealed(store *s, const char *name, char **out, size_t *len, size_t n,
                             pm_msg *err)
{
    char *sealed = *out;
    *out = NULL;
    if (len)
        *len = 0;
    pm_status st = PM_ERR_SEALED;
    pm_msg why = {{0}};
    char *plain = NULL;
    if (!s->opener) {
        pm_msg_set(err, "%s is sealed: staff mode opens it once unlocked with the passphrase",
                   name);
    } else if (!(plain = malloc(n))) {
        pm_msg_set(err, "Could not open %s: out of memory", name);
        st = PM_ERR_NOMEM;
    } else {
        size_t plain_len = 0;
        st = seal_open(s->opener, sealed, n, (unsigned char *)plain, &plain_len, &why);
        if (st == PM_OK) {
            *out = plain;
            if (len)
                *len = plain_len;
        } else {
            pm_msg_set(err, "%s is %s", name, why.text);
            free(plain);
        }
    }
    free(sealed); /* sealed bytes: nothing to wipe */
    return st;
}

pm_status store_read(store *s, const char *name, char **out, size_t *len, pm_msg *err)
{
    char path[STORE_PATH_MAX];
    store_fault f;
    struct stat st;
    *out = NULL;
    msg_clear(err);
    if (!s || !name_ok(name) || !join(path, sizeof path, s->dir, name)) {
        pm_msg_set(err, "Could not read '%s': not a plain file name", name ? name : "");
        return PM_ERR_INVALID;
    }
    /* what is there, before opening it: a named pipe would block, a link
     * would lead out of the folder */
    if (io_lstat(s->io, path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* the name only: staff read this on the queue */
        pm_msg_set(err, "%s is %s, not a file the kiosk wrote: refused", name,
                   store_kind_of(st.st_mode));
        return PM_ERR_REFUSED;
    }
    int fd = s->io->open(s->io->ctx, path, STORE_OPEN_READ, 0);
    if (fd < 0) {
        fault_set(&f, "opening", path, errno);
        if (f.e == ELOOP) { /* it became a link since the look */
            pm_msg_set(err, "%s is a symbolic link, not a file the kiosk wrote: refused",
                       name);
            return PM_ERR_REFUSED;
        }
        pm_msg_set(err, "Could not read %s: %s", path, strerror(f.e));
        return pm_status_of_errno(f.e);
    }
    /* and what was opened: whatever swapped itself in since the look */
    if (io_fstat(s->io, fd, &st) == 0 && !S_ISREG(st.st_mode)) {
        (void)s->io->close(s->io->ctx, fd);
        pm_msg_set(err, "%s is %s, not a file the kiosk wrote: refused", name,
                   store_kind_of(st.st_mode));
        return PM_ERR_REFUSED;
    }
    size_t got = 0;
    pm_status rs = read_fd(s->io, fd, out, &got, &f, path);
    (void)s->io->close(s->io->ctx, fd);
    if (len)
        *len = got;
    if (rs == PM_OK && seal_is_sealed(*out, got))
        return open_sealed(s, name, out, len, got, err);
    if (rs == PM_ERR_LIMIT)
        pm_msg_set(err, "Could not read %s: larger than %u bytes", path, STORE_READ_MAX);
    else if (rs == PM_ERR_NOMEM)
        pm_msg_set(err, "Could not read %s: out of memory", path);
    else if (rs != PM_OK)
        pm_msg_set(err, "Could not read %s: %s", path, strerror(f.e));
    return rs;
}

pm_status store_remove(store *s, const char *name, pm_msg *err)
{
    char path[STORE_PATH_MAX];
    store_fault f;
    msg_clear(err);
    if (!s || !name_ok(name) || !join(path, sizeof path, s->dir, name)) {
        pm_msg_set(err, "Could not delete '%s': not a plain file name", name ? name : "");
        return PM_ERR_INVALID;
    }
    if (s->io->unlink(s->io->ctx, path) != 0) {
        fault_set(&f, "deleting", path, errno);
        if (f.e == ENOENT) {
            pm_msg_set(err, "Could not delete %s: it does not exist", path);
            return PM_ERR_NOT_FOUND;
        }
        return report(s, &f, "Could not delete an intake file", "it is still there.", err);
    }
    if (fsync_dir(s->io, s->dir, &f) != 0)
        return report(s, &f, "An intake file was deleted but the deletion was not confirmed",
                      "it may come back after a power cut.", err);
    return PM_OK;
}

typedef struct {
    char **names;
    size_t n, cap;
    bool oom;
} name_list;

static void collect(const char *name, void *arg)
{
    name_list *l = arg;
    if (l->oom)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **names = realloc(l->names, cap * sizeof *names);
        if (!names) {
            l->oom = true;
            return;
        }
        l->names = names;
        l->cap = cap;
    }
    if (!(l->names[l->n] = strdup(name)))
        l->oom = true;
    else
        l->n++;
}

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folder's names, sorted (names sort by time). Collected first, acted
 * on after, so changing the folder never disturbs the listing. */
static pm_status list_sorted(store *s, name_list *l)
{
    *l = (name_list){ 0 };
    if (s->io->list(s->io->ctx, s->dir, collect, l) != 0) {
        pm_status st = pm_status_of_errno(errno);
        names_free(l);
        return st;
    }
    if (l->oom) {
        names_free(l);
        return PM_ERR_NOMEM;
    }
    if (l->n)
        qsort(l->names, l->n, sizeof *l->names, cmp_name);
    return PM_OK;
}

int store_clean_temp(store *s)
{
    char path[STORE_PATH_MAX];
    name_list l;
    pm_status st = list_sorted(s, &l);
    if (st != PM_OK)
        return st;
    int removed = 0;
    for (size_t i = 0; i < l.n; i++)
        if (strncmp(l.names[i], STORE_TMP_PREFIX, strlen(STORE_TMP_PREFIX)) == 0
            && join(path, sizeof path, s->dir, l.names[i])
            && s->io->unlink(s->io->ctx, path) == 0)
            removed++;
    names_free(&l);
    return removed;
}

/* The stem of a saved record ("X" for "X.json", X an intake's name), or
 * false. A "notes.json" someone copied in is not a record: it would be
 * listed, but neither retention nor staff could ever delete it. */
static bool record_stem(const char *name, char *stem, size_t size)
{
    size_t n = strlen(name);
    if (name[0] == '.' || n <= 5 || n - 5 >= size || strcmp(name + n - 5, ".json") != 0)
        return false;
    memcpy(stem, name, n - 5);
    stem[n - 5] = '\0';
    return store_is_stem(stem);
}

static bool has_name(const name_list *l, const char *name)
{
    return l->n && bsearch(&name, l->names, l->n, sizeof *l->names, cmp_name) != NULL;
}

/* Calls each(stem) for the records; only those without a page when
 * missing_only. */
static int each_record(store *s, bool missing_only, store_list_fn each, void *arg)
{
    name_list l;
    pm_status st = list_sorted(s, &l);
    if (st != PM_OK)
        return st;
    int count = 0;
    for (size_t i = 0; i < l.n; i++) {
        char stem[STORE_NAME_MAX + 1], page[STORE_NAME_MAX + 8];
        if (!record_stem(l.names[i], stem, sizeof stem))
            continue;
        snprintf(page, sizeof page, "%s.html", stem);
        if (missing_only && has_name(&l, page))
            continue;
        if (each)
            each(stem, arg);
        count++;
    }
    names_free(&l);
    return count;
}

int store_list(store *s, store_list_fn each, void *arg)
{
    return each_record(s, false, each, arg);
}

int store_missing_html(store *s, store_list_fn each, void *arg)
{
    return each_record(s, true, each, arg);
}

int store_refused(store *s, store_refused_fn each, void *arg)
{
    char path[STORE_PATH_MAX];
    name_list l;
    pm_status st = list_sorted(s, &l);
    if (st != PM_OK)
        return st;
    int count = 0;
    for (size_t i = 0; i < l.n; i++) {
        struct stat sb;
        if (!join(path, sizeof path, s->dir, l.names[i]) || io_lstat(s->io, path, &sb) != 0
            || S_ISREG(sb.st_mode))
            continue;
        if (each)
            each(l.names[i], store_kind_of(sb.st_mode), arg);
        count++;
    }
    names_free(&l);
    return count;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n > t && strcmp(s + n - t, tail) == 0;
}

int store_foreign(store *s, store_list_fn each, void *arg)
{
    name_list l;
    pm_status st = list_sorted(s, &l);
    if (st != PM_OK)
        return st;
    int count = 0;
    for (size_t i = 0; i < l.n; i++) {
        const char *name = l.names[i];
        size_t n = strlen(name);
        if (name[0] == '.' || !(ends_with(name, ".json") || ends_with(name, ".html")))
            continue;
        char stem[STORE_NAME_MAX + 1];
        snprintf(stem, sizeof stem, "%.*s", (int)(n - 5), name);
        if (store_is_stem(stem))
            continue;
        if (each)
            each(name, arg);
        count++;
    }
    names_free(&l);
    return count;
}

bool store_is_sealed(store *s, const char *name)
{
    /* the first bytes say it; a whole read is cheap enough for small files */
    const seal_secret *keep = s->opener;
    s->opener = NULL;
    char *text = NULL;
    size_t n = 0;
    pm_msg err;
    pm_status st = store_read(s, name, &text, &n, &err);
    s->opener = keep;
    if (text) { /* a plain intake: wiped like every other */
        explicit_bzero(text, n);
        free(text);
    }
    return st == PM_ERR_SEALED;
}
