/* test_learn.c — the Learn screens' state (core/intake/learn.h): which body
 * areas are offered, what is listed for one and in which order, moving
 * through lists and pages, Back and Exit, and the idle close that leaves
 * nothing of what a client was reading.
 *
 * A small content set made here (the data-mini regions in five groups, a
 * few library pages) pins the rules exactly; the shipped content is checked
 * for what a client sees: every part of the body offered, low back pain
 * before the questions before the muscles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "learn.h"
#include "testutil.h"

/* data-mini's seven regions, grouped: head | arm | torso (l, r) | back (l, r) | calf.
 * Muscles (data-mini): neck_muscle head + back_l, calf_muscle calf_l,
 * chest_muscle torso_l + torso_r. Nothing but the general question is
 * about the arm. */
static const char *REGIONS =
    "{\"chart\": {\"width\": 100, \"height\": 100},\n"
    " \"groups\": [{\"id\": \"g_head\", \"label\": \"region.head\"},"
    " {\"id\": \"g_arm\", \"label\": \"region.arm_l\"},"
    " {\"id\": \"g_torso\", \"label\": \"region.torso_l\"},"
    " {\"id\": \"g_back\", \"label\": \"region.back_l\"},"
    " {\"id\": \"g_calf\", \"label\": \"region.calf_l\"}],\n"
    " \"regions\": [\n"
    "  {\"id\": \"head\", \"view\": \"front\", \"side\": \"centre\", \"label\": \"region.head\","
    " \"term\": \"term.head\", \"group\": \"g_head\","
    " \"polygon\": [[40, 0], [60, 0], [60, 20], [40, 20]]},\n"
    "  {\"id\": \"torso_l\", \"view\": \"front\", \"side\": \"right\", \"label\": \"region.torso_l\","
    " \"term\": \"term.torso_l\", \"group\": \"g_torso\","
    " \"polygon\": [[30, 20], [50, 20], [50, 50], [70, 50], [70, 60], [30, 60]]},\n"
    "  {\"id\": \"torso_r\", \"view\": \"front\", \"side\": \"left\", \"label\": \"region.torso_r\","
    " \"term\": \"term.torso_r\", \"group\": \"g_torso\","
    " \"polygon\": [[50, 20], [70, 20], [70, 50], [50, 50]]},\n"
    "  {\"id\": \"arm_l\", \"view\": \"front\", \"side\": \"right\", \"label\": \"region.arm_l\","
    " \"term\": \"term.arm_l\", \"group\": \"g_arm\","
    " \"polygon\": [[10, 20], [25, 20], [25, 60], [10, 60]]},\n"
    "  {\"id\": \"back_l\", \"view\": \"back\", \"side\": \"left\", \"label\": \"region.back_l\","
    " \"term\": \"term.back_l\", \"group\": \"g_back\","
    " \"polygon\": [[30, 20], [50, 20], [50, 60], [30, 60]]},\n"
    "  {\"id\": \"back_r\", \"view\": \"back\", \"side\": \"right\", \"label\": \"region.back_r\","
    " \"term\": \"term.back_r\", \"group\": \"g_back\","
    " \"polygon\": [[50, 20], [70, 20], [70, 60], [50, 60]]},\n"
    "  {\"id\": \"calf_l\", \"view\": \"back\", \"side\": \"left\", \"label\": \"region.calf_l\","
    " \"term\": \"term.calf_l\", \"group\": \"g_calf\","
    " \"polygon\": [[30, 70], [45, 70], [43, 95], [32, 95]]}\n"
    " ]}\n";

/* Content order: a question about the back, a complaint about the torso, a
 * general question (every area), a complaint about torso and back. */
static const char *PAGES =
    "{\"pages\": [\n"
    " {\"id\": \"intro\", \"title\": \"page.intro.title\", \"paragraphs\": [\"page.intro.p1\"]},\n"
    " {\"id\": \"after\", \"title\": \"page.after.title\","
    " \"paragraphs\": [\"page.after.p1\", \"page.after.p2\"]},\n"
    " {\"id\": \"faq_back\", \"topic\": \"faq\", \"areas\": [\"back_r\"],"
    " \"title\": \"page.intro.title\", \"paragraphs\": [\"page.intro.p1\"]},\n"
    " {\"id\": \"complaint_torso\", \"topic\": \"complaint\", \"areas\": [\"torso_l\"],"
    " \"title\": \"page.after.title\", \"paragraphs\": [\"page.after.p1\"]},\n"
    " {\"id\": \"faq_all\", \"topic\": \"faq\","
    " \"title\": \"page.intro.title\", \"paragraphs\": [\"page.after.p2\"]},\n"
    " {\"id\": \"complaint_two\", \"topic\": \"complaint\", \"areas\": [\"torso_r\", \"back_l\"],"
    " \"title\": \"page.after.title\", \"paragraphs\": [\"page.intro.p1\"]}\n"
    "], \"sequence\": [\"intro\", \"@muscles\", \"after\"]}\n";

typedef struct {
    pm_content *c;
    char *tmp;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->tmp = tu_tempdir();
    char dir[1024], mini[1024], path[1100];
    snprintf(dir, sizeof dir, "%s/data", f->tmp);
    snprintf(mini, sizeof mini, "%s/data-mini", tu_tests_dir());
    tu_copy_tree(mini, dir);
    snprintf(path, sizeof path, "%s/regions.json", dir);
    tu_write_file(path, REGIONS);
    snprintf(path, sizeof path, "%s/pages.json", dir);
    tu_write_file(path, PAGES);
    f->c = tu_load_dir(dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    content_free(f->c);
    tu_rmtree(f->tmp);
    free(f->tmp);
    free(f);
    return 0;
}

static int group(const pm_content *c, const char *id)
{
    for (size_t i = 0; i < content_group_count(c); i++)
        if (strcmp(content_group(c, i)->id, id) == 0)
            return (int)i;
    fail_msg("no group '%s'", id);
    return -1;
}

/* The list's entries as "page:ID" / "muscle:ID", joined with spaces. */
static void describe(const pm_content *c, int g, char *out, size_t size)
{
    learn_item items[64];
    size_t n = learn_items_for(c, g, items, 64);
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 64; i++) {
        const char *id = items[i].is_muscle ? content_muscle(c, (size_t)items[i].index)->id
                                            : content_page(c, (size_t)items[i].index)->id;
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s:%s", i ? " " : "",
                 items[i].is_muscle ? "muscle" : "page", id);
    }
}

/* An area is offered only when something is about it in particular: the
 * arm has only the general question, so it is not offered. */
static void test_areas_offered_only_with_pages(void **state)
{
    fixture *f = *state;
    int areas[CONTENT_MAX_GROUPS];
    size_t n = learn_areas(f->c, areas, CONTENT_MAX_GROUPS);
    assert_int_equal(n, 4);
    assert_int_equal(areas[0], group(f->c, "g_head"));
    assert_int_equal(areas[1], group(f->c, "g_torso"));
    assert_int_equal(areas[2], group(f->c, "g_back"));
    assert_int_equal(areas[3], group(f->c, "g_calf"));
    learn *l;
    assert_int_equal(learn_create(f->c, (learn_timing){90000, 20000}, &l), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 0), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_AREA, group(f->c, "g_arm"), 10), PM_ERR_INVALID);
    assert_int_equal(learn_level_now(l), LEARN_AREAS);
    learn_destroy(l);
}

/* Complaints, then questions (about the area, or about every area), then
 * the muscles whose main zone is there, each in content order; walk-through
 * pages never. */
static void test_list_order(void **state)
{
    fixture *f = *state;
    char got[512];
    describe(f->c, group(f->c, "g_torso"), got, sizeof got);
    assert_string_equal(got, "page:complaint_torso page:complaint_two page:faq_all muscle:chest_muscle");
    describe(f->c, group(f->c, "g_back"), got, sizeof got);
    assert_string_equal(got, "page:complaint_two page:faq_back page:faq_all muscle:neck_muscle");
    describe(f->c, group(f->c, "g_calf"), got, sizeof got);
    assert_string_equal(got, "page:faq_all muscle:calf_muscle");
}

/* Area → page → Back retraces (the list, the areas, closed); Exit closes
 * from a page at once. */
static void test_back_and_exit(void **state)
{
    fixture *f = *state;
    learn *l;
    assert_int_equal(learn_create(f->c, (learn_timing){90000, 20000}, &l), PM_OK);
    assert_false(learn_is_open(l));
    assert_int_equal(learn_handle(l, LEARN_EV_BACK, 0, 0), PM_ERR_STATE); /* closed */
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 0), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_AREAS);
    int torso = group(f->c, "g_torso");
    assert_int_equal(learn_handle(l, LEARN_EV_AREA, torso, 1), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_LIST);
    assert_int_equal(learn_area(l), torso);
    assert_int_equal(learn_handle(l, LEARN_EV_ITEM, 4, 2), PM_ERR_INVALID); /* 4 entries */
    assert_int_equal(learn_handle(l, LEARN_EV_ITEM, 3, 2), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_PAGE);
    learn_item it = learn_page(l);
    assert_true(it.is_muscle);
    assert_string_equal(content_muscle(f->c, (size_t)it.index)->id, "chest_muscle");
    /* a page is one page (the screen scrolls it): More has nothing to turn */
    assert_int_equal(learn_handle(l, LEARN_EV_MORE, 0, 2), PM_ERR_STATE);
    assert_int_equal(learn_level_now(l), LEARN_PAGE);
    assert_int_equal(learn_handle(l, LEARN_EV_BACK, 0, 3), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_LIST);
    assert_int_equal(learn_area(l), torso);
    assert_int_equal(learn_handle(l, LEARN_EV_BACK, 0, 4), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_AREAS);
    assert_int_equal(learn_area(l), -1);
    assert_int_equal(learn_handle(l, LEARN_EV_BACK, 0, 5), PM_OK);
    assert_false(learn_is_open(l));
    assert_int_equal(learn_closes(l), 1);
    /* Exit from a page: closed at once, and opening again starts at the areas */
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 6), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_AREA, torso, 7), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_ITEM, 0, 8), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_EXIT, 0, 9), PM_OK);
    assert_false(learn_is_open(l));
    assert_int_equal(learn_closes(l), 2);
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 10), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_AREAS);
    assert_int_equal(learn_area(l), -1);
    learn_destroy(l);
}

/* The shipped content: lists in pages of LEARN_PER_PAGE; More turns, Back
 * comes back to the page the client was on, from a page straight to its
 * list page. */
static void test_pages_of_lists(void **state)
{
    (void)state;
    pm_content *c = tu_load_shipped();
    int areas[CONTENT_MAX_GROUPS];
    size_t n = learn_areas(c, areas, CONTENT_MAX_GROUPS);
    /* every part of the body has something to read */
    assert_int_equal(n, content_group_count(c));
    assert_true(n >= 10);
    learn *l;
    assert_int_equal(learn_create(c, (learn_timing){90000, 20000}, &l), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 0), PM_OK);
    assert_int_equal(learn_list_pages(l), (int)((n + LEARN_PER_PAGE - 1) / LEARN_PER_PAGE));
    assert_int_equal(learn_handle(l, LEARN_EV_MORE, 0, 1), PM_OK);
    assert_int_equal(learn_list_page(l), 1);
    int low = group(c, "lower_back");
    assert_int_equal(learn_handle(l, LEARN_EV_AREA, low, 2), PM_OK);
    assert_int_equal(learn_list_page(l), 0);
    /* low back pain first, then the questions, then the muscles */
    learn_item items[128];
    size_t k = learn_items_for(c, low, items, 128);
    assert_true(k > LEARN_PER_PAGE);
    assert_false(items[0].is_muscle);
    assert_string_equal(content_page(c, (size_t)items[0].index)->id, "complaint_low_back");
    bool seen_muscle = false, ql = false;
    for (size_t i = 0; i < k; i++) {
        if (!items[i].is_muscle) {
            assert_false(seen_muscle);
            continue;
        }
        seen_muscle = true;
        ql = ql || strcmp(content_muscle(c, (size_t)items[i].index)->id, "quadratus_lumborum") == 0;
    }
    assert_true(ql);
    /* the last list page, then one more is refused */
    int pages = learn_list_pages(l);
    for (int p = 1; p < pages; p++)
        assert_int_equal(learn_handle(l, LEARN_EV_MORE, 0, 3), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_MORE, 0, 4), PM_ERR_STATE);
    /* the last entry is a muscle */
    assert_int_equal(learn_handle(l, LEARN_EV_ITEM, (int)k - 1, 5), PM_OK);
    assert_true(learn_page(l).is_muscle);
    assert_int_equal(learn_handle(l, LEARN_EV_BACK, 0, 8), PM_OK); /* the list, same page */
    assert_int_equal(learn_level_now(l), LEARN_LIST);
    assert_int_equal(learn_list_page(l), pages - 1);
    for (int p = 0; p < pages; p++)
        assert_int_equal(learn_handle(l, LEARN_EV_BACK, 0, 9), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_AREAS);
    assert_int_equal(learn_list_page(l), 1); /* the areas page it was chosen on */
    learn_destroy(l);
    content_free(c);
}

/* As everywhere: the prompt after idle_ms, a touch keeps going, grace_ms
 * after the prompt Learn is closed and nothing of it is left. */
static void test_idle_closes_with_nothing_left(void **state)
{
    fixture *f = *state;
    learn *l;
    assert_int_equal(learn_create(f->c, (learn_timing){90000, 20000}, &l), PM_OK);
    assert_int_equal(learn_next_deadline(l, 0), UINT64_MAX); /* closed: nothing due */
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 1000), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_AREA, group(f->c, "g_back"), 2000), PM_OK);
    assert_int_equal(learn_handle(l, LEARN_EV_ITEM, 0, 3000), PM_OK);
    assert_int_equal(learn_next_deadline(l, 3000), 93000);
    learn_handle(l, LEARN_EV_TICK, 0, 92999);
    assert_false(learn_still_there(l));
    learn_handle(l, LEARN_EV_TICK, 0, 93000);
    assert_true(learn_still_there(l));
    assert_int_equal(learn_grace_left(l, 93000), 20000);
    assert_int_equal(learn_next_deadline(l, 93000), 94000); /* the countdown shows 19 */
    /* "continue": back to the page, as it was */
    assert_int_equal(learn_handle(l, LEARN_EV_STILL_HERE, 0, 95000), PM_OK);
    assert_false(learn_still_there(l));
    assert_int_equal(learn_level_now(l), LEARN_PAGE);
    learn_handle(l, LEARN_EV_TICK, 0, 185000);
    assert_true(learn_still_there(l));
    learn_handle(l, LEARN_EV_TICK, 0, 204999);
    assert_true(learn_is_open(l));
    learn_handle(l, LEARN_EV_TICK, 0, 205000);
    assert_false(learn_is_open(l));
    assert_false(learn_still_there(l));
    assert_int_equal(learn_closes(l), 1);
    assert_int_equal(learn_area(l), -1);
    assert_int_equal(learn_page(l).index, -1);
    assert_int_equal(learn_next_deadline(l, 205000), UINT64_MAX);
    /* the next person starts at the areas' first page */
    assert_int_equal(learn_handle(l, LEARN_EV_OPEN, 0, 300000), PM_OK);
    assert_int_equal(learn_level_now(l), LEARN_AREAS);
    assert_int_equal(learn_list_page(l), 0);
    learn_destroy(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_areas_offered_only_with_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_back_and_exit, setup, teardown),
        cmocka_unit_test(test_pages_of_lists),
        cmocka_unit_test_setup_teardown(test_idle_closes_with_nothing_left, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
