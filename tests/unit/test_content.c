/* test_content.c — loading, every checker message, hit-testing on content. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "content.h"
#include "testutil.h"

static char *mini_dir(void)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/data-mini", tu_tests_dir());
    return path;
}

static pm_content *load_mini(void)
{
    return tu_load_mini();
}

static void test_mini_loads(void **state)
{
    (void)state;
    pm_content *c = load_mini();
    assert_int_equal(content_region_count(c), 7);
    assert_int_equal(content_muscle_count(c), 3);
    assert_int_equal(content_question_count(c), 2);
    assert_int_equal(content_lang_count(c), 2);
    assert_string_equal(content_lang_code(c, 0), "en");
    assert_string_equal(content_lang_code(c, 1), "es");
    assert_string_equal(content_text(c, 1, "answer.yes"), "ES EN answer.yes");
    assert_string_equal(content_text(c, 0, "no.such.key"), "no.such.key");
    char line[256];
    content_summary_line(c, line, sizeof line);
    assert_string_equal(line, "data ok: 7 regions (4 front, 3 back), 3 muscles, 3 education "
                              "pages, 2 screening questions, languages: en es");
    /* the calf trigger point is in the calf; the urgent flag is kept */
    const pm_question *q = content_question(c, 0);
    assert_int_equal(q->answer_flags[0], FLAG_URGENT);
    assert_int_equal(q->answer_flags[1], FLAG_NONE);
    assert_int_equal(q->answer_flags[2], FLAG_ATTENTION);
    assert_int_equal(content_band_for(c, 7)->colour, 0xe53935);
    assert_int_equal(content_education_count(c), 3);
    assert_int_equal(content_education_item(c, 1), -1);
    content_free(c);
}

/* Loads mini with the overlay of one broken case; returns the problems. */
static void load_broken(const char *name, pm_msgs *problems, pm_status *st)
{
    char *tmp = tu_tempdir();
    char data[1024], overlay[1024];
    snprintf(data, sizeof data, "%s/data", tmp);
    snprintf(overlay, sizeof overlay, "%s/data-broken/%s", tu_tests_dir(), name);
    tu_copy_tree(mini_dir(), data);
    tu_copy_tree(overlay, data);
    pm_content *c = (pm_content *)0x1;
    *st = content_load(data, &c, problems);
    assert_null(c); /* never half-loaded */
    tu_rmtree(tmp);
    free(tmp);
}

static bool has_message(const pm_msgs *p, const char *want)
{
    for (size_t i = 0; i < p->count; i++)
        if (strstr(p->items[i], want))
            return true;
    return false;
}

static void test_every_broken_copy_is_refused_with_its_message(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data-broken", tu_tests_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    int cases = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char expect_path[2048];
        snprintf(expect_path, sizeof expect_path, "%s/%s/expect.txt", dir, e->d_name);
        if (access(expect_path, F_OK) != 0)
            continue; /* a whole-program case (expect-check-data.txt): ctest runs it */
        pm_msgs p;
        pm_msgs_init(&p);
        pm_status st;
        load_broken(e->d_name, &p, &st);
        assert_int_equal(st, PM_ERR_INVALID);
        char *expect = tu_read_file(expect_path, NULL);
        assert_non_null(expect);
        for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
            if (!has_message(&p, line)) {
                fprintf(stderr, "case %s: expected a message containing\n  %s\ngot:\n", e->d_name,
                        line);
                for (size_t i = 0; i < p.count; i++)
                    fprintf(stderr, "  %s\n", p.items[i]);
                fail();
            }
        }
        free(expect);
        pm_msgs_free(&p);
        cases++;
    }
    closedir(d);
    assert_true(cases >= 21);
}

static void test_missing_file_and_folder(void **state)
{
    (void)state;
    char *tmp = tu_tempdir();
    char data[1024], gone[1100];
    snprintf(data, sizeof data, "%s/data", tmp);
    tu_copy_tree(mini_dir(), data);
    snprintf(gone, sizeof gone, "%s/questions.json", data);
    remove(gone);
    pm_content *c = NULL;
    pm_msgs p;
    pm_msgs_init(&p);
    assert_int_equal(content_load(data, &c, &p), PM_ERR_INVALID);
    assert_true(has_message(&p, "questions.json: $: cannot read the file (No such file"));
    pm_msgs_free(&p);
    pm_msgs_init(&p);
    assert_int_equal(content_load("/nonexistent/painmap", &c, &p), PM_ERR_NOT_FOUND);
    assert_true(has_message(&p, "cannot open the content folder"));
    pm_msgs_free(&p);
    tu_rmtree(tmp);
    free(tmp);
}

static void test_all_problems_reported_not_just_the_first(void **state)
{
    (void)state;
    char *tmp = tu_tempdir();
    char data[1024], path[1100];
    snprintf(data, sizeof data, "%s/data", tmp);
    tu_copy_tree(mini_dir(), data);
    snprintf(path, sizeof path, "%s/pages.json", data);
    tu_write_file(path, "{\"pages\": [{\"id\": \"Bad Id\", \"title\": 3, \"paragraphs\": []}],"
                        " \"sequence\": [\"ghost\", \"@muscles\", \"@muscles\"]}");
    pm_content *c = NULL;
    pm_msgs p;
    pm_msgs_init(&p);
    assert_int_equal(content_load(data, &c, &p), PM_ERR_INVALID);
    assert_true(has_message(&p, "pages.json: $.pages[0].id: 'Bad Id' is not a valid id"));
    assert_true(has_message(&p, "pages.json: $.pages[0].title: must be a string"));
    assert_true(has_message(&p, "pages.json: $.pages[0].paragraphs: must not be empty"));
    assert_true(has_message(&p, "pages.json: $.sequence[0]: no page 'ghost'"));
    assert_true(has_message(&p, "pages.json: $.sequence[2]: '@muscles' appears twice"));
    pm_msgs_free(&p);
    tu_rmtree(tmp);
    free(tmp);
}

static void test_hit_testing_on_content(void **state)
{
    (void)state;
    pm_content *c = load_mini();
    int head = content_region_index(c, "head"), torso_l = content_region_index(c, "torso_l"),
        torso_r = content_region_index(c, "torso_r"), arm = content_region_index(c, "arm_l"),
        calf = content_region_index(c, "calf_l");
    /* inside */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){50, 10}, 0), head);
    /* the concave L: its foot under torso_r belongs to torso_l ... */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){65, 55}, 0), torso_l);
    /* ... and the notch above the foot is torso_r, not torso_l */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){65, 45}, 0), torso_r);
    /* a shared edge goes to the region listed first, deterministically */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){50, 30}, 0), torso_l);
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){60, 50}, 0), torso_l);
    /* a corner of the head is the head */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){40, 0}, 0), head);
    /* the hole between arm and trunk is no region ... */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){27, 40}, 0), -1);
    /* ... unless a finger's tolerance reaches the nearest one */
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){26, 40}, 2), arm);
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){29, 40}, 2), torso_l);
    /* views are separate: the calf is only on the back */
    assert_int_equal(content_region_at(c, VIEW_BACK, (geo_point){38, 80}, 0), calf);
    assert_int_equal(content_region_at(c, VIEW_FRONT, (geo_point){38, 80}, 0), -1);
    /* every region's anchor hits that region */
    for (size_t i = 0; i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        assert_int_equal(content_region_at(c, r->view, r->anchor, 0), (int)i);
    }
    content_free(c);
}

/* ---- limits (trust defect 3) --------------------------------------------- */

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A copy of mini in a fresh folder (caller frees and removes it). */
static char *mini_copy(char *data, size_t size)
{
    char *tmp = tu_tempdir();
    snprintf(data, size, "%s/data", tmp);
    tu_copy_tree(mini_dir(), data);
    return tmp;
}

/* Writes dir/regions.json with one region of npoints points. */
static void write_big_region(const char *dir, size_t npoints)
{
    size_t cap = npoints * 8 + 4096, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text, cap,
                          "{\"chart\": {\"width\": 100, \"height\": 100}, \"regions\": [{"
                          "\"id\": \"head\", \"view\": \"front\", \"side\": \"centre\", "
                          "\"label\": \"region.head\", \"term\": \"region.head.term\", "
                          "\"polygon\": [");
    for (size_t i = 0; i < npoints; i++) {
        /* a fan of points on a circle: a real, simple polygon */
        int x = 50 + (int)(40 * cos(6.283185 * (double)i / (double)npoints));
        int y = 50 + (int)(40 * sin(6.283185 * (double)i / (double)npoints));
        n += (size_t)snprintf(text + n, cap - n, "%s[%d,%d]", i ? "," : "", x, y);
    }
    snprintf(text + n, cap - n, "]}]}\n");
    char path[1200];
    snprintf(path, sizeof path, "%s/regions.json", dir);
    tu_write_file(path, text);
    free(text);
}

/* Loads dir; returns the problems and how long it took. */
static double load_timed(const char *dir, pm_msgs *p)
{
    pm_msgs_init(p);
    pm_content *c = NULL;
    double t0 = seconds_now();
    pm_status st = content_load(dir, &c, p);
    double t = seconds_now() - t0;
    assert_int_equal(st, PM_ERR_INVALID);
    assert_null(c);
    return t;
}

static void expect_refused(const char *dir, const char *want, double max_s)
{
    pm_msgs p;
    double t = load_timed(dir, &p);
    if (!has_message(&p, want)) {
        fprintf(stderr, "expected a message containing\n  %s\ngot:\n", want);
        for (size_t i = 0; i < p.count; i++)
            fprintf(stderr, "  %s\n", p.items[i]);
        fail();
    }
    if (t > max_s) {
        fprintf(stderr, "took %.2f s (at most %.1f): %s\n", t, max_s, want);
        fail();
    }
    pm_msgs_free(&p);
}

/* One region of 1 000 000 points hung start-up and --check-data (not done
 * in 300 s; 20 000 points took 9 s): refused in seconds, with a message. */
static void test_huge_polygons_are_refused_fast(void **state)
{
    (void)state;
    char data[1024];
    char *tmp = mini_copy(data, sizeof data);
    write_big_region(data, 1000000);
    expect_refused(data, "regions.json: $: the file is", 3.0);
    write_big_region(data, 300000);
    expect_refused(data, "regions.json: $.regions[0].polygon: more than 5000 entries", 3.0);
    write_big_region(data, 20000);
    expect_refused(data, "more than 5000 entries", 3.0);
    write_big_region(data, 1500);
    expect_refused(data, "regions.json: $.regions[0].polygon: 1500 points; a region may have "
                         "at most 1000", 3.0);
    tu_rmtree(tmp);
    free(tmp);
}

/* Nesting, string lengths, text lengths and a named pipe for a file. */
static void test_other_limits(void **state)
{
    (void)state;
    char data[1024], path[1200];
    char *tmp = mini_copy(data, sizeof data);
    /* nested 40 deep */
    char deep[256] = "{\"x\": ";
    for (int i = 0; i < 40; i++)
        strcat(deep, "[");
    for (int i = 0; i < 40; i++)
        strcat(deep, "]");
    strcat(deep, "}");
    snprintf(path, sizeof path, "%s/pages.json", data);
    tu_write_file(path, deep);
    expect_refused(data, "pages.json: $: line 1: nested more than 16 levels deep", 1.0);
    tu_copy_tree(mini_dir(), data);
    /* a 10 000-byte string */
    char *big = malloc(20000);
    assert_non_null(big);
    int n = snprintf(big, 20000, "{\"pages\": [\"");
    memset(big + n, 'a', 10000);
    snprintf(big + n + 10000, 20000 - (size_t)n - 10000, "\"]}");
    tu_write_file(path, big);
    expect_refused(data, "pages.json: $: line 1: a string of 10000 bytes", 1.0);
    tu_copy_tree(mini_dir(), data);
    /* a translated text of 3000 bytes */
    snprintf(path, sizeof path, "%s/i18n/es.json", data);
    char *es = tu_read_file(path, NULL);
    assert_non_null(es);
    char *at = strstr(es, "\"strings\"");
    assert_non_null(at);
    at = strchr(at, '{');
    size_t head = (size_t)(at + 1 - es);
    snprintf(big, 20000, "%.*s\"long.text\": \"", (int)head, es);
    size_t len = strlen(big);
    memset(big + len, 'b', 3000);
    snprintf(big + len + 3000, 20000 - len - 3000, "\", %s", at + 1);
    tu_write_file(path, big);
    expect_refused(data, "i18n/es.json: $.strings.long.text: a key may have at most 200 bytes "
                         "and a text at most 2000", 1.0);
    free(es);
    free(big);
    tu_copy_tree(mini_dir(), data);
    /* a named pipe for a content file: refused at once, never waited on */
    snprintf(path, sizeof path, "%s/muscles.json", data);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkfifo(path, 0600), 0);
    expect_refused(data, "muscles.json: $: not a plain file", 1.0);
    tu_rmtree(tmp);
    free(tmp);
}

static void test_shipped_data_passes(void **state)
{
    (void)state;
    pm_content *c = tu_load_shipped();
    assert_true(content_region_count(c) > 0);
    assert_int_equal(content_lang_index(c, "en"), 0);
    /* every region's anchor hits its own region in the shipped chart too */
    for (size_t i = 0; i < content_region_count(c); i++) {
        const pm_region *r = content_region(c, i);
        assert_int_equal(content_region_at(c, r->view, r->anchor, 0), (int)i);
    }
    content_free(c);
}

/* The checked-content stamp (content.h): a folder that passed every check
 * and was stamped starts without the cross-file checks, and exactly the
 * same: same regions, same anchors (where a replay's "press" lands and a
 * label sits). Any changed byte in any file it reads, or --check-data's
 * mode, runs every check again; a stale stamp never lets a broken folder
 * in. */
static void test_stamp_vouches_for_exactly_what_was_checked(void **state)
{
    (void)state;
    char *tmp = tu_tempdir();
    char data[1024], path[1200];
    snprintf(data, sizeof data, "%s/data", tmp);
    tu_copy_tree(mini_dir(), data);
    pm_msgs p;
    pm_msgs_init(&p);
    pm_content *full = NULL, *c = NULL;

    /* no stamp yet: everything is checked, even at start-up */
    assert_int_equal(content_load(data, &c, &p), PM_OK);
    assert_true(content_fully_checked(c));
    content_free(c);
    assert_int_equal(content_load_mode(data, CONTENT_CHECK_ALL, &full, &p), PM_OK);
    assert_false(content_stamp_current(full, data));
    pm_msg err = {{0}};
    assert_int_equal(content_write_stamp(full, data, &err), PM_OK);
    assert_true(content_stamp_current(full, data));

    /* stamped: start-up trusts it and gets the same content */
    assert_int_equal(content_load(data, &c, &p), PM_OK);
    assert_false(content_fully_checked(c));
    assert_int_equal(content_region_count(c), content_region_count(full));
    for (size_t i = 0; i < content_region_count(c); i++) {
        assert_string_equal(content_region(c, i)->id, content_region(full, i)->id);
        assert_true(content_region(c, i)->anchor.x == content_region(full, i)->anchor.x);
        assert_true(content_region(c, i)->anchor.y == content_region(full, i)->anchor.y);
    }
    content_free(c);
    /* --check-data's mode checks everything whatever the stamp says */
    assert_int_equal(content_load_mode(data, CONTENT_CHECK_ALL, &c, &p), PM_OK);
    assert_true(content_fully_checked(c));
    content_free(c);

    /* one byte more in one language file: checked again */
    snprintf(path, sizeof path, "%s/i18n/es.json", data);
    size_t len = 0;
    char *es = tu_read_file(path, &len);
    assert_non_null(es);
    char *more = malloc(len + 2);
    memcpy(more, es, len);
    memcpy(more + len, " ", 2);
    tu_write_file(path, more);
    assert_int_equal(content_load(data, &c, &p), PM_OK);
    assert_true(content_fully_checked(c));
    content_free(c);
    tu_write_file(path, es); /* back as it was: the stamp vouches again */
    assert_int_equal(content_load(data, &c, &p), PM_OK);
    assert_false(content_fully_checked(c));
    content_free(c);
    free(more);
    free(es);

    /* overlapping regions under the old stamp: refused, with the reason */
    char overlay[1024];
    snprintf(overlay, sizeof overlay, "%s/data-broken/overlap", tu_tests_dir());
    tu_copy_tree(overlay, data);
    c = (pm_content *)0x1;
    assert_int_equal(content_load(data, &c, &p), PM_ERR_INVALID);
    assert_null(c);
    assert_true(has_message(&p, "overlaps region 'head'"));

    content_free(full);
    pm_msgs_free(&p);
    tu_rmtree(tmp);
    free(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mini_loads),
        cmocka_unit_test(test_every_broken_copy_is_refused_with_its_message),
        cmocka_unit_test(test_missing_file_and_folder),
        cmocka_unit_test(test_stamp_vouches_for_exactly_what_was_checked),
        cmocka_unit_test(test_all_problems_reported_not_just_the_first),
        cmocka_unit_test(test_hit_testing_on_content),
        cmocka_unit_test(test_shipped_data_passes),
        cmocka_unit_test(test_huge_polygons_are_refused_fast),
        cmocka_unit_test(test_other_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
