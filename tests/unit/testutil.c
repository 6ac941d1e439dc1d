/* testutil.c — see testutil.h. */
#include <dirent.h>
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

const char *tu_data_dir(void)
{
    const char *d = getenv("PAINMAP_DATA_DIR");
    return d ? d : "data";
}

const char *tu_tests_dir(void)
{
    const char *d = getenv("PAINMAP_TESTS_DIR");
    return d ? d : "tests";
}

pm_content *tu_load_dir(const char *dir)
{
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    pm_status st = content_load(dir, &c, &problems);
    for (size_t i = 0; i < problems.count; i++)
        fprintf(stderr, "%s\n", problems.items[i]);
    pm_msgs_free(&problems);
    assert_int_equal(st, PM_OK);
    assert_non_null(c);
    return c;
}

pm_content *tu_load_shipped(void)
{
    return tu_load_dir(tu_data_dir());
}

pm_content *tu_load_mini(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data-mini", tu_tests_dir());
    return tu_load_dir(dir);
}

int tu_fixture_setup(void **state)
{
    tu_fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->c = tu_load_shipped();
    f->dir = tu_tempdir();
    pm_msg err;
    assert_int_equal(store_open(f->dir, NULL, &f->s, &err), PM_OK);
    *state = f;
    return 0;
}

int tu_fixture_teardown(void **state)
{
    tu_fixture *f = *state;
    store_close(f->s);
    tu_rmtree(f->dir);
    free(f->dir);
    content_free(f->c);
    free(f);
    return 0;
}

char *tu_tempdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/painmap-test-XXXXXX", base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    /* chmod follows a symbolic link: a test's link to a file outside must
     * never change that file */
    if (flag != FTW_SL && flag != FTW_SLN)
        chmod(path, 0700);
    return remove(path);
}

void tu_rmtree(const char *path)
{
    /* make folders writable first so read-only test folders can go */
    chmod(path, 0700);
    nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

static void mkdirs_for(const char *path)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(tmp, 0755);
            *p = '/';
        }
    }
}

void tu_write_file(const char *path, const char *text)
{
    mkdirs_for(path);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

void tu_test_key(seal_public *pk, seal_keybox *kb, seal_secret **sk)
{
    unsigned char seed[SEAL_SEED_BYTES], salt[SEAL_SALT_BYTES], nonce[SEAL_NONCE_BYTES];
    memset(seed, 0x5e, sizeof seed);
    memset(salt, 0x5a, sizeof salt);
    memset(nonce, 0x17, sizeof nonce);
    pm_msg err;
    assert_int_equal(seal_ready(&err), PM_OK);
    assert_int_equal(seal_make(TU_PASSPHRASE, seed, salt, nonce, 1, 8, pk, kb, &err), PM_OK);
    if (sk)
        assert_int_equal(seal_unlock(kb, pk, TU_PASSPHRASE, sk, &err), PM_OK);
}

bool tu_tree_has(const char *dir, const char *needle)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    struct dirent *de;
    while (!found && (de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            found = tu_tree_has(path, needle);
        } else if (S_ISREG(st.st_mode)) {
            size_t n = 0;
            char *text = tu_read_file(path, &n);
            found = text && memmem(text, n, needle, strlen(needle)) != NULL;
            free(text);
        }
    }
    closedir(d);
    return found;
}

static pm_status send_at(flow *f, flow_event ev, uint64_t *now)
{
    *now += 100;
    return flow_handle(f, &ev, *now);
}

static int mini_region(const pm_content *mini, const char *id)
{
    int r = content_region_index(mini, id);
    assert_true(r >= 0);
    return r;
}

void tu_satisfy(flow *f, const pm_content *mini, uint64_t *now)
{
    const intake *in = flow_intake(f);
    switch (flow_screen(f)) {
    case SCREEN_NAME:
        if (!intake_name_given(in))
            assert_int_equal(send_at(f, (flow_event){.type = EV_TYPE, .text = "José"}, now), PM_OK);
        break;
    case SCREEN_CHART:
        if (in->nmarks == 0) {
            flow_event head = {.type = EV_TAP_REGION, .arg = mini_region(mini, "head")};
            flow_event back = {.type = EV_SET_VIEW, .arg = VIEW_BACK};
            flow_event calf = {.type = EV_TAP_REGION, .arg = mini_region(mini, "calf_l")};
            assert_int_equal(send_at(f, head, now), PM_OK);
            assert_int_equal(send_at(f, back, now), PM_OK);
            assert_int_equal(send_at(f, calf, now), PM_OK);
        }
        break;
    case SCREEN_DETAILS: {
        flow_event ev = {.type = EV_SET_INTENSITY, .arg = 3 + flow_step(f)};
        assert_int_equal(send_at(f, ev, now), PM_OK);
        break;
    }
    case SCREEN_SCREENING:
        assert_int_equal(send_at(f, (flow_event){.type = EV_ANSWER, .arg = 1}, now), PM_OK);
        break;
    case SCREEN_PATTERNS: {
        int cand[FLOW_MAX_CANDIDATES];
        assert_true(flow_candidates(f, cand, FLOW_MAX_CANDIDATES) > 0);
        if (in->npatterns == 0) {
            flow_event ev = {.type = EV_TOGGLE_PATTERN, .arg = cand[0]};
            assert_int_equal(send_at(f, ev, now), PM_OK);
        }
        break;
    }
    case SCREEN_CONSENT:
        if (!in->consent)
            assert_int_equal(send_at(f, (flow_event){.type = EV_TOGGLE_CONSENT}, now), PM_OK);
        if (in->nsig == 0) {
            flow_event a = {.type = EV_SIG_POINT, .arg = 1, .x = 10, .y = 20};
            flow_event b = {.type = EV_SIG_POINT, .arg = 0, .x = 90, .y = 60};
            assert_int_equal(send_at(f, a, now), PM_OK);
            assert_int_equal(send_at(f, b, now), PM_OK);
        }
        break;
    default:
        break;
    }
}

void tu_walk_to(flow *f, const pm_content *mini, pm_screen target, uint64_t *now)
{
    for (int guard = 0; flow_screen(f) != target && guard < 100; guard++) {
        tu_satisfy(f, mini, now);
        assert_int_equal(send_at(f, (flow_event){.type = EV_NEXT}, now), PM_OK);
    }
    assert_int_equal(flow_screen(f), target);
}

void tu_copy_tree(const char *src, const char *dst)
{
    DIR *d = opendir(src);
    assert_non_null(d);
    mkdir(dst, 0755);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/%s", src, e->d_name);
        snprintf(to, sizeof to, "%s/%s", dst, e->d_name);
        struct stat st;
        assert_int_equal(stat(from, &st), 0);
        if (S_ISDIR(st.st_mode)) {
            tu_copy_tree(from, to);
        } else {
            char *text = tu_read_file(from, NULL);
            assert_non_null(text);
            tu_write_file(to, text);
            free(text);
        }
    }
    closedir(d);
}
