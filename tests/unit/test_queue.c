/* test_queue.c — the staff queue (queue.h): order, badges, unreadable
 * records, seen/exported markers, deletion with its files. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "queue.h"
#include "samples.h"
#include "testutil.h"

#define T0 INT64_C(1795800612) /* 2026-11-27T17:30:12Z */

typedef tu_fixture fixture;

static bool exists(fixture *f, const char *stem, const char *ext)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s.%s", store_intakes_dir(f->s), stem, ext);
    return stat(path, &st) == 0;
}

static int files_in(fixture *f)
{
    DIR *d = opendir(store_intakes_dir(f->s));
    assert_non_null(d);
    int n = 0;
    for (struct dirent *de; (de = readdir(d));)
        n += de->d_name[0] != '.';
    closedir(d);
    return n;
}

static void test_stem_time(void **state)
{
    (void)state;
    int64_t t;
    assert_true(queue_stem_time("20261127-173012-00", &t));
    assert_int_equal(t, T0);
    assert_true(queue_stem_time("19700101-000000-99", &t));
    assert_int_equal(t, 0);
    assert_false(queue_stem_time("20261127-173012", &t));
    assert_false(queue_stem_time("20261327-173012-00", &t));
    assert_false(queue_stem_time("2026112x-173012-00", &t));
    assert_false(queue_stem_time("../etc/passwd-0000", &t));
    assert_false(queue_stem_time(NULL, &t));
}

static void test_empty_queue(void **state)
{
    fixture *f = *state;
    queue_list q;
    pm_msg err;
    assert_int_equal(queue_load(f->s, f->c, &q, &err), PM_OK);
    assert_int_equal(q.count, 0);
    assert_int_equal(queue_count_new(&q), 0);
    queue_free(&q);
}

static void test_order_and_badges(void **state)
{
    fixture *f = *state;
    char s_urgent[STORE_STEM_MAX], s_plain[STORE_STEM_MAX], s_att[STORE_STEM_MAX],
        s_empty[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Bea", T0, s_plain);
    sample_save(f->s, f->c, SAMPLE_URGENT, "Ana", T0 + 60, s_urgent);
    sample_save(f->s, f->c, SAMPLE_ATTENTION, "Cy", T0 + 120, s_att);
    sample_save(f->s, f->c, SAMPLE_EMPTY, NULL, T0 + 120, s_empty); /* same second: -01 */
    assert_string_equal(s_empty, "20261127-173212-01");

    queue_list q;
    pm_msg err;
    assert_int_equal(queue_load(f->s, f->c, &q, &err), PM_OK);
    assert_int_equal(q.count, 4);
    /* newest first */
    assert_string_equal(q.items[0].stem, s_empty);
    assert_string_equal(q.items[1].stem, s_att);
    assert_string_equal(q.items[2].stem, s_urgent);
    assert_string_equal(q.items[3].stem, s_plain);
    assert_string_equal(q.items[0].name, "");
    assert_string_equal(q.items[1].name, "Cy");
    assert_string_equal(q.items[2].name, "Ana");
    assert_int_equal(q.items[0].worst, FLAG_NONE);
    assert_int_equal(q.items[1].worst, FLAG_ATTENTION);
    assert_int_equal(q.items[2].worst, FLAG_URGENT);
    assert_int_equal(q.items[3].worst, FLAG_NONE);
    assert_int_equal(q.items[0].nregions, 0);
    assert_int_equal(q.items[1].nregions, 2);
    assert_int_equal(q.items[2].nregions, 4);
    assert_int_equal(q.items[3].nregions, 1);
    assert_int_equal(q.items[3].saved_at, T0);
    assert_int_equal(q.items[2].saved_at, T0 + 60);
    for (size_t i = 0; i < q.count; i++) {
        assert_true(q.items[i].readable);
        assert_false(q.items[i].seen);
        assert_false(q.items[i].exported);
    }
    assert_int_equal(queue_count_new(&q), 4);
    assert_int_equal(queue_count_unseen(&q), 4);
    assert_int_equal(queue_count_flag(&q, FLAG_URGENT), 1);
    assert_int_equal(queue_count_flag(&q, FLAG_ATTENTION), 1);
    assert_ptr_equal(queue_find(&q, s_urgent), &q.items[2]);
    assert_null(queue_find(&q, "20000101-000000-00"));
    queue_free(&q);
    assert_null(q.items);

    /* open one for the summary screen */
    intake *in = malloc(sizeof *in), *want = malloc(sizeof *want);
    int64_t t = 0;
    assert_int_equal(queue_open(f->s, f->c, s_urgent, in, &t, &err), PM_OK);
    sample_intake(f->c, want, SAMPLE_URGENT, "Ana");
    assert_int_equal(t, T0 + 60);
    assert_string_equal(in->name, "Ana");
    assert_int_equal(in->nmarks, want->nmarks);
    assert_int_equal(in->nsig, want->nsig);
    assert_int_equal(memcmp(in->answers, want->answers, sizeof in->answers), 0);
    assert_int_equal(queue_open(f->s, f->c, "20000101-000000-00", in, &t, &err), PM_ERR_NOT_FOUND);
    assert_int_equal(queue_open(f->s, f->c, "../x", in, &t, &err), PM_ERR_INVALID);
    free(in);
    free(want);
}

static void test_unreadable_records_are_listed(void **state)
{
    fixture *f = *state;
    char ok[STORE_STEM_MAX], urgent[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Bea", T0, ok);
    sample_save(f->s, f->c, SAMPLE_URGENT, "Ana", T0 + 10, urgent);
    char path[1024];
    /* garbage */
    snprintf(path, sizeof path, "%s/20261127-180000-00.json", store_intakes_dir(f->s));
    tu_write_file(path, "{not json at all");
    /* an empty file */
    snprintf(path, sizeof path, "%s/20261127-180100-00.json", store_intakes_dir(f->s));
    tu_write_file(path, "");
    /* a record naming a region the content no longer has */
    snprintf(path, sizeof path, "%s/%s.json", store_intakes_dir(f->s), urgent);
    char *json = tu_read_file(path, NULL);
    const char *rid = content_region(f->c, 0)->id;
    char *at = strstr(json, rid);
    assert_non_null(at);
    at[0] = 'Z'; /* ids are lower-case: this one cannot exist */
    tu_write_file(path, json);
    free(json);
    /* a name that is not a stem (a file someone copied in) */
    snprintf(path, sizeof path, "%s/notes.json", store_intakes_dir(f->s));
    tu_write_file(path, "[1,2,3]");

    /* a named pipe named like a record, and a link to a file outside
     * (trust defect 2): listed, refused, never opened */
    snprintf(path, sizeof path, "%s/20261127-180200-00.json", store_intakes_dir(f->s));
    assert_int_equal(mkfifo(path, 0600), 0);
    char outside[1024];
    snprintf(outside, sizeof outside, "%s/../outside.txt", store_intakes_dir(f->s));
    tu_write_file(outside, "root:x:0:0");
    snprintf(path, sizeof path, "%s/20261127-180300-00.json", store_intakes_dir(f->s));
    assert_int_equal(symlink(outside, path), 0);

    queue_list q;
    pm_msg err;
    assert_int_equal(queue_load(f->s, f->c, &q, &err), PM_OK);
    assert_int_equal(q.count, 6); /* notes.json is not an intake (trust defect 11) */
    const queue_entry *g = queue_find(&q, "20261127-180000-00");
    assert_non_null(g);
    assert_false(g->readable);
    assert_non_null(strstr(g->problem, "Cannot read this intake"));
    assert_true(g->worst >= FLAG_ATTENTION);
    assert_int_equal(g->saved_at, T0 + 1788); /* from the name */
    const queue_entry *e = queue_find(&q, "20261127-180100-00");
    assert_false(e->readable);
    const queue_entry *u = queue_find(&q, urgent);
    assert_false(u->readable);
    assert_non_null(strstr(u->problem, "Z"));
    /* the tolerant read still shows who it is and keeps the urgent badge */
    assert_string_equal(u->name, "Ana");
    assert_int_equal(u->worst, FLAG_URGENT);
    assert_int_equal(u->nregions, 4);
    assert_null(queue_find(&q, "notes"));
    const queue_entry *pipe = queue_find(&q, "20261127-180200-00");
    assert_non_null(pipe);
    assert_false(pipe->readable);
    assert_non_null(strstr(pipe->problem, "named pipe"));
    const queue_entry *link = queue_find(&q, "20261127-180300-00");
    assert_non_null(link);
    assert_false(link->readable);
    assert_non_null(strstr(link->problem, "symbolic link"));
    assert_null(strstr(link->name, "root"));
    assert_int_equal(q.nrefused, 2);
    assert_non_null(strstr(q.refused, "20261127-180200-00.json (named pipe)"));
    assert_non_null(strstr(q.refused, "20261127-180300-00.json (symbolic link)"));
    assert_true(queue_find(&q, ok)->readable);
    queue_free(&q);

    /* and they can be deleted */
    assert_int_equal(queue_delete(f->s, "20261127-180000-00", &err), PM_OK);
    assert_int_equal(queue_delete(f->s, "20261127-180200-00", &err), PM_OK);
    assert_int_equal(queue_delete(f->s, "20261127-180300-00", &err), PM_OK);
    struct stat st;
    assert_int_equal(stat(outside, &st), 0); /* the link went, not what it pointed at */
}

static void test_markers(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX], b[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Bea", T0, a);
    sample_save(f->s, f->c, SAMPLE_URGENT, "Ana", T0 + 10, b);
    pm_msg err;
    assert_int_equal(queue_mark_seen(f->s, a, T0 + 100, &err), PM_OK);
    assert_int_equal(queue_mark_exported(f->s, b, T0 + 200, "painmap-export-x", &err), PM_OK);
    assert_int_equal(queue_mark_seen(f->s, "20000101-000000-00", T0, &err), PM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.text, "no longer on the kiosk"));
    assert_int_equal(queue_mark_seen(f->s, "../../x", T0, &err), PM_ERR_INVALID);
    queue_list q;
    assert_int_equal(queue_load(f->s, f->c, &q, &err), PM_OK);
    const queue_entry *ea = queue_find(&q, a), *eb = queue_find(&q, b);
    assert_true(ea->seen);
    assert_int_equal(ea->seen_at, T0 + 100);
    assert_false(ea->exported);
    assert_false(eb->seen);
    assert_true(eb->exported);
    assert_int_equal(eb->exported_at, T0 + 200);
    assert_string_equal(eb->exported_to, "painmap-export-x");
    assert_int_equal(queue_count_new(&q), 1);
    assert_int_equal(queue_count_unseen(&q), 1);
    queue_free(&q);
    /* markers are not records */
    assert_int_equal(store_list(f->s, NULL, NULL), 2);
    /* marking again replaces */
    assert_int_equal(queue_mark_seen(f->s, a, T0 + 500, &err), PM_OK);
    int64_t t;
    assert_true(queue_marker_time(f->s, a, "seen", &t));
    assert_int_equal(t, T0 + 500);
    /* a damaged marker counts as absent */
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.exported", store_intakes_dir(f->s), b);
    tu_write_file(path, "garbage");
    assert_false(queue_marker_time(f->s, b, "exported", &t));
}

static void test_delete_removes_everything(void **state)
{
    fixture *f = *state;
    char a[STORE_STEM_MAX], b[STORE_STEM_MAX];
    sample_save(f->s, f->c, SAMPLE_PLAIN, "Bea", T0, a);
    sample_save(f->s, f->c, SAMPLE_URGENT, "Ana", T0 + 10, b);
    pm_msg err;
    assert_int_equal(queue_mark_seen(f->s, a, T0, &err), PM_OK);
    assert_int_equal(queue_mark_exported(f->s, a, T0, "x", &err), PM_OK);
    assert_int_equal(files_in(f), 6);
    assert_int_equal(queue_delete(f->s, a, &err), PM_OK);
    assert_false(exists(f, a, "json"));
    assert_false(exists(f, a, "html"));
    assert_false(exists(f, a, "seen"));
    assert_false(exists(f, a, "exported"));
    assert_int_equal(files_in(f), 2);
    assert_int_equal(queue_delete(f->s, a, &err), PM_ERR_NOT_FOUND);
    assert_int_equal(queue_delete(f->s, "bogus", &err), PM_ERR_INVALID);
    /* a record whose page is missing still deletes */
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.html", store_intakes_dir(f->s), b);
    assert_int_equal(remove(path), 0);
    assert_int_equal(queue_delete(f->s, b, &err), PM_OK);
    assert_int_equal(files_in(f), 0);
}

/* ---- the record goes last ------------------------------------------------ */

typedef struct {
    int unlinks;
    int fail_unlink_at;
} unlink_fault;

static unlink_fault UF;

static int f_unlink(void *ctx, const char *path)
{
    (void)ctx;
    if (++UF.unlinks == UF.fail_unlink_at) {
        errno = EIO;
        return -1;
    }
    return store_io_posix()->unlink(NULL, path);
}

static void test_interrupted_delete_keeps_record(void **state)
{
    fixture *f = *state;
    store_io io = *store_io_posix();
    io.unlink = f_unlink;
    for (int at = 1; at <= 4; at++) {
        store *s;
        pm_msg err;
        char *dir = tu_tempdir();
        assert_int_equal(store_open(dir, &io, &s, &err), PM_OK);
        char stem[STORE_STEM_MAX];
        sample_save(s, f->c, SAMPLE_PLAIN, "Bea", T0, stem);
        assert_int_equal(queue_mark_seen(s, stem, T0, &err), PM_OK);
        assert_int_equal(queue_mark_exported(s, stem, T0, "x", &err), PM_OK);
        UF = (unlink_fault){ .fail_unlink_at = at };
        pm_status st = queue_delete(s, stem, &err);
        assert_int_not_equal(st, PM_OK);
        assert_true(err.text[0] != '\0');
        /* whatever went, the record is still there and still listed */
        assert_int_equal(store_list(s, NULL, NULL), 1);
        UF = (unlink_fault){ 0 };
        assert_int_equal(queue_delete(s, stem, &err), PM_OK);
        assert_int_equal(store_list(s, NULL, NULL), 0);
        store_close(s);
        tu_rmtree(dir);
        free(dir);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stem_time),
        cmocka_unit_test_setup_teardown(test_empty_queue, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_order_and_badges, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_records_are_listed, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_markers, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_delete_removes_everything, tu_fixture_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_interrupted_delete_keeps_record, tu_fixture_setup, tu_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
