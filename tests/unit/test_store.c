/* test_store.c — durable, atomic saving (store.h).
 *
 * The model is SQLite's: fail every system call in turn with each errno
 * and check what is left; stop at every call as a power cut would and check
 * what is left; and replay the calls on a small in-memory file system that
 * forgets everything not fsync'ed, to prove the order of the syncs. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "store.h"
#include "testutil.h"

#define T0 INT64_C(1795800612) /* 2026-11-27T17:30:12Z */
#define STEM0 "20261127-173012-00"

static const char json_doc[] = "{\"schema\": \"painmap.intake\", \"version\": 1, \"note\": "
                               "\"a record long enough to need several writes\"}\n";
static const char html_doc[] = "<!DOCTYPE html>\n<html><body>the page</body></html>\n";

/* ---- a fault-injecting seam over the real calls ------------------------- */

typedef struct {
    int calls;          /* calls made so far */
    int fail_at;        /* fail call number fail_at (1-based); 0: never */
    int fail_errno;
    const char *failed; /* the name of the call that was failed */
    int crash_at;       /* longjmp out at this call, before making it */
    jmp_buf *crash;
    int max_write;      /* write at most this many bytes per call; 0: all */
    int eintr_every;    /* every n-th write and fsync reports EINTR first */
    int eacces_create;  /* refuse creating files (a read-only folder as root) */
    int fail_page;      /* fail writes with fail_errno once a record is in place */
    int renamed;
    int open_fds[16];   /* to close what a crash left open */
    int nfds;
} fault;

static bool tick(fault *f, const char *name)
{
    f->calls++;
    if (f->crash_at && f->calls == f->crash_at)
        longjmp(*f->crash, 1);
    if (f->fail_at && f->calls == f->fail_at) {
        f->failed = name;
        errno = f->fail_errno;
        return true;
    }
    return false;
}

static void fd_track(fault *f, int fd, bool add)
{
    if (add && fd >= 0 && f->nfds < 16)
        f->open_fds[f->nfds++] = fd;
    for (int i = 0; !add && i < f->nfds; i++)
        if (f->open_fds[i] == fd)
            f->open_fds[i] = f->open_fds[--f->nfds];
}

static int f_open(void *ctx, const char *path, int flags, mode_t mode)
{
    fault *f = ctx;
    if (tick(f, "open"))
        return -1;
    if (f->eacces_create && (flags & O_CREAT)) {
        errno = EACCES;
        return -1;
    }
    int fd = store_io_posix()->open(NULL, path, flags, mode);
    fd_track(f, fd, true);
    return fd;
}

static ssize_t f_write(void *ctx, int fd, const void *buf, size_t n)
{
    fault *f = ctx;
    if (tick(f, "write"))
        return -1;
    if (f->fail_page && f->renamed) {
        f->failed = "write";
        errno = f->fail_errno;
        return -1;
    }
    if (f->eintr_every && f->calls % f->eintr_every == 0) {
        errno = EINTR;
        return -1;
    }
    if (f->max_write && n > (size_t)f->max_write)
        n = (size_t)f->max_write;
    return store_io_posix()->write(NULL, fd, buf, n);
}

static int f_fsync(void *ctx, int fd)
{
    fault *f = ctx;
    if (tick(f, "fsync"))
        return -1;
    if (f->eintr_every && f->calls % f->eintr_every == 0) {
        errno = EINTR;
        return -1;
    }
    return store_io_posix()->fsync(NULL, fd);
}

static int f_close(void *ctx, int fd)
{
    fault *f = ctx;
    /* close releases the descriptor even when it reports an error */
    fd_track(f, fd, false);
    int r = store_io_posix()->close(NULL, fd);
    if (tick(f, "close"))
        return -1;
    return r;
}

static int f_rename_noreplace(void *ctx, const char *o, const char *n)
{
    fault *f = ctx;
    if (tick(f, "rename_noreplace"))
        return -1;
    int r = store_io_posix()->rename_noreplace(NULL, o, n);
    if (r == 0)
        f->renamed = 1;
    return r;
}

static int f_rename(void *ctx, const char *o, const char *n)
{
    if (tick(ctx, "rename"))
        return -1;
    return store_io_posix()->rename(NULL, o, n);
}

static int f_unlink(void *ctx, const char *path)
{
    if (tick(ctx, "unlink"))
        return -1;
    return store_io_posix()->unlink(NULL, path);
}

static int f_mkdir(void *ctx, const char *path, mode_t mode)
{
    if (tick(ctx, "mkdir"))
        return -1;
    return store_io_posix()->mkdir(NULL, path, mode);
}

static ssize_t f_read(void *ctx, int fd, void *buf, size_t n)
{
    if (tick(ctx, "read"))
        return -1;
    return store_io_posix()->read(NULL, fd, buf, n);
}

static int f_list(void *ctx, const char *dir, store_list_fn each, void *arg)
{
    if (tick(ctx, "list"))
        return -1;
    return store_io_posix()->list(NULL, dir, each, arg);
}

static store_io fault_io(fault *f)
{
    return (store_io){ .open = f_open, .write = f_write, .fsync = f_fsync, .close = f_close,
                       .rename_noreplace = f_rename_noreplace, .unlink = f_unlink,
                       .mkdir = f_mkdir, .rename = f_rename, .read = f_read, .list = f_list,
                       .ctx = f };
}

/* ---- looking at the folder --------------------------------------------- */

typedef struct {
    int finals, temps, json, html;
} folder_census;

static char *path_in(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(p);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

/* The key census() opens sealed files with (the sealed power-cut test). */
static const seal_secret *census_key;

/* A file's text: as it is, or opened when sealed (NULL when it does not
 * open: a sealed file cut short never opens, its MAC fails). */
static char *file_text(const char *path)
{
    size_t n = 0;
    char *text = tu_read_file(path, &n);
    if (!text || !seal_is_sealed(text, n))
        return text;
    assert_non_null(census_key);
    char *plain = malloc(n);
    size_t len = 0;
    pm_status st = seal_open(census_key, text, n, (unsigned char *)plain, &len, NULL);
    free(text);
    if (st != PM_OK) {
        free(plain);
        return strdup("(a sealed file that does not open)");
    }
    return plain;
}

/* Counts the files; every file under a final name must be complete: the
 * whole record or the whole page, never a part. */
static folder_census census(const char *dir)
{
    folder_census c = { 0 };
    DIR *d = opendir(dir);
    if (!d)
        return c;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (strncmp(de->d_name, ".tmp-", 5) == 0) {
            c.temps++;
            continue;
        }
        char *p = path_in(dir, de->d_name);
        char *text = file_text(p);
        assert_non_null(text);
        if (ends_with(de->d_name, ".json")) {
            if (strcmp(text, json_doc) != 0)
                fail_msg("%s is not the complete record", p);
            c.json++;
        } else if (ends_with(de->d_name, ".html")) {
            if (strcmp(text, html_doc) != 0)
                fail_msg("%s is not the complete page", p);
            c.html++;
        } else {
            fail_msg("unexpected file %s", p);
        }
        c.finals++;
        free(text);
        free(p);
    }
    closedir(d);
    return c;
}

static int count_temps(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)))
        n += strncmp(de->d_name, ".tmp-", 5) == 0;
    closedir(d);
    return n;
}

typedef struct {
    char *root;   /* temp folder */
    char *state;  /* root/state */
    char *dir;    /* root/state/intakes */
} place;

static place place_new(void)
{
    place p;
    p.root = tu_tempdir();
    p.state = path_in(p.root, "state");
    p.dir = path_in(p.state, "intakes");
    return p;
}

static void place_free(place *p)
{
    tu_rmtree(p->root);
    free(p->root);
    free(p->state);
    free(p->dir);
}

static store *open_ok(const place *p, const store_io *io)
{
    store *s = NULL;
    pm_msg err = { "" };
    assert_int_equal(store_open(p->state, io, &s, &err), PM_OK);
    assert_non_null(s);
    assert_string_equal(store_intakes_dir(s), p->dir);
    return s;
}

static pm_status expected_status(int e)
{
    switch (e) {
    case ENOSPC: return PM_ERR_FULL;
    case EROFS: return PM_ERR_READONLY;
    default: return PM_ERR_IO;
    }
}

/* ---- basic behaviour ---------------------------------------------------- */

static void test_save_writes_both_files(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    char stem[STORE_STEM_MAX];
    pm_msg err = { "x" };
    assert_int_equal(store_save(s, T0, json_doc, html_doc, stem, &err), PM_OK);
    assert_string_equal(stem, STEM0);
    assert_string_equal(err.text, "");
    folder_census c = census(p.dir);
    assert_int_equal(c.json, 1);
    assert_int_equal(c.html, 1);
    assert_int_equal(c.temps, 0);
    char *file = path_in(p.dir, STEM0 ".json");
    struct stat st;
    assert_int_equal(stat(file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640); /* health data: not for others */
    free(file);
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(store_read(s, STEM0 ".json", &text, &len, &err), PM_OK);
    assert_string_equal(text, json_doc);
    assert_int_equal(len, strlen(json_doc));
    free(text);
    store_close(s);
    place_free(&p);
}

static void collect_stem(const char *stem, void *arg)
{
    char (*stems)[STORE_STEM_MAX] = arg;
    for (int i = 0; i < 200; i++)
        if (!stems[i][0]) {
            snprintf(stems[i], STORE_STEM_MAX, "%s", stem);
            return;
        }
}

static void test_names_sort_and_never_collide(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    static char saved[200][STORE_STEM_MAX], listed[200][STORE_STEM_MAX];
    memset(saved, 0, sizeof saved);
    memset(listed, 0, sizeof listed);
    /* 100 saves in one second, then later seconds */
    for (int i = 0; i < 100; i++) {
        pm_msg err;
        assert_int_equal(store_save(s, T0, json_doc, html_doc, saved[i], &err), PM_OK);
        if (i > 0)
            assert_true(strcmp(saved[i - 1], saved[i]) < 0);
    }
    assert_string_equal(saved[0], STEM0);
    assert_string_equal(saved[99], "20261127-173012-99");
    assert_int_equal(store_save(s, T0 + 1, json_doc, html_doc, saved[100], NULL), PM_OK);
    assert_int_equal(store_save(s, T0 + 3600, json_doc, html_doc, saved[101], NULL), PM_OK);
    assert_int_equal(store_save(s, T0 + 86400 * 40, json_doc, html_doc, saved[102], NULL),
                     PM_OK);
    for (int i = 1; i < 103; i++)
        assert_true(strcmp(saved[i - 1], saved[i]) < 0);
    assert_string_equal(saved[102], "20270106-173012-00");
    /* listing gives the same names in the same order */
    assert_int_equal(store_list(s, collect_stem, listed), 103);
    for (int i = 0; i < 103; i++)
        assert_string_equal(listed[i], saved[i]);
    /* a 101st save in one second is refused cleanly, the intake kept */
    pm_msg err;
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_ERR_LIMIT);
    assert_non_null(strstr(err.text, "the intake is kept"));
    folder_census c = census(p.dir);
    assert_int_equal(c.json, 103);
    assert_int_equal(c.temps, 0);
    store_close(s);
    place_free(&p);
}

static void test_real_rename_noreplace(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    char *a = path_in(p.dir, "a"), *b = path_in(p.dir, "b");
    tu_write_file(a, "A");
    tu_write_file(b, "B");
    const store_io *io = store_io_posix();
    errno = 0;
    assert_int_equal(io->rename_noreplace(NULL, a, b), -1);
    assert_int_equal(errno, EEXIST);
    char *text = tu_read_file(b, NULL);
    assert_string_equal(text, "B");
    free(text);
    free(a);
    free(b);
    store_close(s);
    place_free(&p);
}

static void test_write_atomic_and_read(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    pm_msg err;
    assert_int_equal(store_write_atomic(s, "x.html", "one", 3, false, &err), PM_OK);
    assert_int_equal(store_write_atomic(s, "x.html", "two", 3, false, &err), PM_ERR_STATE);
    assert_non_null(strstr(err.text, "exists already"));
    char *text = NULL;
    assert_int_equal(store_read(s, "x.html", &text, NULL, &err), PM_OK);
    assert_string_equal(text, "one");
    free(text);
    assert_int_equal(store_write_atomic(s, "x.html", "three", 5, true, &err), PM_OK);
    assert_int_equal(store_read(s, "x.html", &text, NULL, &err), PM_OK);
    assert_string_equal(text, "three");
    free(text);
    assert_int_equal(store_read(s, "nothing.json", &text, NULL, &err), PM_ERR_NOT_FOUND);
    assert_null(text);
    assert_int_equal(store_write_atomic(s, "../escape", "x", 1, true, &err), PM_ERR_INVALID);
    assert_int_equal(store_write_atomic(s, "", "x", 1, true, &err), PM_ERR_INVALID);
    assert_int_equal(store_read(s, "a/b", &text, NULL, &err), PM_ERR_INVALID);
    assert_int_equal(count_temps(p.dir), 0);
    store_close(s);
    place_free(&p);
}

/* ---- failing each call in turn ------------------------------------------ */

static void check_retry(store *s, fault *f, const char *dir, int json_before)
{
    f->fail_at = 0;
    f->eacces_create = 0;
    pm_msg err;
    char stem[STORE_STEM_MAX];
    assert_int_equal(store_save(s, T0, json_doc, html_doc, stem, &err), PM_OK);
    assert_string_equal(err.text, "");
    folder_census c = census(dir);
    assert_int_equal(c.json, json_before + 1);
    assert_int_equal(c.temps, 0);
}

/* One save with call n failing with errno e; returns false once the save
 * made fewer than n calls (every call has had its turn). */
static bool fail_one_call(int n, int e, bool remove_folder)
{
    place p = place_new();
    fault f = { 0 };
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    if (remove_folder)
        tu_rmtree(p.dir);
    f.calls = 0;
    f.fail_at = n;
    f.fail_errno = e;
    char stem[STORE_STEM_MAX] = "";
    pm_msg err = { "" };
    pm_status st = store_save(s, T0, json_doc, html_doc, stem, &err);
    bool reached = f.calls >= n;
    folder_census c = census(p.dir); /* also: every final file is complete */
    if (!reached) {
        assert_int_equal(st, PM_OK);
        assert_int_equal(c.json, 1);
        assert_int_equal(c.html, 1);
    } else if (st != PM_OK) {
        /* the record failed: the right status, a sentence, nothing left */
        if (st != expected_status(e))
            fail_msg("call %d (%s) failing with %s gave status %s: %s", n, f.failed,
                     strerror(e), pm_status_name(st), err.text);
        assert_non_null(strstr(err.text, "Could not save the intake"));
        assert_non_null(strstr(err.text, "the intake is kept and can be saved again"));
        if (e == ENOSPC) {
            char want[512];
            snprintf(want, sizeof want, "the disk is full (%s). Free space", p.dir);
            assert_non_null(strstr(err.text, want));
        }
        assert_int_equal(c.json, 0);
    } else {
        /* the record is safe; only the page (or a harmless call) failed */
        assert_int_equal(c.json, 1);
        if (c.html == 0)
            assert_non_null(strstr(err.text, "its printable page"));
    }
    if (c.temps) {
        /* only a failed clean-up may leave one, and start-up removes it */
        if (!reached || strcmp(f.failed, "unlink") != 0)
            fail_msg("call %d (%s) failing with %s left a temporary file", n,
                     reached ? f.failed : "none", strerror(e));
        assert_int_equal(store_clean_temp(s), c.temps);
    }
    check_retry(s, &f, p.dir, c.json);
    store_close(s);
    place_free(&p);
    return reached;
}

static void test_each_call_fails_in_turn(void **state)
{
    (void)state;
    const int errnos[] = { ENOSPC, EROFS, EIO };
    for (int remove = 0; remove < 2; remove++)
        for (size_t k = 0; k < sizeof errnos / sizeof errnos[0]; k++) {
            int n = 1;
            while (fail_one_call(n, errnos[k], remove))
                n++;
            assert_true(n > (remove ? 14 : 10)); /* every step was tried */
        }
}

static void test_short_writes_and_eintr(void **state)
{
    (void)state;
    place p = place_new();
    fault f = { .max_write = 7, .eintr_every = 3 };
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    pm_msg err;
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_OK);
    folder_census c = census(p.dir);
    assert_int_equal(c.json, 1);
    assert_int_equal(c.html, 1);
    store_close(s);
    place_free(&p);
}

/* ---- stopping at each call, as a power cut would ------------------------ */

static void collect_missing(const char *stem, void *arg)
{
    collect_stem(stem, arg);
}

/* What sealed saves must never leave on the disk: the documents' text. */
static void no_plain_text(const char *dir)
{
    assert_false(tu_tree_has(dir, "several writes")); /* json_doc */
    assert_false(tu_tree_has(dir, "the page"));       /* html_doc */
}

static bool crash_at_sealed(int n, bool sealed)
{
    seal_public pk;
    seal_keybox kb;
    seal_secret *sk = NULL;
    if (sealed)
        tu_test_key(&pk, &kb, &sk);
    census_key = sk;
    place p = place_new();
    fault f = { 0 };
    jmp_buf jb;
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    if (sealed)
        store_set_seal(s, &pk);
    f.calls = 0;
    f.crash_at = n;
    f.crash = &jb;
    volatile bool crashed = true;
    if (setjmp(jb) == 0) {
        (void)store_save(s, T0, json_doc, html_doc, NULL, NULL);
        crashed = false;
    }
    for (int i = 0; i < f.nfds; i++) /* the process died: the kernel closes */
        close(f.open_fds[i]);
    store_close(s);
    folder_census c = census(p.dir); /* no final file is ever partial */
    assert_true(c.json <= 1 && c.html <= c.json);
    if (sealed) /* not even in a temporary file, at any instant */
        no_plain_text(p.dir);

    /* restart: clean up, find the missing page, save again */
    s = open_ok(&p, NULL);
    if (sealed) {
        store_set_seal(s, &pk);
        store_set_opener(s, sk);
        char *text = NULL;
        if (c.json) { /* a record left by the cut is whole, and opens */
            assert_int_equal(store_read(s, STEM0 ".json", &text, NULL, NULL), PM_OK);
            assert_string_equal(text, json_doc);
            free(text);
        }
    }
    assert_int_equal(store_clean_temp(s), c.temps);
    static char missing[200][STORE_STEM_MAX];
    memset(missing, 0, sizeof missing);
    int nmissing = store_missing_html(s, collect_missing, missing);
    assert_int_equal(nmissing, c.json - c.html);
    if (nmissing) {
        assert_string_equal(missing[0], STEM0);
        assert_int_equal(store_write_atomic(s, STEM0 ".html", html_doc, strlen(html_doc), false,
                                            NULL),
                         PM_OK);
    }
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, NULL), PM_OK);
    folder_census after = census(p.dir);
    assert_int_equal(after.temps, 0);
    assert_int_equal(after.json, c.json + 1);
    assert_int_equal(after.html, after.json);
    if (sealed)
        no_plain_text(p.dir);
    store_close(s);
    place_free(&p);
    census_key = NULL;
    seal_secret_free(sk);
    return crashed;
}

static bool crash_at(int n)
{
    return crash_at_sealed(n, false);
}

static void test_crash_at_each_call(void **state)
{
    (void)state;
    int n = 1;
    while (crash_at(n))
        n++;
    assert_true(n > 10);
}

/* A marker as the queue writes it (queue.c): a plain small file. */
static pm_status queue_like_marker(store *s, const char *stem)
{
    char name[STORE_STEM_MAX + 8];
    snprintf(name, sizeof name, "%s.seen", stem);
    return store_write_atomic(s, name, "1795800700\nseen-at\n", 19, true, NULL);
}

/* The same power cuts with sealing on: the same guarantees, and no plain
 * text on the disk at any instant (temporary files are sealed too). */
static void test_crash_at_each_call_sealed(void **state)
{
    (void)state;
    int n = 1;
    while (crash_at_sealed(n, true))
        n++;
    assert_true(n > 10);
}

/* Intakes protected at rest: a saved intake's bytes hold no client text;
 * reading one needs the key staff mode lends; markers stay plain (retention
 * and the queue need no key); a damaged or foreign file says so. */
static void test_sealed_saves(void **state)
{
    (void)state;
    seal_public pk, other_pk;
    seal_keybox kb, other_kb;
    seal_secret *sk = NULL;
    tu_test_key(&pk, &kb, &sk);
    unsigned char seed[SEAL_SEED_BYTES] = {9}, salt[SEAL_SALT_BYTES] = {9},
                  nonce[SEAL_NONCE_BYTES] = {9};
    pm_msg err;
    assert_int_equal(seal_make(TU_PASSPHRASE, seed, salt, nonce, 1, 8, &other_pk, &other_kb, &err),
                     PM_OK);
    place p = place_new();
    store *s = open_ok(&p, NULL);
    store_set_seal(s, &pk);
    assert_true(store_seals(s));
    const char *json = "{\"name\": \"Zebulon Quixote\", \"marks\": [\"calf_l\"]}";
    const char *html = "<html><body>Zebulon Quixote: calf</body></html>";
    char stem[STORE_STEM_MAX];
    assert_int_equal(store_save(s, T0, json, html, stem, &err), PM_OK);
    assert_string_equal(err.text, "");
    assert_int_equal(queue_like_marker(s, stem), PM_OK);
    assert_false(tu_tree_has(p.root, "Zebulon"));
    assert_false(tu_tree_has(p.root, "calf"));
    assert_true(tu_tree_has(p.dir, SEAL_MAGIC));
    assert_true(tu_tree_has(p.dir, "seen-at")); /* the marker is plain */
    assert_true(store_is_sealed(s, STEM0 ".json"));
    assert_true(store_is_sealed(s, STEM0 ".html"));
    assert_false(store_is_sealed(s, STEM0 ".seen"));
    /* locked: listed by name, never read */
    assert_int_equal(store_list(s, NULL, NULL), 1);
    char *text = NULL;
    assert_int_equal(store_read(s, STEM0 ".json", &text, NULL, &err), PM_ERR_SEALED);
    assert_null(text);
    assert_non_null(strstr(err.text, "passphrase"));
    /* unlocked: the text as saved */
    store_set_opener(s, sk);
    assert_true(store_can_open(s));
    size_t len = 0;
    assert_int_equal(store_read(s, STEM0 ".json", &text, &len, &err), PM_OK);
    assert_string_equal(text, json);
    assert_int_equal(len, strlen(json));
    free(text);
    assert_int_equal(store_read(s, STEM0 ".html", &text, NULL, &err), PM_OK);
    assert_string_equal(text, html);
    free(text);
    /* a page made again at start-up is sealed too (store_write_atomic) */
    assert_int_equal(store_write_atomic(s, STEM0 ".html", html, strlen(html), true, &err), PM_OK);
    assert_false(tu_tree_has(p.root, "Zebulon"));
    /* a file sealed to another key, and a damaged one */
    store_set_seal(s, &other_pk);
    assert_int_equal(store_save(s, T0 + 1, json, html, NULL, &err), PM_OK);
    assert_int_equal(store_read(s, "20261127-173013-00.json", &text, NULL, &err), PM_ERR_SEALED);
    assert_non_null(strstr(err.text, "another key"));
    char *path = path_in(p.dir, STEM0 ".json");
    size_t n = 0;
    char *raw = tu_read_file(path, &n);
    raw[n - 5] ^= 1;
    FILE *fw = fopen(path, "wb");
    fwrite(raw, 1, n, fw);
    fclose(fw);
    assert_int_equal(store_read(s, STEM0 ".json", &text, NULL, &err), PM_ERR_INVALID);
    assert_non_null(strstr(err.text, "damaged"));
    free(raw);
    free(path);
    store_set_opener(s, NULL);
    store_close(s);
    place_free(&p);
    seal_secret_free(sk);
}

/* ---- an in-memory file system that forgets what was not synced ---------- */

/* One folder (the intakes folder) with up to 8 files. Each file has the
 * bytes written and the bytes synced; the folder has its entries now and the
 * entries as of its last fsync. A power cut keeps, at worst, the synced
 * bytes; and for the entries either only the synced ones, or (a file system
 * that wrote its metadata early) all of them. Both outcomes are checked. */
#define MEM_FILES 8
#define MEM_DATA 256

typedef struct {
    char data[MEM_DATA], synced[MEM_DATA];
    size_t len, synced_len;
    bool used;
} mem_inode;

typedef struct {
    char name[64];
    int inode; /* -1: free entry */
} mem_entry;

typedef struct {
    const char *dir; /* the one folder that exists */
    mem_inode inodes[MEM_FILES];
    mem_entry now[MEM_FILES], durable[MEM_FILES];
    int fd_inode[32]; /* fd -> inode; -2 the folder; -1 closed */
    int calls, crash_at;
    jmp_buf *crash;
} memfs;

static const char *mem_name(memfs *m, const char *path)
{
    size_t n = strlen(m->dir);
    assert_true(strncmp(path, m->dir, n) == 0 && path[n] == '/');
    return path + n + 1;
}

static int mem_find(const mem_entry *e, const char *name)
{
    for (int i = 0; i < MEM_FILES; i++)
        if (e[i].inode >= 0 && strcmp(e[i].name, name) == 0)
            return i;
    return -1;
}

static void mem_tick(memfs *m)
{
    if (++m->calls == m->crash_at)
        longjmp(*m->crash, 1);
}

static int mem_open(void *ctx, const char *path, int flags, mode_t mode)
{
    memfs *m = ctx;
    (void)mode;
    mem_tick(m);
    int fd = 3;
    while (m->fd_inode[fd] != -1)
        fd++;
    if (strcmp(path, m->dir) == 0) {
        m->fd_inode[fd] = -2;
        return fd;
    }
    const char *name = mem_name(m, path);
    int e = mem_find(m->now, name);
    if (e >= 0 && (flags & O_EXCL)) {
        errno = EEXIST;
        return -1;
    }
    if (e < 0) {
        assert_true(flags & O_CREAT);
        int ino = 0, slot = 0;
        while (m->inodes[ino].used)
            ino++;
        while (m->now[slot].inode >= 0)
            slot++;
        m->inodes[ino] = (mem_inode){ .used = true };
        snprintf(m->now[slot].name, sizeof m->now[slot].name, "%s", name);
        m->now[slot].inode = ino;
        e = slot;
    }
    m->fd_inode[fd] = m->now[e].inode;
    return fd;
}

static ssize_t mem_write(void *ctx, int fd, const void *buf, size_t n)
{
    memfs *m = ctx;
    mem_tick(m);
    mem_inode *ino = &m->inodes[m->fd_inode[fd]];
    if (n > 5)
        n = 5; /* short writes, so a cut can fall between them */
    assert_true(ino->len + n <= MEM_DATA);
    memcpy(ino->data + ino->len, buf, n);
    ino->len += n;
    return (ssize_t)n;
}

static int mem_fsync(void *ctx, int fd)
{
    memfs *m = ctx;
    mem_tick(m);
    if (m->fd_inode[fd] == -2) {
        memcpy(m->durable, m->now, sizeof m->now);
    } else {
        mem_inode *ino = &m->inodes[m->fd_inode[fd]];
        memcpy(ino->synced, ino->data, ino->len);
        ino->synced_len = ino->len;
    }
    return 0;
}

static int mem_close(void *ctx, int fd)
{
    memfs *m = ctx;
    mem_tick(m);
    m->fd_inode[fd] = -1;
    return 0;
}

static int mem_move(memfs *m, const char *o, const char *n, bool replace)
{
    mem_tick(m);
    int from = mem_find(m->now, mem_name(m, o));
    int to = mem_find(m->now, mem_name(m, n));
    if (from < 0) {
        errno = ENOENT;
        return -1;
    }
    if (to >= 0 && !replace) {
        errno = EEXIST;
        return -1;
    }
    if (to >= 0)
        m->now[to].inode = -1;
    snprintf(m->now[from].name, sizeof m->now[from].name, "%s", mem_name(m, n));
    return 0;
}

static int mem_rename_noreplace(void *ctx, const char *o, const char *n)
{
    return mem_move(ctx, o, n, false);
}

static int mem_rename(void *ctx, const char *o, const char *n)
{
    return mem_move(ctx, o, n, true);
}

static int mem_unlink(void *ctx, const char *path)
{
    memfs *m = ctx;
    mem_tick(m);
    int e = mem_find(m->now, mem_name(m, path));
    if (e < 0) {
        errno = ENOENT;
        return -1;
    }
    m->now[e].inode = -1;
    return 0;
}

static int mem_mkdir(void *ctx, const char *path, mode_t mode)
{
    (void)path;
    (void)mode;
    mem_tick(ctx);
    errno = EEXIST; /* both folders exist */
    return -1;
}

static void memfs_init(memfs *m, const char *dir)
{
    memset(m, 0, sizeof *m);
    m->dir = dir;
    for (int i = 0; i < MEM_FILES; i++)
        m->now[i].inode = m->durable[i].inode = -1;
    for (int i = 0; i < 32; i++)
        m->fd_inode[i] = -1;
}

/* Every final name in this view of the disk holds the complete document. */
static int check_view(const memfs *m, const mem_entry *entries, const char *what, int n)
{
    int finals = 0;
    for (int i = 0; i < MEM_FILES; i++) {
        if (entries[i].inode < 0 || strncmp(entries[i].name, ".tmp-", 5) == 0)
            continue;
        const mem_inode *ino = &m->inodes[entries[i].inode];
        const char *want = ends_with(entries[i].name, ".json") ? json_doc : html_doc;
        const char *got = ino->synced;
        size_t got_len = ino->synced_len;
        char plain[MEM_DATA];
        if (census_key) { /* sealed: what survived must open to the whole text */
            if (seal_open(census_key, ino->synced, ino->synced_len, (unsigned char *)plain,
                          &got_len, NULL)
                != PM_OK)
                fail_msg("power cut at call %d, %s: %s does not open (%zu bytes)", n, what,
                         entries[i].name, ino->synced_len);
            got = plain;
        }
        if (got_len != strlen(want) || memcmp(got, want, got_len) != 0)
            fail_msg("power cut at call %d, %s: %s holds %zu of %zu bytes", n, what,
                     entries[i].name, got_len, strlen(want));
        finals++;
    }
    return finals;
}

static bool power_cut_at(int n, const seal_public *pk)
{
    memfs m;
    memfs_init(&m, "/mem/state/intakes");
    store_io io = { .open = mem_open, .write = mem_write, .fsync = mem_fsync,
                    .close = mem_close, .rename_noreplace = mem_rename_noreplace,
                    .unlink = mem_unlink, .mkdir = mem_mkdir, .rename = mem_rename,
                    .ctx = &m };
    store *s = open_ok(&(place){ .state = "/mem/state", .dir = "/mem/state/intakes" }, &io);
    if (pk)
        store_set_seal(s, pk);
    jmp_buf jb;
    m.calls = 0;
    m.crash_at = n;
    m.crash = &jb;
    volatile pm_status st = PM_ERR_STATE;
    volatile bool cut = true;
    if (setjmp(jb) == 0) {
        st = store_save(s, T0, json_doc, html_doc, NULL, NULL);
        cut = false;
    }
    store_close(s);
    check_view(&m, m.now, "metadata written early", n);
    int durable = check_view(&m, m.durable, "only synced entries", n);
    if (!cut) {
        /* a save reported done must survive a power cut right after */
        assert_int_equal(st, PM_OK);
        assert_int_equal(durable, 2);
    }
    return cut;
}

static void test_power_cut_keeps_whole_files(void **state)
{
    (void)state;
    int n = 1;
    while (power_cut_at(n, NULL))
        n++;
    assert_true(n > 20);
    /* sealed: the same syncs in the same order, the same guarantee */
    seal_public pk;
    seal_keybox kb;
    seal_secret *sk = NULL;
    tu_test_key(&pk, &kb, &sk);
    census_key = sk;
    n = 1;
    while (power_cut_at(n, &pk))
        n++;
    assert_true(n > 20);
    census_key = NULL;
    seal_secret_free(sk);
}

/* ---- folders that refuse or vanish --------------------------------------- */

/* Root ignores file modes, so a chmod'ed folder only refuses writes for
 * other users; as root the refusal is made by the seam instead. */
static bool chmod_blocks_writes(const char *dir)
{
    char *probe = path_in(dir, "probe");
    int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
        close(fd);
        unlink(probe);
    }
    free(probe);
    return fd < 0 && errno == EACCES;
}

static void test_read_only_folder(void **state)
{
    (void)state;
    place p = place_new();
    fault f = { 0 };
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    assert_int_equal(chmod(p.dir, 0555), 0);
    if (!chmod_blocks_writes(p.dir)) {
        print_message("running as root: chmod 0555 does not stop writes here; "
                      "refusing file creation with EACCES through the I/O seam instead\n");
        f.eacces_create = 1;
    }
    pm_msg err;
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_ERR_READONLY);
    assert_non_null(strstr(err.text, "refuses writes"));
    assert_non_null(strstr(err.text, p.dir));
    assert_non_null(strstr(err.text, "the intake is kept"));
    assert_int_equal(census(p.dir).finals, 0);
    assert_int_equal(census(p.dir).temps, 0);
    /* made writable again: the retry succeeds */
    assert_int_equal(chmod(p.dir, 0750), 0);
    check_retry(s, &f, p.dir, 0);
    store_close(s);
    place_free(&p);
}

static void test_missing_folder_is_recreated(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    pm_msg err;
    tu_rmtree(p.dir); /* someone deleted it while the kiosk ran */
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_OK);
    assert_int_equal(census(p.dir).json, 1);
    tu_rmtree(p.state); /* the whole state folder */
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_OK);
    assert_int_equal(census(p.dir).json, 1);
    store_close(s);
    place_free(&p);
}

static void test_folder_that_cannot_be_made(void **state)
{
    (void)state;
    place p = place_new();
    char *blocker = path_in(p.root, "file");
    tu_write_file(blocker, "not a folder");
    char *bad = path_in(blocker, "state");
    store *s = NULL;
    pm_msg err;
    /* open reports it but still returns a store for a later retry */
    assert_int_equal(store_open(bad, NULL, &s, &err), PM_ERR_NOT_FOUND);
    assert_non_null(s);
    assert_non_null(strstr(err.text, "Could not open the intake folder"));
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.text, "is missing and could not be created"));
    store_close(s);
    free(bad);
    free(blocker);
    place_free(&p);
}

static void test_page_failure_keeps_the_record(void **state)
{
    (void)state;
    place p = place_new();
    fault f = { 0 };
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    /* a record saved without a page (it could not be rendered) */
    assert_int_equal(store_save(s, T0, json_doc, NULL, NULL, NULL), PM_OK);
    /* a page that cannot be written after its record was */
    f.renamed = 0;
    f.fail_page = 1;
    f.fail_errno = ENOSPC;
    char stem[STORE_STEM_MAX];
    pm_msg err;
    assert_int_equal(store_save(s, T0, json_doc, html_doc, stem, &err), PM_OK);
    assert_string_equal(f.failed, "write");
    assert_string_equal(stem, "20261127-173012-01");
    assert_non_null(strstr(err.text, "was saved as 20261127-173012-01.json"));
    assert_non_null(strstr(err.text, "disk is full"));
    static char missing[200][STORE_STEM_MAX];
    memset(missing, 0, sizeof missing);
    assert_int_equal(store_missing_html(s, collect_missing, missing), 2);
    assert_string_equal(missing[0], STEM0);
    assert_string_equal(missing[1], "20261127-173012-01");
    assert_int_equal(census(p.dir).temps, 0);
    store_close(s);
    place_free(&p);
}

static void test_remove(void **state)
{
    (void)state;
    place p = place_new();
    fault f = { 0 };
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    pm_msg err;
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, &err), PM_OK);
    assert_int_equal(store_remove(s, STEM0 ".html", &err), PM_OK);
    assert_int_equal(census(p.dir).html, 0);
    assert_int_equal(store_remove(s, STEM0 ".html", &err), PM_ERR_NOT_FOUND);
    assert_int_equal(store_remove(s, "../state", &err), PM_ERR_INVALID);
    /* a refused delete leaves the file and says so */
    f.calls = 0;
    f.fail_at = 1;
    f.fail_errno = EROFS;
    assert_int_equal(store_remove(s, STEM0 ".json", &err), PM_ERR_READONLY);
    assert_non_null(strstr(err.text, "it is still there"));
    assert_int_equal(census(p.dir).json, 1);
    store_close(s);
    place_free(&p);
}

static void test_list_failure(void **state)
{
    (void)state;
    place p = place_new();
    fault f = { 0 };
    store_io io = fault_io(&f);
    store *s = open_ok(&p, &io);
    f.calls = 0;
    f.fail_at = 1;
    f.fail_errno = EIO;
    assert_int_equal(store_clean_temp(s), PM_ERR_IO);
    f.calls = 0;
    assert_int_equal(store_missing_html(s, NULL, NULL), PM_ERR_IO);
    store_close(s);
    place_free(&p);
}

/* ---- only plain files are read ----------------------------------------- */

typedef struct {
    char names[8][64];
    char kinds[8][64];
    int n;
} refusals;

static void note_refusal(const char *name, const char *kind, void *arg)
{
    refusals *r = arg;
    if (r->n < 8) {
        snprintf(r->names[r->n], sizeof r->names[0], "%s", name);
        snprintf(r->kinds[r->n], sizeof r->kinds[0], "%s", kind);
        r->n++;
    }
}

static void count_stem(const char *stem, void *arg)
{
    (void)stem;
    (*(int *)arg)++;
}

/* Trust defect 2: a named pipe named like a record hung start-up (the read
 * blocked for a writer that never comes) and a symbolic link was followed
 * (X.json -> /etc/passwd went to the stick). Both are refused, at once,
 * without being opened for their content, and listed. */
static void test_refuses_pipes_and_links(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    char *fifo = path_in(p.dir, "20261126-080000-00.json");
    char *fifo_page = path_in(p.dir, "20261126-080000-01.html");
    char *link = path_in(p.dir, "20261126-090000-00.json");
    char *secret = path_in(p.root, "passwd"); /* stands for /etc/passwd */
    tu_write_file(secret, "root:x:0:0:root:/root:/bin/bash\n");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(mkfifo(fifo_page, 0600), 0);
    assert_int_equal(symlink(secret, link), 0);
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, NULL), PM_OK);

    char *text = NULL;
    size_t len = 0;
    pm_msg err;
    assert_int_equal(store_read(s, "20261126-080000-00.json", &text, &len, &err),
                     PM_ERR_REFUSED); /* and it did not block */
    assert_null(text);
    assert_non_null(strstr(err.text, "named pipe"));
    assert_int_equal(store_read(s, "20261126-080000-01.html", &text, &len, &err),
                     PM_ERR_REFUSED);
    assert_int_equal(store_read(s, "20261126-090000-00.json", &text, &len, &err),
                     PM_ERR_REFUSED);
    assert_null(text);
    assert_non_null(strstr(err.text, "symbolic link"));
    assert_int_equal(store_read(s, STEM0 ".json", &text, &len, &err), PM_OK);
    free(text);

    /* listed, so staff see them and can delete them */
    int records = store_list(s, count_stem, &(int){ 0 });
    assert_int_equal(records, 3);
    refusals r = { 0 };
    assert_int_equal(store_refused(s, note_refusal, &r), 3);
    assert_string_equal(r.names[0], "20261126-080000-00.json");
    assert_string_equal(r.kinds[0], "a named pipe (FIFO)");
    assert_string_equal(r.names[2], "20261126-090000-00.json");
    assert_string_equal(r.kinds[2], "a symbolic link");
    /* deleting a link removes the link, never what it points at */
    assert_int_equal(store_remove(s, "20261126-090000-00.json", &err), PM_OK);
    struct stat st;
    assert_int_equal(stat(secret, &st), 0);
    assert_int_equal(store_remove(s, "20261126-080000-00.json", &err), PM_OK);
    assert_int_equal(store_refused(s, NULL, NULL), 1);
    free(fifo);
    free(fifo_page);
    free(link);
    free(secret);
    store_close(s);
    place_free(&p);
}

/* A state folder whose intakes folder is a link elsewhere is refused. */
static void test_refuses_a_linked_folder(void **state)
{
    (void)state;
    place p = place_new();
    char *elsewhere = path_in(p.root, "elsewhere");
    assert_int_equal(mkdir(p.state, 0700), 0);
    assert_int_equal(mkdir(elsewhere, 0700), 0);
    assert_int_equal(symlink(elsewhere, p.dir), 0);
    store *s = NULL;
    pm_msg err;
    assert_int_equal(store_open(p.state, NULL, &s, &err), PM_ERR_REFUSED);
    assert_non_null(strstr(err.text, "symbolic link"));
    store_close(s);
    free(elsewhere);
    place_free(&p);
}

static void note_name(const char *name, void *arg)
{
    refusals *r = arg;
    if (r->n < 8)
        snprintf(r->names[r->n++], sizeof r->names[0], "%s", name);
}

/* Trust defect 11: "notes.json" was listed as a record but could never be
 * deleted; it is not a record (not listed), and start-up can name it. */
static void test_only_intake_names_are_records(void **state)
{
    (void)state;
    place p = place_new();
    store *s = open_ok(&p, NULL);
    char *notes = path_in(p.dir, "notes.json");
    tu_write_file(notes, "[1,2,3]");
    assert_int_equal(store_save(s, T0, json_doc, html_doc, NULL, NULL), PM_OK);
    assert_int_equal(store_list(s, NULL, NULL), 1);
    assert_int_equal(store_missing_html(s, NULL, NULL), 0);
    refusals r = { 0 };
    assert_int_equal(store_foreign(s, note_name, &r), 1);
    assert_string_equal(r.names[0], "notes.json");
    assert_true(store_is_stem(STEM0));
    assert_false(store_is_stem("notes"));
    assert_false(store_is_stem("2026112-173012-000"));
    free(notes);
    store_close(s);
    place_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refuses_pipes_and_links),
        cmocka_unit_test(test_refuses_a_linked_folder),
        cmocka_unit_test(test_only_intake_names_are_records),
        cmocka_unit_test(test_save_writes_both_files),
        cmocka_unit_test(test_names_sort_and_never_collide),
        cmocka_unit_test(test_real_rename_noreplace),
        cmocka_unit_test(test_write_atomic_and_read),
        cmocka_unit_test(test_each_call_fails_in_turn),
        cmocka_unit_test(test_short_writes_and_eintr),
        cmocka_unit_test(test_crash_at_each_call),
        cmocka_unit_test(test_crash_at_each_call_sealed),
        cmocka_unit_test(test_sealed_saves),
        cmocka_unit_test(test_power_cut_keeps_whole_files),
        cmocka_unit_test(test_read_only_folder),
        cmocka_unit_test(test_missing_folder_is_recreated),
        cmocka_unit_test(test_folder_that_cannot_be_made),
        cmocka_unit_test(test_page_failure_keeps_the_record),
        cmocka_unit_test(test_remove),
        cmocka_unit_test(test_list_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
