/* test_ranking.c — which referral patterns come first for which marks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "ranking.h"
#include "testutil.h"

static pm_content *mini;

static int setup(void **state)
{
    (void)state;
    mini = tu_load_mini();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    content_free(mini);
    return 0;
}

static int R(const char *id) { return content_region_index(mini, id); }
static int M(const char *id) { return content_muscle_index(mini, id); }

static void test_scores_follow_the_rule(void **state)
{
    (void)state;
    /* neck_muscle: primary head, back_l; spill-over torso_r */
    int marks[] = {R("head")};
    ranking_entry e = ranking_score(mini, M("neck_muscle"), marks, 1);
    assert_int_equal(e.primary_hits, 1);
    assert_int_equal(e.spill_hits, 0);
    assert_int_equal(e.score, 12 - 2 - 1);
    int marks2[] = {R("head"), R("back_l"), R("torso_r")};
    e = ranking_score(mini, M("neck_muscle"), marks2, 3);
    assert_int_equal(e.score, 24 + 4);
}

static void test_primary_beats_spillover(void **state)
{
    (void)state;
    /* arm_l is chest_muscle's spill-over; torso_l its primary */
    int spill_only[] = {R("arm_l")};
    int primary_only[] = {R("torso_l")};
    ranking_entry a = ranking_score(mini, M("chest_muscle"), spill_only, 1);
    ranking_entry b = ranking_score(mini, M("chest_muscle"), primary_only, 1);
    assert_true(b.score > a.score);
}

/* A pattern counts on the side (or sides) the client marked: the zones of
 * the other side are neither hits nor misses. (In data-mini, torso_r is on
 * the client's left and torso_l and arm_l on their right.) */
static void test_each_side_on_its_own(void **state)
{
    (void)state;
    /* chest_muscle: primary torso_l (right) and torso_r (left); spill arm_l (right) */
    int left_only[] = {R("torso_r")};
    ranking_entry e = ranking_score(mini, M("chest_muscle"), left_only, 1);
    assert_int_equal(e.sides, RANKING_LEFT);
    assert_int_equal(e.score, 12); /* the right side's miss and spill-over do not count */
    int both[] = {R("torso_r"), R("arm_l")};
    e = ranking_score(mini, M("chest_muscle"), both, 2);
    assert_int_equal(e.sides, RANKING_LEFT | RANKING_RIGHT);
    assert_int_equal(e.score, 12 + 4 - 2); /* torso_l missed on the right */
    /* only the middle marked: one side's zones count */
    int middle[] = {R("head")};
    e = ranking_score(mini, M("neck_muscle"), middle, 1);
    assert_int_equal(e.sides, RANKING_LEFT);
}

static void test_ranking_order_and_unmatched(void **state)
{
    (void)state;
    ranking_entry out[8];
    int marks[] = {R("calf_l"), R("head")};
    size_t n = ranking_rank(mini, marks, 2, out, 8);
    /* chest_muscle matches nothing: not ranked at all */
    assert_int_equal(n, 2);
    /* calf_muscle: one primary of one (12); neck_muscle: one of two and a
     * missed spill-over (12 - 2 - 1): the tighter match wins */
    assert_int_equal(out[0].muscle, M("calf_muscle"));
    assert_int_equal(out[1].muscle, M("neck_muscle"));
    /* max limits the list and keeps the best */
    n = ranking_rank(mini, marks, 2, out, 1);
    assert_int_equal(n, 1);
    assert_int_equal(out[0].muscle, M("calf_muscle"));
    assert_int_equal(ranking_rank(mini, marks, 0, out, 8), 0);
}

static void test_ties_are_deterministic(void **state)
{
    (void)state;
    /* torso_r: spill-over of neck_muscle (4 - 4 = 0... ) and primary of chest */
    int marks[] = {R("torso_r"), R("torso_l"), R("head"), R("back_l")};
    ranking_entry first[8], again[8];
    size_t n1 = ranking_rank(mini, marks, 4, first, 8);
    int reversed[] = {R("back_l"), R("head"), R("torso_l"), R("torso_r")};
    size_t n2 = ranking_rank(mini, reversed, 4, again, 8);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        assert_int_equal(first[i].muscle, again[i].muscle);
        assert_int_equal(first[i].score, again[i].score);
    }
    /* neck (24 + 4) and chest (24 + 0 - 1) */
    assert_int_equal(first[0].muscle, M("neck_muscle"));
    assert_int_equal(first[0].score, 28);
    assert_int_equal(first[1].muscle, M("chest_muscle"));
    assert_int_equal(first[1].score, 23);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scores_follow_the_rule),
        cmocka_unit_test(test_primary_beats_spillover),
        cmocka_unit_test(test_each_side_on_its_own),
        cmocka_unit_test(test_ranking_order_and_unmatched),
        cmocka_unit_test(test_ties_are_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
